import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { outbox, unlistedAsks } from '@/db/schema';
import type { PublicUser } from '@/db/schema';
import { fieldErrors, toFormState } from '@/lib/errors';
import { askForUnlisted, askSchema, attachAsk, dismissAsk, listWaitingAsks } from '@/lib/requests/unlisted-asks';
import { freshDb } from '../helpers/db';
import { makeArticle, makeOrg, makeUser } from '../helpers/factories';

let db: Db;
let publisher: ReturnType<typeof makeUser>;
let staff: ReturnType<typeof makeUser>;
const URL_NEW = 'https://harbourledger.example/news/published-an-hour-ago';

beforeEach(() => {
  db = freshDb();
  const org = makeOrg(db, { name: 'Valley Voice' });
  publisher = makeUser(db, { organizationId: org.id, email: 'pub@valley.example', name: 'Pat Pub' });
  staff = makeUser(db, { role: 'staff' });
});

const asks = () => db.select().from(unlistedAsks).all();

// As the action builders run them: the schema first, then the domain function, errors as form state.
async function ask(user: PublicUser | null, raw: { url: string; note?: string }) {
  const parsed = askSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  try {
    return { ok: true, message: await askForUnlisted(parsed.data, user, db) };
  } catch (e) {
    return toFormState(e, raw as Record<string, string>);
  }
}
function decide(run: () => string) {
  try {
    return { ok: true, message: run() };
  } catch (e) {
    return toFormState(e);
  }
}

describe('ask for it anyway', () => {
  it('refuses visitors, staff and publishers without an organisation, before anything else', async () => {
    for (const user of [null, staff, makeUser(db)]) {
      expect(await ask(user, { url: URL_NEW })).toMatchObject({
        ok: false,
        message: expect.stringContaining('Sign in'),
      });
    }
    expect(asks()).toEqual([]);
  });

  it('records one ask per publisher and article (normalised), and tells the desk once', async () => {
    expect(await ask(publisher, { url: URL_NEW, note: 'For our weekend edition' })).toMatchObject({ ok: true });
    expect(await ask(publisher, { url: `${URL_NEW.replace('https://', 'http://www.')}/?utm_source=x` })).toMatchObject({
      ok: true,
    });
    expect(asks()).toMatchObject([
      {
        url: URL_NEW,
        urlKey: 'harbourledger.example/news/published-an-hour-ago',
        status: 'waiting',
        note: 'For our weekend edition',
      },
    ]);
    expect(db.select().from(outbox).where(eq(outbox.kind, 'unlisted_ask')).all()).toHaveLength(1);
  });

  it('refuses addresses that are not the publisher’s, keeping what was typed', async () => {
    expect(await ask(publisher, { url: 'https://elsewhere.example/x', note: 'hi' })).toMatchObject({
      ok: false,
      errors: { url: expect.stringContaining('not one of') },
      values: { note: 'hi' },
    });
    expect(await ask(publisher, { url: 'javascript:alert(1)' })).toMatchObject({
      ok: false,
      errors: { url: expect.any(String) },
    });
    expect(asks()).toEqual([]);
  });

  it('staff attach the article once imported; the publisher is told where it is', async () => {
    await ask(publisher, { url: URL_NEW });
    const [waiting] = await listWaitingAsks(50, db);
    expect(waiting).toMatchObject({ url: URL_NEW, requester: 'Pat Pub', organization: 'Valley Voice', article: null });
    expect(decide(() => attachAsk(waiting.id, staff, db))).toMatchObject({
      ok: false,
      message: expect.stringContaining('not in the catalogue yet'),
    });

    makeArticle(db, { slug: 'an-hour-ago', title: 'An hour ago', canonicalUrl: `${URL_NEW}/` });
    expect((await listWaitingAsks(50, db))[0].article).toEqual({ slug: 'an-hour-ago', title: 'An hour ago' });
    expect(decide(() => attachAsk(waiting.id, staff, db))).toMatchObject({ ok: true });
    expect(asks()[0]).toMatchObject({ status: 'attached', decidedBy: staff.id });
    const mail = db.select().from(outbox).where(eq(outbox.kind, 'unlisted_attached')).get();
    expect(mail).toMatchObject({ to: 'pub@valley.example' });
    expect(mail!.text).toContain('/articles/an-hour-ago');
    expect(decide(() => attachAsk(waiting.id, staff, db))).toMatchObject({ ok: false });
    expect(await listWaitingAsks(50, db)).toEqual([]);
  });

  it('an ask for an article already listed is answered at once, and staff can dismiss asks', async () => {
    makeArticle(db, { canonicalUrl: 'https://harbourledger.example/news/old' });
    expect(await ask(publisher, { url: 'https://www.harbourledger.example/news/old' })).toMatchObject({
      ok: true,
      message: expect.stringContaining('on the desk now'),
    });
    await ask(publisher, { url: URL_NEW });
    expect(decide(() => dismissAsk(asks()[0].id, staff, db))).toMatchObject({ ok: true });
    expect(asks()).toMatchObject([{ status: 'dismissed' }]);
  });
});
