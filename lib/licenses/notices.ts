import 'server-only';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import {
  articles,
  licenseNotices,
  licenseRequests,
  licenses,
  requestArticles,
  users,
  type PublicUser,
} from '@/db/schema';
import { can } from '@/lib/auth/can';
import { aiSettingsOn, coversArticle } from '@/lib/catalogue-licences/licensed';
import { enqueueMail, scheduleDelivery, type Mail } from '@/lib/mail/outbox';
import { getSettings } from '@/lib/settings';
import { siteUrl } from '@/lib/site';
import { scheduleWebhooks } from '@/lib/webhooks/deliver';
import { recordNotice } from '@/lib/webhooks/notices';
import { forbidden, invalid, notFound } from '@/lib/errors';
import type { LicenseTerms } from './issue';
import { formatDateTime } from './labels';
import { takedownDeadline } from './terms';

export type NoticeKind = 'corrected' | 'withdrawn';
export const MAX_NOTE = 2000;

function noticeMail(
  kind: NoticeKind,
  ctx: {
    to: string;
    code: string;
    licenseId: number;
    requestId: number;
    title: string;
    note: string;
    publisher: string;
    /** When the copy must be down (kill notices). */
    takedownBy: string;
  },
): Mail {
  const page = `${siteUrl()}/account/licenses/${ctx.code}`;
  const base = { to: ctx.to, licenseId: ctx.licenseId, requestId: ctx.requestId };
  if (kind === 'corrected') {
    return {
      ...base,
      kind: 'article_corrected',
      subject: `Correction to “${ctx.title}” (licence ${ctx.code})`,
      text: `${ctx.publisher} has corrected “${ctx.title}”, which you republish under licence ${ctx.code}.\n\nCorrection: ${ctx.note}\n\nPlease update your copy. The corrected version can be downloaded from ${page}`,
    };
  }
  return {
    ...base,
    kind: 'article_withdrawn',
    subject: `Please take down “${ctx.title}” (licence ${ctx.code})`,
    text: `${ctx.publisher} has withdrawn “${ctx.title}”, which you republish under licence ${ctx.code}. Under the licence terms, your copy must be taken down by ${formatDateTime(ctx.takedownBy)}.\n\nReason: ${ctx.note}\n\nDownloads of this licence have stopped. ${page}`,
  };
}

/**
 * Staff mark an article corrected or withdrawn. In one transaction: the article's state and
 * note, a notice on every licence in force that contains it, and a mail to each licensee.
 * Returns how many licences were notified.
 */
export async function markArticle(
  articleId: number,
  kind: NoticeKind,
  rawNote: string,
  staff: PublicUser | null,
  db: Db = getDb(),
): Promise<{ notified: number }> {
  if (!can(staff, 'staff')) throw forbidden();
  if (kind !== 'corrected' && kind !== 'withdrawn') throw invalid({ kind: 'Choose corrected or withdrawn.' });
  const note = rawNote.trim();
  if (!note)
    throw invalid({ note: kind === 'corrected' ? 'Say what was corrected.' : 'Give the reason for the withdrawal.' });
  if (note.length > MAX_NOTE)
    throw invalid({ note: `Keep the note under ${MAX_NOTE.toLocaleString('en-GB')} characters.` });
  const { publisherName, takedownHours } = getSettings(db);
  const now = new Date().toISOString();

  const notified = db.transaction(
    (tx) => {
      const article = tx
        .select({ id: articles.id, title: articles.title, state: articles.state })
        .from(articles)
        .where(eq(articles.id, articleId))
        .get();
      if (!article) throw notFound('Article not found.');
      if (article.state === 'withdrawn')
        throw invalid({ kind: 'This article is already withdrawn.' }, 'This article is already withdrawn.');
      const inForce = and(
        eq(licenses.status, 'active'),
        or(isNull(licenses.validUntil), sql`julianday(${licenses.validUntil}) >= julianday(${now})`),
      );
      const columns = {
        id: licenses.id,
        code: licenses.code,
        requestId: licenses.requestId,
        email: users.email,
        terms: licenses.terms,
        createdAt: licenses.createdAt,
        validUntil: licenses.validUntil,
      };
      // Per-article licences and catalogue licences' frozen ids: the request's articles.
      const listed = tx
        .select(columns)
        .from(requestArticles)
        .innerJoin(licenses, eq(licenses.requestId, requestArticles.requestId))
        .innerJoin(licenseRequests, eq(licenseRequests.id, licenses.requestId))
        .innerJoin(users, eq(users.id, licenseRequests.requesterId))
        .where(and(eq(requestArticles.articleId, articleId), inForce))
        .all();
      // Ongoing catalogue licences also cover articles published after their issue: asked before the
      // state changes, since a withdrawn article no longer matches any selection.
      const seen = new Set(listed.map((l) => l.id));
      const ai = aiSettingsOn(tx);
      const ongoing = tx
        .select(columns)
        .from(licenses)
        .innerJoin(licenseRequests, eq(licenseRequests.id, licenses.requestId))
        .innerJoin(users, eq(users.id, licenseRequests.requesterId))
        .where(and(inForce, sql`json_extract(${licenses.terms}, '$.catalogue.ongoing') = 1`))
        .all()
        .filter((l) => !seen.has(l.id) && coversArticle(l, articleId, tx, new Date(now), ai));
      const affected = [...listed, ...ongoing];
      tx.update(articles)
        .set({ state: kind, stateNote: note, ...(kind === 'corrected' ? { updatedAt: now } : {}) })
        .where(eq(articles.id, articleId))
        .run();
      for (const l of affected) {
        tx.insert(licenseNotices).values({ licenseId: l.id, articleId, kind, note, createdAt: now }).run();
        recordNotice(tx, { licenseId: l.id, articleId, kind, note, now: new Date(now) });
        enqueueMail(
          tx,
          noticeMail(kind, {
            to: l.email,
            code: l.code,
            licenseId: l.id,
            requestId: l.requestId,
            title: article.title,
            note,
            publisher: publisherName,
            takedownBy: takedownDeadline(now, (l.terms as LicenseTerms).takedownHours ?? takedownHours),
          }),
        );
      }
      return affected.length;
    },
    { behavior: 'immediate' },
  );
  if (notified) {
    scheduleDelivery(db);
    scheduleWebhooks(db);
  }
  return { notified };
}
