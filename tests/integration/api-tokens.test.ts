import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { apiTokens, DOWNLOAD_FORMATS, downloads, licenses, type License, type PublicUser } from '@/db/schema';
import { GET as listRoute } from '@/app/api/v1/licenses/route';
import { GET as copyRoute } from '@/app/api/v1/licenses/[code]/copies/[format]/route';
import { GET as noticesRoute } from '@/app/api/v1/notices/route';
import { API_RATE_LIMIT, authenticate } from '@/lib/api/auth';
import { apiLicenseList, apiNoticeFeed, apiError } from '@/lib/api/schemas';
import { createToken, createTokenSchema, revokeToken } from '@/lib/api/tokens';
import { toPublicUser } from '@/lib/auth/users';
import { expireDue, sendExpiryReminders } from '@/lib/licenses/expiry';
import { markArticle } from '@/lib/licenses/notices';
import { transition } from '@/lib/requests/transition';
import { freshDb } from '../helpers/db';
import { makeOrg, makeUser } from '../helpers/factories';
import { desk, submit } from '../helpers/requests';

const today = () => new Date().toISOString().slice(0, 10);
const BASE = 'http://desk.test';

let db: Db;
let d: ReturnType<typeof desk>;
let license: License;
let token: string;
let other: { owner: PublicUser; license: License; token: string };

