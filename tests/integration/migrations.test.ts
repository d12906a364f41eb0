import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshDb } from '../helpers/db';
import { makeOrg } from '../helpers/factories';
import { organizations } from '@/db/schema';

describe('migrations', () => {
  it('apply to an empty database and create every table', () => {
    const db = freshDb();
    const tables = db
      .all<{ name: string }>(
        sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`,
      )
      .map((t) => t.name);
    for (const t of [
      'users',
      'organizations',
      'articles',
      'assets',
      'rate_cards',
      'license_requests',
      'request_articles',
      'request_events',
      'messages',
      'licenses',
      'downloads',
      'pixel_hits',
      'outbox',
      'settings',
    ]) {
      expect(tables).toContain(t);
    }
    expect(db.get<{ foreign_keys: number }>(sql`pragma foreign_keys`)?.foreign_keys).toBe(1);
  });

  // drizzle wraps the driver's error; the SQLite reason is its cause.
  const reason = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return String((e as Error & { cause?: Error }).cause?.message ?? (e as Error).message);
    }
    return 'no error';
  };

  it('enforce enum CHECK constraints and foreign keys', () => {
    const db = freshDb();
    expect(
      reason(() => db.run(sql`insert into organizations (name, type, country) values ('X', 'pirate', 'UK')`)),
    ).toMatch(/CHECK/);
    expect(
      reason(() =>
        db.run(sql`insert into users (email, name, password_hash, organization_id) values ('a@b.co', 'A', 'h', 999)`),
      ),
    ).toMatch(/FOREIGN KEY/);
    expect(
      reason(() => db.run(sql`insert into users (email, name, password_hash) values ('Mixed@Case.co', 'A', 'h')`)),
    ).toMatch(/CHECK/);
    const org = makeOrg(db);
    expect(
      db
        .select()
        .from(organizations)
        .all()
        .map((o) => o.id),
    ).toEqual([org.id]);
  });
});

/** An in-memory database migrated up to (not including) the migration whose tag ends with `tagEnd`. */
async function migratedUpTo(tagEnd: string) {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const Database = (await import('better-sqlite3')).default;
  const { drizzle } = await import('drizzle-orm/better-sqlite3');
  const { migrate } = await import('drizzle-orm/better-sqlite3/migrator');
  const { migrateSafely, migrationsFolder } = await import('@/db/client');
  const before = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-mig-'));
  fs.mkdirSync(path.join(before, 'meta'));
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const upTo = journal.entries.findIndex((e) => e.tag.endsWith(tagEnd));
  expect(upTo).toBeGreaterThan(0);
  fs.writeFileSync(
    path.join(before, 'meta/_journal.json'),
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }),
  );
  for (const f of fs.readdirSync(migrationsFolder))
    if (f.endsWith('.sql')) fs.copyFileSync(path.join(migrationsFolder, f), path.join(before, f));
  const sqlite = new Database(':memory:');
  const db = drizzle(sqlite);
  migrateSafely(sqlite, db, before);
  fs.rmSync(before, { recursive: true, force: true });
  // As db/client.ts opens a database: the rest migrate with foreign keys off, checked after — unless
  // the test's rows are orphans on purpose.
  const rest = (o: { orphans?: boolean } = {}) =>
    o.orphans ? migrate(db, { migrationsFolder }) : migrateSafely(sqlite, db);
  return { sqlite, rest };
}

describe('usage counts migration', () => {
  it('rolls the hits logged before it into daily counts and trims pixel_hits to the sample', async () => {
    // The migrations before usage_counts, then hits as the old pixel logged them, then the rest.
    const { sqlite, rest } = await migratedUpTo('_usage_counts');
    sqlite.pragma('foreign_keys = OFF'); // hits of licences this test does not build
    const log = sqlite.prepare(
      'insert into pixel_hits (license_id, host, referrer, flagged, flag_reason, created_at) values (?, ?, ?, ?, ?, ?)',
    );
    for (let i = 0; i < 30; i++)
      log.run(
        1,
        'a.example',
        `https://a.example/${i}`,
        i === 5 ? 1 : 0,
        i === 5 ? 'not theirs' : null,
        `2026-11-01T10:${String(i).padStart(2, '0')}:00.000Z`,
      );
    log.run(1, 'a.example', 'https://a.example/next', 0, null, '2026-11-02T10:00:00.000Z');
    rest({ orphans: true });
    expect(sqlite.prepare('select day, reads, flag_reason, last_referrer from usage_daily order by day').all()).toEqual(
      [
        { day: '2026-11-01', reads: 30, flag_reason: 'not theirs', last_referrer: 'https://a.example/29' },
        { day: '2026-11-02', reads: 1, flag_reason: null, last_referrer: 'https://a.example/next' },
      ],
    );
    expect(
      sqlite.prepare('select reads, flagged_days, flag_reason, last_read_at, last_referrer from usage_hosts').all(),
    ).toEqual([
      {
        reads: 31,
        flagged_days: 1,
        flag_reason: 'not theirs',
        last_read_at: '2026-11-02T10:00:00.000Z',
        last_referrer: 'https://a.example/next',
      },
    ]);
    expect(sqlite.prepare('select day, hits from usage_hit_totals order by day').all()).toEqual([
      { day: '2026-11-01', hits: 30 },
      { day: '2026-11-02', hits: 1 },
    ]);
    expect(sqlite.prepare('select count(*) as n, sum(counted) as c from pixel_hits').get()).toEqual({ n: 21, c: 21 });
  });
});

