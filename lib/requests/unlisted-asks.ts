import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { articles, organizations, unlistedAsks, users, type PublicUser } from '@/db/schema';
import { can } from '@/lib/auth/can';
import { articleIdByCanonicalKey } from '@/lib/catalogue/by-url';
import { isOnDomains, normaliseCanonicalUrl } from '@/lib/catalogue/canonical-url';
import { isPubliclyVisible } from '@/lib/catalogue/rules';
import { enqueueMail, scheduleDelivery } from '@/lib/mail/outbox';
import { getSettings, publisherDomains } from '@/lib/settings';
import { siteUrl } from '@/lib/site';
import { AppError, forbidden, invalid, notFound } from '@/lib/errors';
import { idInput } from '@/lib/validation/numbers';
import { multiLine, singleLine } from '@/lib/validation/text';

/**
 * "Ask for it anyway": a signed-in publisher followed the desk's link for one of the publisher's
 * articles that is not in the catalogue yet. The ask waits in the staff queue; once the article is
 * imported (the feed sync usually brings it within minutes) staff attach it and the publisher gets
 * a mail with its page, where the quote and the request form are.
 */
export const askSchema = z.object({
  url: singleLine().transform((v, ctx) => {
    const n = normaliseCanonicalUrl(v);
    if (!n) ctx.addIssue({ code: 'custom', message: 'Give the article’s full address, starting with https://.' });
    return n ?? z.NEVER;
  }),
  note: multiLine().max(1000, 'Keep the note under 1,000 characters.').default(''),
});
export type AskInput = z.output<typeof askSchema>;

export const askIdSchema = z.object({ id: idInput('Unknown ask.') });

export const ASK_REFUSED = 'Sign in with a publisher account to ask for an article.';
const HANDLED = 'That ask was already handled.';

/** A publisher (not staff) asks; asking twice for one article keeps the first ask. */
export async function askForUnlisted(
  { url, note }: AskInput,
  user: PublicUser | null,
  db: Db = getDb(),
): Promise<string> {
  if (!can(user, 'publisher')) throw forbidden(ASK_REFUSED);
  const settings = getSettings(db);
  if (!isOnDomains(url.host, publisherDomains(settings)))
    throw invalid({ url: `This is not one of ${settings.publisherName}’s articles.` });
  if (listedArticle(url.key, db)) return 'This article is on the desk now: follow the link again to see its price.';
  db.transaction((tx) => {
    const created = tx
      .insert(unlistedAsks)
      .values({ url: url.url, urlKey: url.key, requesterId: user!.id, organizationId: user!.organizationId, note })
      .onConflictDoNothing()
      .returning({ id: unlistedAsks.id })
      .all();
    if (created.length) {
      enqueueMail(tx, {
        to: settings.deskEmail,
        subject: `Asked for an article not on the desk yet: ${url.url}`,
        text: `${user!.name} (${user!.email}) asked for ${url.url}, which is not in the catalogue yet.\n${note ? `\nTheir note: ${note}\n` : ''}\nAttach it once it is imported: ${siteUrl()}/admin/requests#unlisted-asks`,
        kind: 'unlisted_ask',
      });
    }
  });
  scheduleDelivery(db);
  return 'Thank you: the desk will write to you as soon as the article is on the desk.';
}

/** The public article for this key, if the catalogue has it. */
function listedArticle(key: string, db: Db): { id: number; slug: string; title: string } | null {
  const id = articleIdByCanonicalKey(key, db);
  if (id === null) return null;
  const row = db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      hidden: articles.hidden,
      embargoUntil: articles.embargoUntil,
    })
    .from(articles)
    .where(eq(articles.id, id))
    .get();
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
export function listWaitingAsks(limit = 50, db: Db = getDb()): WaitingAsk[] {
  const rows = db
    .select({
      id: unlistedAsks.id,
      url: unlistedAsks.url,
      urlKey: unlistedAsks.urlKey,
      note: unlistedAsks.note,
      createdAt: unlistedAsks.createdAt,
      requester: users.name,
      email: users.email,
      organization: organizations.name,
    })
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
export function attachAsk(id: number, staff: PublicUser, db: Db = getDb()): string {
  const ask = db
    .select()
    .from(unlistedAsks)
    .where(and(eq(unlistedAsks.id, id), eq(unlistedAsks.status, 'waiting')))
    .get();
  if (!ask) throw notFound(HANDLED);
  const article = listedArticle(ask.urlKey, db);
  if (!article)
    throw new AppError(
      'conflict',
      'The article is not in the catalogue yet: import it (or wait for the feed sync), then attach it.',
    );
  const requester = db
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, ask.requesterId))
    .get()!;
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
  if (!done) throw notFound(HANDLED);
  scheduleDelivery(db);
  return `Attached “${article.title}”; the publisher has been told.`;
}

/** Staff close an ask that will not be listed (e.g. not licensable). */
export function dismissAsk(id: number, staff: PublicUser, db: Db = getDb()): string {
  const changed = db
    .update(unlistedAsks)
    .set({ status: 'dismissed', decidedBy: staff.id, decidedAt: new Date().toISOString() })
    .where(and(eq(unlistedAsks.id, id), eq(unlistedAsks.status, 'waiting')))
    .run().changes;
  if (!changed) throw notFound(HANDLED);
  return 'Dismissed.';
}
