import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { eq } from 'drizzle-orm';
import { articles, licenseNotices, type PublicUser } from '@/db/schema';
import { GET as exportRoute } from '@/app/api/v1/licenses/[code]/export/route';
import { GET as noticesRoute } from '@/app/api/v1/notices/route';
import { apiNoticeFeed, webhookPayload } from '@/lib/api/schemas';
import { createToken } from '@/lib/api/tokens';
import { toPublicUser } from '@/lib/auth/users';
import { markArticle } from '@/lib/licenses/notices';
import { flushWebhooks } from '@/lib/webhooks/deliver';
import { addEndpoint } from '@/lib/webhooks/endpoints';
import { verifyWebhook } from '@/lib/webhooks/signature';
import { freshDb } from '../helpers/db';
import { makeArticle, makeOrg, makeUser } from '../helpers/factories';
import { makeCatalogueLicense } from '../helpers/catalogue-licences';

/** A real receiver on 127.0.0.1 (as in webhooks.test.ts). */
const got: { headers: http.IncomingHttpHeaders; body: string }[] = [];
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString('utf8')));
  req.on('end', () => {
    got.push({ headers: req.headers, body });
    res.end('ok');
  });
});
const hookUrl = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
beforeAll(async () => {
  process.env.WEBHOOKS_ALLOW_LOCAL = '1';
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
});
afterAll(async () => {
  delete process.env.WEBHOOKS_ALLOW_LOCAL;
  await new Promise((ok) => server.close(ok));
});
afterEach(() => flushWebhooks());

let db: Db;
let owner: PublicUser;
let staff: PublicUser;
let token: string;
let secret: string;
beforeEach(() => {
  db = freshDb();
  const org = makeOrg(db, { type: 'ai_developer' });
  owner = toPublicUser(makeUser(db, { organizationId: org.id }));
  staff = toPublicUser(makeUser(db, { role: 'staff' }));
  token = createToken({ name: 'Crawler', scope: 'read' }, owner, db).token;
  secret = addEndpoint({ url: hookUrl() }, owner, db).secret;
  got.length = 0;
});

const exported = async (code: string) => {
  const res = await exportRoute(
    new Request(`http://desk.test/api/v1/licenses/${code}/export`, { headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({ code }) },
  );
  expect(res.status).toBe(200);
  return (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { uri: string }).uri);
};

const article = (over: Parameters<typeof makeArticle>[1]) => {
  const { id } = makeArticle(db, over);
  return db.select().from(articles).where(eq(articles.id, id)).get()!;
};

describe('kill notices for catalogue licences', () => {
  it('a withdrawn article of a frozen selection: notice, webhook, feed; the export drops it', async () => {
    const a = article({ section: 'News', publishedAt: '2026-01-01T09:00:00.000Z' });
    const b = article({ section: 'News', publishedAt: '2026-01-02T09:00:00.000Z' });
    const l = makeCatalogueLicense(db, {
      organizationId: owner.organizationId!,
      requesterId: owner.id,
      selection: { sections: ['News'] },
    });
    expect(await exported(l.code)).toEqual([a.canonicalUrl, b.canonicalUrl]);
    expect((await markArticle(a.id, 'withdrawn', 'Legal reasons', staff, db)).notified).toBe(1);
    await flushWebhooks();
    expect(got).toHaveLength(1);
    const payload = webhookPayload.parse(
      verifyWebhook(secret, got[0]!.headers as Record<string, string>, got[0]!.body),
    );
    expect(payload.type).toBe('notice.withdrawal');
    expect(payload.data).toMatchObject({ pubStatus: 'canceled', uri: a.canonicalUrl });
    expect(payload.data.license.code).toBe(l.code);
    expect(await exported(l.code)).toEqual([b.canonicalUrl]);
  });

  it('an article an ongoing licence picked up after issue gets its notice too (once), and a correction', async () => {
    const issuedAt = new Date(Date.now() - 10 * 86_400_000);
    const l = makeCatalogueLicense(db, {
      organizationId: owner.organizationId!,
      requesterId: owner.id,
      selection: { sections: ['News'], ongoing: true },
      issuedAt,
      startDate: issuedAt.toISOString().slice(0, 10),
    });
    const fresh = article({ section: 'News', publishedAt: new Date(Date.now() - 86_400_000).toISOString() });
    const sport = article({ section: 'Sport', publishedAt: new Date(Date.now() - 86_400_000).toISOString() });
    expect(await exported(l.code)).toEqual([fresh.canonicalUrl]);
    expect((await markArticle(sport.id, 'withdrawn', 'Not ours', staff, db)).notified).toBe(0);
    expect((await markArticle(fresh.id, 'corrected', 'Name spelt right', staff, db)).notified).toBe(1);
    expect((await markArticle(fresh.id, 'withdrawn', 'Legal reasons', staff, db)).notified).toBe(1);
    await flushWebhooks();
    const types = got.map((g) => webhookPayload.parse(JSON.parse(g.body)).type);
    expect(types).toEqual(['notice.correction', 'notice.withdrawal']);
    const notices = db.select().from(licenseNotices).all();
    expect(notices.map((n) => [n.licenseId, n.articleId, n.kind])).toEqual([
      [l.id, fresh.id, 'corrected'],
      [l.id, fresh.id, 'withdrawn'],
    ]);
    const feed = apiNoticeFeed.parse(
      await (
        await noticesRoute(
          new Request('http://desk.test/api/v1/notices', { headers: { authorization: `Bearer ${token}` } }),
        )
      ).json(),
    );
    expect(feed.data.map((n) => [n.type, n.uri])).toEqual([
      ['correction', fresh.canonicalUrl],
      ['withdrawal', fresh.canonicalUrl],
    ]);
    expect(await exported(l.code)).toEqual([]);
  });
});