const get = (path: string, bearer?: string | null) =>
  new Request(`${BASE}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
const list = (bearer: string | null, qs = '') => listRoute(get(`/api/v1/licenses${qs}`, bearer));
const copy = (bearer: string | null, code: string, format: string) =>
  copyRoute(get(`/api/v1/licenses/${code}/copies/${format}`, bearer), { params: Promise.resolve({ code, format }) });
const notices = (bearer: string | null, qs = '') => noticesRoute(get(`/api/v1/notices${qs}`, bearer));

beforeEach(async () => {
  db = freshDb();
  d = desk(db);
  license = (await submit(db, d.publisher, ['first-story'], { startDate: today(), audience: 1000 })).license!;
  token = createToken({ name: 'CMS', scope: 'read' }, d.publisher, db).token;
  const org = makeOrg(db, { domains: ['other.example'] });
  const owner = toPublicUser(makeUser(db, { organizationId: org.id }));
  const theirs = (await submit(db, owner, ['second-story'], { startDate: today(), audience: 1000 })).license!;
  other = { owner, license: theirs, token: createToken({ name: 'Theirs', scope: 'read' }, owner, db).token };
});

describe('API tokens', () => {
  it('are shown once as rdk_…, stored only as SHA-256, and only owners create or revoke them', () => {
    expect(token).toMatch(/^rdk_[A-Za-z0-9_-]{43}$/);
    const rows = db.select().from(apiTokens).all();
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.prefix).toBe(token.slice(0, 12));
    const member = toPublicUser(makeUser(db, { organizationId: d.org.id, orgRole: 'member' }));
    expect(() => createToken({ name: 'x', scope: 'read' }, member, db)).toThrow(/Only the owners/);
    expect(() => revokeToken(rows[0]!.id, member, db)).toThrow(/Only the owners/);
    expect(() => createToken({ name: 'x', scope: 'read' }, d.staff, db)).toThrow(/Only the owners/);
    // Another organisation's owner cannot revoke ours.
    expect(() => revokeToken(rows[0]!.id, other.owner, db)).toThrow(/No such token/);
  });

  it('no token, a malformed one or an unknown one: 401 with WWW-Authenticate', async () => {
    for (const bearer of [null, 'nonsense', `rdk_${'A'.repeat(43)}`, token.slice(0, -1)]) {
      const res = await list(bearer);
      expect(res.status, String(bearer)).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
      apiError.parse(await res.json());
    }
    const basic = await listRoute(new Request(`${BASE}/api/v1/licenses`, { headers: { authorization: 'Basic eDp5' } }));
    expect(basic.status).toBe(401);
  });

  it("lists the organisation's licences only, with status, by cursor", async () => {
    await submit(db, d.publisher, ['second-story'], { startDate: today(), audience: 1000 });
    const res = await list(token, '?limit=1');
    expect(res.status).toBe(200);
    const page1 = apiLicenseList.parse(await res.json());
    expect(page1.data).toHaveLength(1);
    expect(page1.nextCursor).toBeTruthy();
    const page2 = apiLicenseList.parse(await (await list(token, `?limit=1&cursor=${page1.nextCursor}`)).json());
    expect(page2.data).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    const codes = [...page1.data, ...page2.data].map((l) => l.code);
    expect(codes).toContain(license.code);
    expect(codes).not.toContain(other.license.code);
    expect(page2.data[0]!.status).toBe('active');
    expect((await list(token, '?cursor=bm90LWEtY3Vyc29y')).status).toBe(422);
    expect((await list(token, '?limit=0')).status).toBe(422);
  });

  it('downloads every format through the download checks; another organisation’s licence is a 404', async () => {
    for (const format of DOWNLOAD_FORMATS) {
      const res = await copy(token, license.code, format);
      expect(res.status, format).toBe(200);
    }
    const logged = db.select().from(downloads).where(eq(downloads.licenseId, license.id)).all();
    expect(logged.map((l) => l.format)).toEqual([...DOWNLOAD_FORMATS]);
    expect(logged.every((l) => l.tokenId !== null && l.userId === d.publisher.id)).toBe(true);
    const theirs = await copy(token, other.license.code, 'html');
    expect(theirs.status).toBe(404);
    const unknown = await copy(token, 'LIC-0000-0000-0000', 'html');
    expect(await theirs.json()).toEqual(await unknown.json());
    expect((await copy(token, license.code, 'exe')).status).toBe(422);
  });

  it('the same locks as the desk: a revoked licence is 410 with the reason', async () => {
    const ref = (await import('@/db/schema')).licenseRequests;
    const req = db.select().from(ref).where(eq(ref.id, license.requestId)).get()!;
    await transition(
      { reference: req.reference, action: 'revoke', expectedVersion: req.version, note: 'Breach of terms' },
      d.staff,
      db,
    );
    const res = await copy(token, license.code, 'html');
    expect(res.status).toBe(410);
    expect(((await res.json()) as { error: string }).error).toMatch(/revoked/);
  });

  it('a revoked or expired token is refused (401); last use is written at most once a minute', async () => {
    expect((await list(token)).status).toBe(200);
    const row = () => db.select().from(apiTokens).where(eq(apiTokens.organizationId, d.org.id)).get()!;
    const first = row().lastUsedAt;
    expect(first).not.toBeNull();
    await list(token);
    expect(row().lastUsedAt).toBe(first);

    db.update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(apiTokens.id, row().id))
      .run();
    expect((await list(token)).status).toBe(401);
    db.update(apiTokens).set({ expiresAt: null }).where(eq(apiTokens.id, row().id)).run();
    expect((await list(token)).status).toBe(200);
    revokeToken(row().id, d.publisher, db);
    const res = await list(token);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('invalid_token');
    expect((await copy(token, license.code, 'html')).status).toBe(401);
    expect((await notices(token)).status).toBe(401);
  });

  it('scopes: a token is read only — no other scope can be made, an operation needing one is 403, and nothing but GET', async () => {
    expect(createTokenSchema.safeParse({ name: 'x', scope: 'write' }).success).toBe(false);
    expect(createTokenSchema.safeParse({ name: 'x', scope: 'admin' }).success).toBe(false);
    expect(createTokenSchema.parse({ name: 'x' }).scope).toBe('read');
    // The schema holds it too: no row can carry another scope.
    const row = db.select().from(apiTokens).get()!;
    expect(() =>
      db
        .update(apiTokens)
        .set({ scope: 'write' as never })
        .where(eq(apiTokens.id, row.id))
        .run(),
    ).toThrow(/CHECK/);
    // The gate every route passes: a token lacking the scope asked for is refused, and says which.
    const refused = await authenticate(get('/api/v1/licenses', token), 'write' as never, db).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({ code: 'forbidden' });
    expect((refused as { headers: Record<string, string> }).headers['WWW-Authenticate']).toContain(
      'error="insufficient_scope", scope="write"',
    );
    // Read only: the token API's routes answer GET and nothing else (Next answers 405 to the rest).
    for (const route of [
      '@/app/api/v1/licenses/route',
      '@/app/api/v1/licenses/[code]/copies/[format]/route',
      '@/app/api/v1/licenses/[code]/export/route',
      '@/app/api/v1/notices/route',
      '@/app/api/notices/route',
    ]) {
      const methods = Object.keys(await import(/* @vite-ignore */ route)).filter((k) => /^[A-Z]+$/.test(k));
      expect(methods, route).toEqual(['GET']);
    }
  });

  it('is rate limited per token: 429 with Retry-After, other tokens unaffected', async () => {
    for (let i = 0; i < API_RATE_LIMIT; i += 1) expect((await notices(token)).status).toBe(200);
    const res = await notices(token);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await notices(other.token)).status).toBe(200);
  });
});

describe('notices feed', () => {
  it('lists corrections, kills (canceled, with the take-down deadline) and revocations oldest first, by opaque cursor', async () => {
    const [first] = d.articleIds;
    await markArticle(first!, 'corrected', 'Spelling of a name', d.staff, db);
    await markArticle(first!, 'withdrawn', 'Legal', d.staff, db);
    const feed = apiNoticeFeed.parse(await (await notices(token)).json());
    expect(feed.data.map((n) => [n.type, n.pubStatus])).toEqual([
      ['correction', 'usable'],
      ['withdrawal', 'canceled'],
    ]);
    const kill = feed.data[1]!;
    expect(kill.takeDown?.required).toBe(true);
    expect(new Date(kill.takeDown!.deadline).getTime() - new Date(kill.versioncreated).getTime()).toBe(24 * 3600_000);
    expect(kill.license.code).toBe(license.code);
    expect(kill.headline).toBeTruthy();
    expect(feed.hasMore).toBe(false);

    // Nothing new: same cursor back, no items. The other organisation sees none of it.
    const again = apiNoticeFeed.parse(await (await notices(token, `?since=${feed.nextCursor}`)).json());
    expect(again.data).toEqual([]);
    expect(again.nextCursor).toBe(feed.nextCursor);
    const theirs = apiNoticeFeed.parse(await (await notices(other.token)).json());
    expect(theirs.data.map((n) => n.license.code)).not.toContain(license.code);
    // A cursor of the licence list is not a notices cursor.
    const listCursor = apiLicenseList.parse(await (await list(token, '?limit=1')).json());
    if (listCursor.nextCursor) expect((await notices(token, `?since=${listCursor.nextCursor}`)).status).toBe(422);
  });

  it('an expiry reminder (usable) and the expiry itself (canceled, with the take-down deadline) reach the feed', async () => {
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString();
    db.update(licenses).set({ validUntil: soon }).where(eq(licenses.id, license.id)).run();
    expect(sendExpiryReminders(db)).toBe(1);
    db.update(licenses)
      .set({ validUntil: new Date(Date.now() - 60_000).toISOString() })
      .where(eq(licenses.id, license.id))
      .run();
    expect(await expireDue(db)).toBe(1);
    const feed = apiNoticeFeed.parse(await (await notices(token)).json());
    expect(feed.data.map((n) => [n.type, n.pubStatus, n.license.code])).toEqual([
      ['reminder', 'usable', license.code],
      ['expiry', 'canceled', license.code],
    ]);
    const [reminder, expiry] = feed.data;
    expect(reminder!.takeDown).toBeNull();
    expect(reminder!.description_text).toMatch(/ends on/);
    expect(expiry!.license.status).toBe('expired');
    expect(new Date(expiry!.takeDown!.deadline).getTime() - new Date(expiry!.versioncreated).getTime()).toBe(
      24 * 3600_000,
    );
    // Another organisation hears nothing of it.
    expect(apiNoticeFeed.parse(await (await notices(other.token)).json()).data).toEqual([]);
  });
});
