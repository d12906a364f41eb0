import { beforeEach, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { licenseRequests, licenses, pixelHits, type License } from '@/db/schema';
import { flagReason, hitHost, hostBelongs, pixelCode, recordPixelHit } from '@/lib/licenses/pixel';
import { PIXEL_COUNT_RATE } from '@/lib/licenses/pixel-reader';
import { PIXEL_SAMPLE_PER_DAY, flushPixelTally, pruneUsage } from '@/lib/licenses/pixel-store';
import { usageReport } from '@/lib/licenses/usage';
import { organizationHistory } from '@/lib/requests/admin-queries';
import { setSetting } from '@/lib/settings';

// As under scripts/server.js, which sets X-Forwarded-For from the socket (lib/auth/client-address.ts).
process.env.DESK_CLIENT_ADDRESS = 'server';
import { transition } from '@/lib/requests/transition';
import { GET } from '@/app/api/pixel/[code]/route';
import { freshDb } from '../helpers/db';
import { desk, submit } from '../helpers/requests';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';
const ADDRESS = '203.0.113.7';
// Noon UTC today: every step of a test stays inside one day (the reader salt rotates at midnight).
const NOON = new Date(`${new Date().toISOString().slice(0, 10)}T12:00:00.000Z`);
const minutes = (n: number) => new Date(NOON.getTime() + n * 60_000);

let db: Db;
let d: ReturnType<typeof desk>;
let license: License;
beforeEach(async () => {
  db = freshDb();
  d = desk(db); // the organisation's domain is testtimes.example
  license = (await submit(db, d.publisher, ['first-story'], { startDate: new Date().toISOString().slice(0, 10) }))
    .license!;
});

const browser = (over: Record<string, string> = {}) => ({ 'user-agent': CHROME, 'x-forwarded-for': ADDRESS, ...over });

async function load(segment: string, headers: Record<string, string> = browser()) {
  const res = await GET(new Request(`http://desk.test/api/pixel/${segment}`, { headers }), {
    params: Promise.resolve({ code: segment }),
  });
  flushPixelTally(db);
  return res;
}
/** One hit through the route's recording function at a given time. */
async function hit(at: Date, headers: Record<string, string> = browser({ referer: 'https://testtimes.example/a' })) {
  const outcome = await recordPixelHit(`${license.code}.gif`, new Headers(headers), db, at);
  flushPixelTally(db);
  return outcome;
}
type Daily = { host: string; day: string; reads: number; flag_reason: string | null; last_referrer: string };
const daily = () =>
  db.all<Daily>(sql`select host, day, reads, flag_reason, last_referrer from usage_daily order by day, host`);
const reads = () => daily().reduce((n, r) => n + r.reads, 0);
const rawHits = () => db.get<{ n: number }>(sql`select coalesce(sum(hits), 0) as n from usage_hit_totals`)!.n;

describe('usage pixel', () => {
  it('answers a 1×1 GIF that is never cached, and counts one read for the host', async () => {
    const res = await load(
      `${license.code}.gif`,
      browser({ referer: 'https://www.testtimes.example/news/harbour?utm=x' }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/gif');
    expect(res.headers.get('cache-control')).toMatch(/no-store/);
    const gif = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(gif.subarray(0, 6)).toString('latin1')).toBe('GIF89a');
    expect([gif[6] | (gif[7] << 8), gif[8] | (gif[9] << 8)]).toEqual([1, 1]);
    expect(daily()).toEqual([
      {
        host: 'www.testtimes.example',
        day: new Date().toISOString().slice(0, 10),
        reads: 1,
        flag_reason: null,
        last_referrer: 'https://www.testtimes.example/news/harbour?utm=x',
      },
    ]);
    expect(rawHits()).toBe(1);
    // The raw sample keeps the hit itself.
    expect(db.select().from(pixelHits).all()).toMatchObject([
      { licenseId: license.id, host: 'www.testtimes.example', counted: true, userAgent: CHROME },
    ]);
  });

  it('takes the bare code too, and the Origin when there is no Referer', async () => {
    await load(license.code.toLowerCase(), browser({ origin: 'https://testtimes.example' }));
    expect(daily()[0]).toMatchObject({ host: 'testtimes.example', reads: 1, flag_reason: null });
  });

  it('does not count bots (isbot) nor an empty user agent, but keeps them in the raw total', async () => {
    expect(
      await hit(
        minutes(0),
        browser({ 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' }),
      ),
    ).toBe('bot');
    expect(await hit(minutes(1), browser({ 'user-agent': CHROME.replace('Chrome/', 'HeadlessChrome/') }))).toBe('bot');
    expect(await hit(minutes(2), browser({ 'user-agent': 'curl/8.5.0' }))).toBe('bot');
    expect(await hit(minutes(3), browser({ 'user-agent': '' }))).toBe('bot');
    expect(await hit(minutes(4), { 'x-forwarded-for': ADDRESS })).toBe('bot');
    expect(reads()).toBe(0);
    expect(rawHits()).toBe(5);
  });

  it('counts the same reader once within 30 minutes, again after; another browser or address is another reader', async () => {
    expect(await hit(minutes(0))).toBe('counted');
    expect(await hit(minutes(10))).toBe('repeat');
    expect(await hit(minutes(29))).toBe('repeat');
    expect(reads()).toBe(1);
    expect(await hit(minutes(29), browser({ 'user-agent': FIREFOX }))).toBe('counted');
    expect(reads()).toBe(2);
    expect(await hit(minutes(40))).toBe('counted'); // 40 min after the first counted read
    expect(reads()).toBe(3);
    expect(await hit(minutes(41), browser({ 'x-forwarded-for': '198.51.100.9' }))).toBe('counted');
    expect(reads()).toBe(4);
    expect(rawHits()).toBe(6);
  });

  it('stores no raw address anywhere', async () => {
    await hit(minutes(0), browser({ 'x-forwarded-for': `${ADDRESS}, 10.0.0.1`, referer: 'https://copycat.example/x' }));
    await hit(minutes(1), browser({ 'x-forwarded-for': ADDRESS, 'user-agent': 'Googlebot/2.1' }));
    const tables = db
      .all<{ name: string }>(sql`select name from sqlite_master where type = 'table'`)
      .map((t) => t.name);
    for (const t of tables) {
      const rows = db.all(sql.raw(`select * from "${t}"`));
      expect(JSON.stringify(rows), t).not.toContain(ADDRESS);
    }
  });

  it('answers every hit of a flood from one address with the GIF, and stops counting past the rate', async () => {
    const n = PIXEL_COUNT_RATE.points * 3;
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        GET(
          new Request(`http://desk.test/api/pixel/${license.code}.gif`, {
            headers: browser({ 'user-agent': `${CHROME} Flood/${i}`, referer: 'https://testtimes.example/a' }),
          }),
          { params: Promise.resolve({ code: `${license.code}.gif` }) },
        ),
      ),
    );
    const elapsed = performance.now() - started;
    flushPixelTally(db);
    expect(answers.every((r) => r.status === 200 && r.headers.get('content-type') === 'image/gif')).toBe(true);
    expect(reads()).toBe(PIXEL_COUNT_RATE.points);
    expect(rawHits()).toBe(n);
    // Generous (a loaded machine): it catches answers that wait on the database or a lock, not jitter.
    expect(elapsed / n).toBeLessThan(50);
    // Another address is still counted.
    expect(await hit(NOON, browser({ 'x-forwarded-for': '198.51.100.20' }))).toBe('counted');
  });

  it('flags a foreign host once per licence and day, however many reads; the reads still count', async () => {
    for (let i = 0; i < 12; i++)
      await hit(
        minutes(i),
        browser({ 'x-forwarded-for': `198.51.100.${i + 1}`, referer: `https://copycat.example/stolen-${i}` }),
      );
    await hit(minutes(20), browser({ referer: 'https://testtimes.example.evil.example/' }));
    expect(daily().map((r) => [r.host, r.reads, r.flag_reason])).toEqual([
      ['copycat.example', 12, 'copycat.example is not a site of the licensee'],
      ['testtimes.example.evil.example', 1, 'testtimes.example.evil.example is not a site of the licensee'],
    ]);
    // The next day is another flag for the same host.
    await hit(new Date(NOON.getTime() + 86_400_000), browser({ referer: 'https://copycat.example/again' }));
    const report = await usageReport({}, db);
    const copycat = report.rows.find((r) => r.host === 'copycat.example')!;
    expect(copycat).toMatchObject({
      reads: 13,
      flaggedDays: 2,
      reason: 'copycat.example is not a site of the licensee',
      lastReferrer: 'https://copycat.example/again',
    });
    expect(report.totals).toEqual({ reads: 14, flaggedDays: 3, licences: 1, hits: 14 });
    expect((await organizationHistory(d.org.id, -1, db)).flaggedDays).toBe(3);
  });

  it('flags reads after the licence was revoked', async () => {
    const req = db.select().from(licenseRequests).where(eq(licenseRequests.id, license.requestId)).get()!;
    await transition(
      { reference: req.reference, action: 'revoke', expectedVersion: req.version, note: 'Unpaid.' },
      d.staff,
      db,
    );
    await load(`${license.code}.gif`, browser({ referer: 'https://testtimes.example/a' }));
    expect(daily()[0].flag_reason).toMatch(/^licence revoked on /);
  });

  it('unknown or malformed codes still get the GIF and log nothing', async () => {
    for (const seg of ['LIC-0000-0000-0000.gif', 'nonsense', '%E0%A4%A', 'LIC-AAAA-AAAA-AAAA.png']) {
      const res = await load(seg, browser({ referer: 'https://x.example/' }));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/gif');
    }
    expect(db.select({ n: count() }).from(pixelHits).get()!.n).toBe(0);
    expect(rawHits()).toBe(0);
  });

  it('never throws, even when the database is gone', async () => {
    const broken = freshDb();
    broken.$client.close();
    const res = await GET(new Request(`http://desk.test/api/pixel/${license.code}.gif`, { headers: browser() }), {
      params: Promise.resolve({ code: `${license.code}.gif` }),
    });
    expect(res.status).toBe(200);
    expect(() => flushPixelTally(broken)).not.toThrow();
    db = freshDb();
  });
});

describe('raw hit sample', () => {
  it(`keeps at most ${PIXEL_SAMPLE_PER_DAY} raw hits per licence and day, bots included`, async () => {
    for (let i = 0; i < PIXEL_SAMPLE_PER_DAY + 15; i++) {
      await recordPixelHit(
        `${license.code}.gif`,
        new Headers(browser({ 'user-agent': i % 2 ? 'Googlebot/2.1' : `${CHROME} R/${i}` })),
        db,
        minutes(i),
      );
    }
    flushPixelTally(db);
    await hit(new Date(NOON.getTime() + 86_400_000));
    const perDay = db.all<{ day: string; n: number }>(
      sql`select substr(created_at, 1, 10) as day, count(*) as n from pixel_hits group by day order by day`,
    );
    expect(perDay.map((r) => r.n)).toEqual([PIXEL_SAMPLE_PER_DAY, 1]);
    expect(db.select().from(pixelHits).where(eq(pixelHits.counted, false)).all().length).toBeGreaterThan(0);
    expect(rawHits()).toBe(PIXEL_SAMPLE_PER_DAY + 16);
  });

  it('prunes raw hits older than the admin setting (default 30 days), never the daily counts', async () => {
    const day = 86_400_000;
    for (const ago of [40, 31, 29, 2, 0])
      db.insert(pixelHits)
        .values({
          licenseId: license.id,
          host: 'testtimes.example',
          createdAt: new Date(NOON.getTime() - ago * day).toISOString(),
        })
        .run();
    const days = () =>
      db
        .all<{ ago: number }>(
          sql`select cast(round(julianday(${NOON.toISOString()}) - julianday(created_at)) as integer) as ago from pixel_hits order by created_at`,
        )
        .map((r) => r.ago);
    await pruneUsage(db, NOON);
    expect(days()).toEqual([29, 2, 0]);
    await setSetting('pixelSampleDays', 1, db);
    await pruneUsage(db, NOON);
    expect(days()).toEqual([0]);
  });

  it('prunes along the way: old raw hits and reader times go as reads come in; the daily counts stay', async () => {
    const day = 86_400_000;
    await hit(new Date(NOON.getTime() - 40 * day));
    await hit(minutes(-60), browser({ 'x-forwarded-for': '198.51.100.1' }));
    await hit(minutes(0), browser({ 'x-forwarded-for': '198.51.100.2' }));
    // The 40-day-old hit is gone, the readers of 40 days and an hour ago too; all three reads stay.
    expect(
      db
        .select()
        .from(pixelHits)
        .all()
        .map((h) => h.createdAt),
    ).toEqual([minutes(-60).toISOString(), minutes(0).toISOString()]);
    expect(db.get<{ n: number }>(sql`select count(*) as n from usage_readers`)!.n).toBe(1);
    expect(reads()).toBe(3);
    await pruneUsage(db, NOON);
    expect(db.get<{ n: number }>(sql`select count(*) as n from usage_salts`)!.n).toBe(1);
  });
});

describe('usage report', () => {
  it('groups reads per licence and host, flagged first, and pages', async () => {
    await hit(minutes(0), browser({ referer: 'https://testtimes.example/a' }));
    await hit(minutes(1), browser({ referer: 'https://copycat.example/x', 'x-forwarded-for': '198.51.100.200' }));
    await hit(minutes(2), browser({ referer: 'https://testtimes.example/b', 'user-agent': FIREFOX }));
    const report = await usageReport({}, db);
    expect(report.totals).toEqual({ reads: 3, flaggedDays: 1, licences: 1, hits: 3 });
    expect(report.rows.map((r) => [r.host, r.reads, r.flaggedDays])).toEqual([
      ['copycat.example', 1, 1],
      ['testtimes.example', 2, 0],
    ]);
    expect(report.rows[0]).toMatchObject({
      code: license.code,
      organization: d.org.name,
      reason: 'copycat.example is not a site of the licensee',
      lastReferrer: 'https://copycat.example/x',
    });
    expect(report.rows[1]).toMatchObject({ reason: null, lastReferrer: 'https://testtimes.example/b' });
    expect((await usageReport({ flaggedOnly: true }, db)).rows).toHaveLength(1);

    for (let i = 0; i < 30; i++)
      await hit(
        minutes(3 + i),
        browser({ referer: `https://h${i}.example/`, 'x-forwarded-for': `198.51.100.${i + 1}` }),
      );
    const p1 = await usageReport({ page: 1 }, db);
    const p2 = await usageReport({ page: 2 }, db);
    expect(p1.total).toBe(32);
    expect(p1.pages).toBe(2);
    expect(p1.rows).toHaveLength(25);
    expect(p2.rows).toHaveLength(7);
    expect(p1.rows[0].flaggedDays).toBeGreaterThan(0);
  });

  it('reads the daily counts, never the raw hits: the same figures with the sample emptied', async () => {
    for (let i = 0; i < 5; i++)
      await hit(
        minutes(i),
        browser({
          'x-forwarded-for': `198.51.100.${i + 1}`,
          referer: i % 2 ? 'https://copycat.example/' : 'https://testtimes.example/',
        }),
      );
    const before = await usageReport({}, db);
    const history = await organizationHistory(d.org.id, -1, db);
    db.delete(pixelHits).run();
    expect(await usageReport({}, db)).toEqual(before);
    expect(await organizationHistory(d.org.id, -1, db)).toEqual(history);
    expect(before.totals.reads).toBe(5);
  });
});

describe('pixel rules', () => {
  it('reads codes, hosts and domains', () => {
    expect(pixelCode('lic-7qk4-m2xd-9pba.GIF')).toBe('LIC-7QK4-M2XD-9PBA');
    expect(pixelCode('LIC-7QK4-M2XD-9PBU')).toBeNull();
    expect(hitHost('https://News.Example.org:8443/a', null)).toBe('news.example.org');
    expect(hitHost(null, 'https://o.example')).toBe('o.example');
    expect(hitHost('garbage', 'null')).toBe('');
    expect(hostBelongs('news.example.org', ['example.org'])).toBe(true);
    expect(hostBelongs('example.org', ['https://www.example.org/'])).toBe(false);
    expect(hostBelongs('badexample.org', ['example.org'])).toBe(false);
  });

  it('counts the licensed publication’s own host as the licensee’s, and does not flag hits with no host', () => {
    const l = db.select().from(licenses).where(eq(licenses.id, license.id)).get()!;
    const base = { ...l, domains: [] as string[], terms: l.terms as never };
    expect(flagReason('testtimes.example', base, new Date())).toBeNull();
    expect(flagReason('', base, new Date())).toBeNull();
    expect(flagReason('testtimes.example', base, new Date(Date.now() + 400 * 86_400_000))).toMatch(/^licence ended on/);
  });
});