describe('accounts and teams migration', () => {
  it('makes each registered publisher the owner of their organisation and keeps pending verification links', async () => {
    const { sqlite, rest } = await migratedUpTo('_accounts_teams');
    sqlite.prepare("insert into organizations (id, name, type, country) values (1, 'Org', 'commercial', 'UK')").run();
    const user = sqlite.prepare(
      'insert into users (id, email, name, password_hash, role, organization_id) values (?, ?, ?, ?, ?, ?)',
    );
    user.run(1, 'pub@example.org', 'Pub', 'h', 'publisher', 1);
    user.run(2, 'staff@example.org', 'Staff', 'h', 'staff', null);
    sqlite
      .prepare('insert into email_verification_tokens (user_id, token_hash, expires_at) values (1, ?, ?)')
      .run('a'.repeat(64), '2030-01-01T00:00:00.000Z');
    rest();
    expect(sqlite.prepare('select id, org_role from users order by id').all()).toEqual([
      { id: 1, org_role: 'owner' },
      { id: 2, org_role: null },
    ]);
    expect(sqlite.prepare('select purpose, user_id, email, token_hash from account_tokens').all()).toEqual([
      { purpose: 'verify_email', user_id: 1, email: 'pub@example.org', token_hash: 'a'.repeat(64) },
    ]);
    expect(
      sqlite.prepare("select count(*) as n from sqlite_master where name = 'email_verification_tokens'").get(),
    ).toEqual({ n: 0 });
  });
});

describe('usage totals migration', () => {
  it('starts the one totals row from the counts already there', async () => {
    // The migrations before usage_totals, then counts as the desk kept them, then the rest.
    const { sqlite, rest } = await migratedUpTo('_usage_totals');
    const host = sqlite.prepare(
      'insert into usage_hosts (license_id, host, reads, flagged_days, last_read_at) values (?, ?, ?, ?, ?)',
    );
    host.run(1, 'a.example', 10, 0, '2026-11-01T10:00:00.000Z');
    host.run(1, 'b.example', 4, 2, '2026-11-02T10:00:00.000Z');
    host.run(2, 'a.example', 1, 1, '2026-11-03T10:00:00.000Z');
    const hits = sqlite.prepare('insert into usage_hit_totals (license_id, day, hits) values (?, ?, ?)');
    hits.run(1, '2026-11-01', 30);
    hits.run(2, '2026-11-03', 5);
    rest();
    expect(sqlite.prepare('select * from usage_totals').all()).toEqual([
      { id: 1, reads: 15, flagged_days: 3, hosts: 3, flagged_hosts: 2, licences: 2, hits: 35 },
    ]);
  });
});

