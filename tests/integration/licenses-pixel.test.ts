import { beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { licenseRequests, licenses, pixelHits, type License } from '@/db/schema';
import { flagReason, hitHost, hostBelongs, pixelCode } from '@/lib/licenses/pixel';
import { usageReport } from '@/lib/licenses/usage';
import { transition } from '@/lib/requests/transition';
import { GET } from '@/app/api/pixel/[code]/route';
import { freshDb } from '../helpers/db';
import { desk, submit } from '../helpers/requests';

const today = () => new Date().toISOString().slice(0, 10);

let db: Db;
let d: ReturnType<typeof desk>;
let license: License;
beforeEach(async () => {
  db = freshDb();
  d = desk(db); // the organisation's domain is testtimes.example
  license = (await submit(db, d.publisher, ['first-story'], { startDate: today() })).license!;
});

async function load(segment: string, headers: Record<string, string> = {}) {
  const res = await GET(new Request(`http://desk.test/api/pixel/${segment}`, { headers }), { params: Promise.resolve({ code: segment }) });
  return res;
}
const hits = () => db.select().from(pixelHits).orderBy(pixelHits.id).all();

describe('usage pixel', () => {
  it('answers a 1×1 GIF that is never cached, and logs host, referrer and time', async () => {
    const res = await load(`${license.code}.gif`, { referer: 'https://www.testtimes.example/news/harbour?utm=x' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/gif');
    expect(res.headers.get('cache-control')).toMatch(/no-store/);
    const gif = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(gif.subarray(0, 6)).toString('latin1')).toBe('GIF89a');
    expect([gif[6] | (gif[7] << 8), gif[8] | (gif[9] << 8)]).toEqual([1, 1]);
    const [hit] = hits();
    expect(hit).toMatchObject({ licenseId: license.id, host: 'www.testtimes.example', referrer: 'https://www.testtimes.example/news/harbour?utm=x', flagged: false, flagReason: null });
    expect(Date.now() - new Date(hit.createdAt).getTime()).toBeLessThan(5_000);
  });

  it('takes the bare code too, and the Origin when there is no Referer', async () => {
    await load(license.code.toLowerCase(), { origin: 'https://testtimes.example' });
    expect(hits()[0]).toMatchObject({ host: 'testtimes.example', flagged: false });
  });

  it('flags a host that is not the licensee’s', async () => {
    await load(`${license.code}.gif`, { referer: 'https://copycat.example/stolen' });
    await load(`${license.code}.gif`, { referer: 'https://testtimes.example.evil.example/' });
    const [a, b] = hits();
    expect(a).toMatchObject({ host: 'copycat.example', flagged: true, flagReason: 'copycat.example is not a site of the licensee' });
    expect(b.flagged).toBe(true);
  });

  it('flags any hit after the licence ended or was revoked', async () => {
    const req = db.select().from(licenseRequests).where(eq(licenseRequests.id, license.requestId)).get()!;
    await transition({ reference: req.reference, action: 'revoke', expectedVersion: req.version, note: 'Unpaid.' }, d.staff, db);
    await load(`${license.code}.gif`, { referer: 'https://testtimes.example/a' });
    expect(hits()[0]).toMatchObject({ flagged: true });
    expect(hits()[0].flagReason).toMatch(/^licence revoked on /);
  });

  it('unknown or malformed codes still get the GIF and log nothing', async () => {
    for (const seg of ['LIC-0000-0000-0000.gif', 'nonsense', '%E0%A4%A', 'LIC-AAAA-AAAA-AAAA.png']) {
      const res = await load(seg, { referer: 'https://x.example/' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/gif');
    }
    expect(db.select({ n: count() }).from(pixelHits).get()!.n).toBe(0);
  });

  it('never throws, even when the database is gone', async () => {
    const broken = freshDb();
    broken.$client.close();
    const res = await load(`${license.code}.gif`);
    expect(res.status).toBe(200);
    db = freshDb();
  });
});

describe('usage report', () => {
  it('groups hits per licence and host, flagged first, and pages', async () => {
    await load(`${license.code}.gif`, { referer: 'https://testtimes.example/a' });
    await load(`${license.code}.gif`, { referer: 'https://copycat.example/x' });
    await load(`${license.code}.gif`, { referer: 'https://testtimes.example/b' });
    const report = await usageReport({}, db);
    expect(report.totals).toEqual({ hits: 3, flagged: 1, licences: 1 });
    expect(report.rows.map((r) => [r.host, r.hits, r.flagged])).toEqual([
      ['copycat.example', 1, 1],
      ['testtimes.example', 2, 0],
    ]);
    expect(report.rows[0]).toMatchObject({ code: license.code, organization: d.org.name, reason: 'copycat.example is not a site of the licensee', lastReferrer: 'https://copycat.example/x' });
    expect(report.rows[1]).toMatchObject({ reason: null, lastReferrer: 'https://testtimes.example/b' });
    expect((await usageReport({ flaggedOnly: true }, db)).rows).toHaveLength(1);

    for (let i = 0; i < 30; i++) db.insert(pixelHits).values({ licenseId: license.id, host: `h${i}.example`, referrer: '', flagged: false }).run();
    const p1 = await usageReport({ page: 1 }, db);
    const p2 = await usageReport({ page: 2 }, db);
    expect(p1.total).toBe(32);
    expect(p1.pages).toBe(2);
    expect(p1.rows).toHaveLength(25);
    expect(p2.rows).toHaveLength(7);
    expect(p1.rows[0].host).toBe('copycat.example');
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
