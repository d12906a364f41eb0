import { beforeAll, describe, expect, it, vi } from 'vitest';
import { licenseRequests, licenses, type PublicUser } from '@/db/schema';
import type { Db } from '@/db/client';
import { freshDb } from '../helpers/db';
import { makeArticle, makeOrg, makeUser } from '../helpers/factories';

// POST /api/requests acts on the session cookie. Here the session is a real publisher (the JWT
// decoding is replaced, like tests/integration/admin-roles.test.ts); the database is real.
const who = vi.hoisted(() => ({ current: null as PublicUser | null }));
vi.mock('@/lib/auth/session', async () => ({ currentUser: async () => who.current }));

const { POST } = await import('@/app/api/requests/route');
const { toPublicUser } = await import('@/lib/auth/users');
const { UNVERIFIED_MESSAGE } = await import('@/lib/auth/email-verification');

let db: Db;
let slug: string;
beforeAll(() => {
  db = freshDb();
  const org = makeOrg(db, { type: 'commercial' });
  who.current = toPublicUser(makeUser(db, { organizationId: org.id }));
  slug = 'guard-test-article';
  makeArticle(db, { slug });
});

const body = () =>
  JSON.stringify({
    articles: [slug],
    use: 'web',
    audience: 5000,
    territory: 'country',
    territoryDetail: 'United Kingdom',
    duration: '1y',
    portion: 'full',
    translation: false,
    publicationName: 'Guard test',
    publicationUrl: 'https://example.org/x',
    startDate: new Date().toISOString().slice(0, 10),
    acceptTerms: true,
    idempotencyKey: crypto.randomUUID(),
  });

const send = (headers: Record<string, string>, payload: BodyInit | ReadableStream = body()) =>
  POST(
    new Request('http://127.0.0.1:3000/api/requests', {
      method: 'POST',
      headers,
      body: payload,
      duplex: 'half',
    } as RequestInit),
  );
const rows = () => ({
  requests: db.select().from(licenseRequests).all().length,
  licenses: db.select().from(licenses).all().length,
});

describe('POST /api/requests refuses cross-site calls and writes nothing', () => {
  it('text/plain (a simple cross-site request) → 415', async () => {
    const before = rows();
    const res = await send({ 'content-type': 'text/plain', origin: 'https://evil.example' });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: expect.any(String) });
    const form = await send({ 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(rows()).toEqual(before);
  });

  it('JSON with a foreign Origin → 403', async () => {
    const before = rows();
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1:3000.evil.example']) {
      const res = await send({ 'content-type': 'application/json', origin });
      expect(res.status, origin).toBe(403);
    }
    expect(rows()).toEqual(before);
  });

  it('a 20 MB body → 413 after reading at most 64 KB', async () => {
    const before = rows();
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(c) {
          if (pulled >= 320) return c.close();
          pulled += 1;
          c.enqueue(new Uint8Array(64 * 1024).fill(0x20));
        },
      },
      { highWaterMark: 0 },
    );
    const res = await send({ 'content-type': 'application/json' }, stream);
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(2);
    expect(rows()).toEqual(before);
  });

  it('an account whose address is not confirmed → 403 with the reason (issue 14 item 1)', async () => {
    const before = rows();
    const verified = who.current;
    who.current = { ...verified!, emailVerifiedAt: null };
    try {
      const res = await send({ 'content-type': 'application/json' });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: UNVERIFIED_MESSAGE });
    } finally {
      who.current = verified;
    }
    expect(rows()).toEqual(before);
  });

  it('the control: JSON from our own origin, or with no Origin (a server client), is accepted', async () => {
    const own = await send({ 'content-type': 'application/json', origin: 'http://127.0.0.1:3000' });
    expect(own.status, JSON.stringify(await own.clone().json())).toBe(201);
    expect((await send({ 'content-type': 'application/json; charset=utf-8' })).status).toBe(201);
  });
});
