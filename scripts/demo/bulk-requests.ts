import { randomBytes } from 'node:crypto';
import type { Db } from '@/db/client';
import { REQUEST_STATUSES, USES, TERRITORIES, DURATIONS } from '@/db/schema';
import { currentRateCard } from '@/lib/rate-card';

/**
 * Synthetic request history for load tests: `count` requests spread over two years across 200
 * synthetic organisations, each with 1–3 articles, its audit event, and a licence when approved.
 * Raw prepared statements in batches of 5,000 per transaction: 200,000 rows take seconds.
 */
export async function seedBulkRequests(
  db: Db,
  count: number,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const sqlite = db.$client;
  const { version } = currentRateCard(db);
  const articleIds = (sqlite.prepare('select id from articles order by id limit 5000').all() as { id: number }[]).map(
    (r) => r.id,
  );
  if (!articleIds.length) throw new Error('Seed some articles first.');
  const run = randomBytes(3).toString('hex');
  const orgs: { org: number; user: number }[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < 200; i++) {
      const org = sqlite
        .prepare(
          "insert into organizations (name, type, country, domains) values (?, 'commercial', 'United Kingdom', ?)",
        )
        .run(`Bulk Outlet ${run}-${i}`, JSON.stringify([`bulk-${run}-${i}.example`])).lastInsertRowid as number;
      const user = sqlite
        .prepare(
          "insert into users (email, name, password_hash, role, organization_id) values (?, ?, 'scrypt$1$1$1$x$x', 'publisher', ?)",
        )
        .run(`bulk-${run}-${i}@bulk.example`, `Bulk ${i}`, org).lastInsertRowid as number;
      orgs.push({ org, user });
    }
  })();

  const insertReq =
    sqlite.prepare(`insert into license_requests (reference, organization_id, requester_id, use, publication_name, publication_url, audience, territory, territory_detail, duration, start_date, portion, quote_total, currency, quote, rate_card_version, agreed_fee, status, idempotency_key, created_at, updated_at, decided_at)
    values (@reference, @org, @user, @use, 'Bulk publication', 'https://bulk.example/', @audience, @territory, 'United Kingdom', @duration, @start, 'full', @total, 'GBP', '{}', @version, @agreed, @status, @key, @created, @created, @decided)`);
  const insertArt = sqlite.prepare(
    'insert or ignore into request_articles (request_id, article_id, position) values (?, ?, ?)',
  );
  const insertEvent = sqlite.prepare(
    "insert into request_events (request_id, from_status, to_status, action, created_at) values (?, null, 'submitted', 'submit', ?)",
  );
  const insertLicense =
    sqlite.prepare(`insert into licenses (code, request_id, organization_id, terms, fee, valid_from, valid_until, credit_line, status, invoice_ref, created_at)
    values (?, ?, ?, '{}', ?, ?, ?, 'Bulk credit line', 'active', ?, ?)`);
  const statuses = REQUEST_STATUSES.filter((s) => s !== 'expired' && s !== 'revoked');
  const now = Date.now();
  const twoYears = 730 * 86_400_000;
  const BATCH = 5000;
  for (let done = 0; done < count;) {
    const n = Math.min(BATCH, count - done);
    sqlite.transaction(() => {
      for (let i = 0; i < n; i++) {
        const k = done + i;
        const who = orgs[k % orgs.length]!;
        // Most history is decided; about one in ten is still open, as on a working desk.
        const status = k % 10 === 0 ? statuses[k % 3]! : statuses[3 + (k % (statuses.length - 3))]!;
        const created = new Date(now - ((k * 7919) % twoYears)).toISOString();
        const total = 2500 + ((k * 37) % 400) * 100;
        const decided = ['approved', 'rejected', 'withdrawn'].includes(status)
          ? new Date(Date.parse(created) + 3_600_000 * (1 + (k % 72))).toISOString()
          : null;
        const id = insertReq.run({
          reference: `RB-${run}-${k}`,
          org: who.org,
          user: who.user,
          use: USES[k % USES.length],
          audience: 1000 + ((k * 131) % 2_000_000),
          territory: TERRITORIES[k % 3],
          duration: DURATIONS[k % 2],
          start: created.slice(0, 10),
          total,
          version,
          agreed: status === 'approved' ? total : null,
          status,
          key: `bulk-${run}-${k}`,
          created,
          decided,
        }).lastInsertRowid as number;
        for (let a = 0; a <= k % 3; a++) insertArt.run(id, articleIds[(k + a * 17) % articleIds.length], a);
        insertEvent.run(id, created);
        if (status === 'approved')
          insertLicense.run(
            `LIC-B${run}-${k}`,
            id,
            who.org,
            total,
            created,
            new Date(Date.parse(created) + 365 * 86_400_000).toISOString(),
            `INV-B-${run}-${k}`,
            decided,
          );
      }
    })();
    done += n;
    onProgress?.(done, count);
  }
  sqlite.exec('ANALYZE');
}