describe('AI and catalogue licences migration', () => {
  it('rebuilds organisations and requests without losing a child row, a count or a trigger', async () => {
    const { sqlite, rest } = await migratedUpTo('_ai_catalogue_licences');
    const triggers = () =>
      sqlite.prepare("select name from sqlite_master where type = 'trigger' order by name").pluck().all();
    const before = triggers();
    sqlite.exec(`
      insert into organizations (id, name, type, country) values (1, 'Org', 'commercial', 'UK');
      insert into users (id, email, name, password_hash, role, organization_id, org_role)
        values (1, 'pub@example.org', 'Pub', 'h', 'publisher', 1, 'owner');
      insert into rate_cards (version, data) values (1, '{}');
      insert into articles (id, slug, title, body, section, published_at, updated_at, canonical_url)
        values (1, 'a', 'A', '<p>a</p>', 'news', '2026-01-01', '2026-01-01', 'https://x.example/a');
      insert into license_requests (id, reference, organization_id, requester_id, use, publication_name,
        publication_url, audience, territory, duration, start_date, portion, quote, rate_card_version,
        idempotency_key, status, decided_at)
        values (1, 'RR-1', 1, 1, 'web', 'P', 'https://p.example', 1000, 'country', '1y', '2026-01-01', 'full',
          '{}', 1, 'k', 'approved', '2026-01-02T00:00:00.000Z');
      insert into request_articles (request_id, article_id) values (1, 1);
      insert into request_events (request_id, actor_id, to_status, action) values (1, 1, 'approved', 'approve');
    `);
    const counts = () => sqlite.prepare('select status, n from request_status_counts where n > 0').all();
    const countsBefore = counts();
    expect(countsBefore).toEqual([{ status: 'approved', n: 1 }]);
    rest();
    // The cascades a DROP TABLE with foreign keys on would have run (db/client.ts migrateSafely).
    expect(sqlite.prepare('select count(*) from request_articles').pluck().get()).toBe(1);
    expect(sqlite.prepare('select count(*) from request_events').pluck().get()).toBe(1);
    expect(sqlite.prepare('select count(*) from users where organization_id = 1').pluck().get()).toBe(1);
    expect(sqlite.prepare('select selection from license_requests').pluck().get()).toBeNull();
    expect(triggers()).toEqual(before);
    expect(counts()).toEqual(countsBefore);
    // The triggers still count: a new request, then a decision.
    sqlite.exec(`
      insert into license_requests (id, reference, organization_id, requester_id, use, publication_name,
        publication_url, audience, territory, duration, start_date, portion, quote, rate_card_version,
        idempotency_key, selection)
        values (2, 'RR-2', 1, 1, 'ai-train', 'P', 'https://p.example', 1, 'worldwide', '1y', '2026-01-01', 'full',
          '{}', 1, 'k2', '{"sections":["news"],"tags":[],"from":null,"to":null,"ongoing":false}');
      update organizations set type = 'ai_developer' where id = 1;
    `);
    expect(counts()).toEqual([
      { status: 'approved', n: 1 },
      { status: 'submitted', n: 1 },
    ]);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('invoices backfill migration', () => {
  it('gives every earlier licence with a fee its invoice: paid if it was marked paid, void if revoked unpaid', async () => {
    const { sqlite, rest } = await migratedUpTo('_invoices');
    sqlite.exec(`
      insert into organizations (id, name, type, country) values (1, 'Old Times', 'commercial', 'UK');
      insert into users (id, email, name, password_hash, role, organization_id)
        values (1, 'pub@example.org', 'Pub', 'h', 'publisher', 1);
      insert into rate_cards (version, data) values (1, '{}');
    `);
    const request = sqlite.prepare(`insert into license_requests (id, reference, organization_id, requester_id, use,
      publication_name, publication_url, audience, territory, duration, start_date, portion, quote, rate_card_version,
      idempotency_key, status) values (?, ?, 1, 1, 'web', 'P', 'https://p.example', 1000, 'country', '1y',
      '2026-01-01', 'full', '{}', 1, ?, 'approved')`);
    const licence = sqlite.prepare(`insert into licenses (id, code, request_id, organization_id, terms, fee, valid_from,
      credit_line, status, invoice_ref, paid_at, created_at)
      values (?, ?, ?, 1, '{}', ?, '2026-01-01', 'c', ?, ?, ?, '2026-03-10T09:00:00.000Z')`);
    const rows: [number, number, string, string | null][] = [
      [1, 45000, 'active', '2026-03-11T10:00:00.000Z'],
      [2, 30000, 'active', null],
      [3, 12000, 'revoked', null],
      [4, 0, 'active', '2026-03-10T09:00:00.000Z'],
    ];
    for (const [id, fee, status, paidAt] of rows) {
      request.run(id, `RR-${id}`, `k${id}`);
      licence.run(id, `LIC-${id}`, id, fee, status, `INV-2026-00000${id}`, paidAt);
    }
    rest();
    expect(
      sqlite
        .prepare(
          'select number, total, net, vat, amount_paid, status, issued_on, due_on from invoices order by license_id',
        )
        .all(),
    ).toEqual([
      {
        number: 'INV-2026-000001',
        total: 45000,
        net: 45000,
        vat: 0,
        amount_paid: 45000,
        status: 'paid',
        issued_on: '2026-03-10',
        due_on: '2026-04-09',
      },
      {
        number: 'INV-2026-000002',
        total: 30000,
        net: 30000,
        vat: 0,
        amount_paid: 0,
        status: 'open',
        issued_on: '2026-03-10',
        due_on: '2026-04-09',
      },
      {
        number: 'INV-2026-000003',
        total: 12000,
        net: 12000,
        vat: 0,
        amount_paid: 0,
        status: 'void',
        issued_on: '2026-03-10',
        due_on: '2026-04-09',
      },
    ]);
    expect(
      JSON.parse(sqlite.prepare('select buyer from invoices where license_id = 1').pluck().get() as string),
    ).toMatchObject({
      name: 'Old Times',
      country: 'UK',
    });
  });
});
