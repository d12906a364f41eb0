import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { articles, organizations, unlistedAsks, users, type PublicUser } from '@/db/schema';
import { isStaff } from '@/lib/auth/roles';
import { articleIdByCanonicalKey } from '@/lib/catalogue/by-url';
import { isOnDomains, normaliseCanonicalUrl } from '@/lib/catalogue/canonical-url';
import { isPubliclyVisible } from '@/lib/catalogue/rules';
import { enqueueMail, scheduleDelivery } from '@/lib/mail/outbox';
import { getSettings, publisherDomains } from '@/lib/settings';
import { siteUrl } from '@/lib/site';
import { fieldErrors, type FormState } from '@/lib/validation/errors';

/**
 * "Ask for it anyway": a signed-in publisher followed the desk's link for one of the publisher's
 * articles that is not in the catalogue yet. The ask waits in the staff queue; once the article is
 * imported (the feed sync usually brings it within minutes) staff attach it and the publisher gets
 * a mail with its page, where the quote and the request form are.
 */
export const askSchema = z.object({
  url: z
    .string()
    .trim()
    .transform((v, ctx) => {
      const n = normaliseCanonicalUrl(v);
      if (!n) ctx.addIssue({ code: 'custom', message: 'Give the article’s full address, starting with https://.' });
      return n ?? z.NEVER;
    }),
  note: z.string().trim().max(1000, 'Keep the note under 1,000 characters.').default(''),
});
export type AskInput = z.input<typeof askSchema>;

export const askIdSchema = z.object({ id: z.coerce.number().int().positive() });

const REFUSED: FormState = { ok: false, errors: {}, message: 'Sign in with a publisher account to ask for an article.' };

/** A publisher (not staff) asks; asking twice for one article keeps the first ask. */
export async function askForUnlisted(user: PublicUser | null, input: AskInput, db: Db = getDb()): Promise<FormState> {
  if (!user || isStaff(user) || !user.organizationId) return REFUSED;
  const parsed = askSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), message: 'Please correct the marked fields.', values: { url: String(input.url ?? ''), note: String(input.note ?? '') } };
  const { url, note } = parsed.data;
  const settings = await getSettings(db);
  if (!isOnDomains(url.host, publisherDomains(settings))) {
    return { ok: false, errors: { url: `This is not one of ${settings.publisherName}’s articles.` }, message: 'Please correct the marked fields.', values: { url: url.url, note } };
  }
  if (listedArticle(url.key, db)) return { ok: true, message: 'This article is on the desk now: follow the link again to see its price.' };
  db.transaction((tx) => {
    const created = tx
      .insert(unlistedAsks)
      .values({ url: url.url, urlKey: url.key, requesterId: user.id, organizationId: user.organizationId, note })
      .onConflictDoNothing()
      .returning({ id: unlistedAsks.id })
      .all();
    if (created.length) {
      enqueueMail(tx, {
        to: settings.deskEmail,
        subject: `Asked for an article not on the desk yet: ${url.url}`,
        text: `${user.name} (${user.email}) asked for ${url.url}, which is not in the catalogue yet.\n${note ? `\nTheir note: ${note}\n` : ''}\nAttach it once it is imported: ${siteUrl()}/admin/requests#unlisted-asks`,
        kind: 'unlisted_ask',
      });
    }
  });
  scheduleDelivery(db);
  return { ok: true, message: 'Thank you: the desk will write to you as soon as the article is on the desk.' };
}

/** The public article for this key, if the catalogue has it. */
function listedArticle(key: string, db: Db): { id: number; slug: string; title: string } | null {
  const id = articleIdByCanonicalKey(key, db);
  if (id === null) return null;
  const row = db.select({ id: articles.id, slug: articles.slug, title: articles.title, hidden: articles.hidden, embargoUntil: articles.embargoUntil }).from(articles).where(eq(articles.id, id)).get();
  return row && isPubliclyVisible(row) ? { id: row.id, slug: row.slug, title: row.title } : null;
}

export type WaitingAsk = {
  id: number;
  url: string;
  note: string;
  createdAt: string;
  requester: string;
  email: string;
  organization: string | null;
  /** The catalogue's article for this address, once imported: staff can attach it. */
  article: { slug: string; title: string } | null;
};

/** Waiting asks, oldest first, each with the article if it has arrived since. */
export async function listWaitingAsks(limit = 50, db: Db = getDb()): Promise<WaitingAsk[]> {
  const rows = db
    .select({ id: unlistedAsks.id, url: unlistedAsks.url, urlKey: unlistedAsks.urlKey, note: unlistedAsks.note, createdAt: unlistedAsks.createdAt, requester: users.name, email: users.email, organization: organizations.name })
    .from(unlistedAsks)
    .innerJoin(users, eq(users.id, unlistedAsks.requesterId))
    .leftJoin(organizations, eq(organizations.id, unlistedAsks.organizationId))
    .where(eq(unlistedAsks.status, 'waiting'))
    .orderBy(asc(unlistedAsks.createdAt), asc(unlistedAsks.id))
    .limit(limit)
    .all();
  return rows.map(({ urlKey, ...r }) => {
    const a = listedArticle(urlKey, db);
    return { ...r, article: a && { slug: a.slug, title: a.title } };
  });
}

/** Staff attach the imported article to a waiting ask; the publisher is told where it is. */
export async function attachAsk(staff: PublicUser, id: number, db: Db = getDb()): Promise<FormState> {
  const ask = db.select().from(unlistedAsks).where(and(eq(unlistedAsks.id, id), eq(unlistedAsks.status, 'waiting'))).get();
  if (!ask) return { ok: false, errors: {}, message: 'That ask was already handled.' };
  const article = listedArticle(ask.urlKey, db);
  if (!article) return { ok: false, errors: {}, message: 'The article is not in the catalogue yet: import it (or wait for the feed sync), then attach it.' };
  const requester = db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, ask.requesterId)).get()!;
  const done = db.transaction((tx) => {
    const changed = tx
      .update(unlistedAsks)
      .set({ status: 'attached', articleId: article.id, decidedBy: staff.id, decidedAt: new Date().toISOString() })
      .where(and(eq(unlistedAsks.id, id), eq(unlistedAsks.status, 'waiting')))
      .run().changes;
    if (!changed) return false;
    enqueueMail(tx, {
      to: requester.email,
      subject: `The article you asked for is on the desk: ${article.title}`,
      text: `Hello ${requester.name},\n\nThe article you asked about (${ask.url}) is now on our licensing desk. See its price and request a licence here:\n${siteUrl()}/articles/${encodeURIComponent(article.slug)}\n`,
      kind: 'unlisted_attached',
    });
    return true;
  });
  if (done) scheduleDelivery(db);
  return done ? { ok: true, message: `Attached “${article.title}”; the publisher has been told.` } : { ok: false, errors: {}, message: 'That ask was already handled.' };
}

/** Staff close an ask that will not be listed (e.g. not licensable). */
export async function dismissAsk(staff: PublicUser, id: number, db: Db = getDb()): Promise<FormState> {
  const changed = db
    .update(unlistedAsks)
    .set({ status: 'dismissed', decidedBy: staff.id, decidedAt: new Date().toISOString() })
    .where(and(eq(unlistedAsks.id, id), eq(unlistedAsks.status, 'waiting')))
    .run().changes;
  return changed ? { ok: true, message: 'Dismissed.' } : { ok: false, errors: {}, message: 'That ask was already handled.' };
}
