import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { getDb, type Conn, type Db } from '@/db/client';
import {
  articles,
  licenseRequests,
  organizations,
  requestArticles,
  type LicenseRequest,
  type UseTerms,
} from '@/db/schema';
import { quote, type Quote } from '@/lib/quote';
import { rateCardVersion } from '@/lib/rate-card';
import type { ProposedTerms } from '@/lib/validation/counter';
import { invalid } from '@/lib/errors';
import { licensableArticles } from './articles';
import type { CounterComparison, CounterFormBasis, TermsSide } from './counter-view';
import type { RequestView } from './queries';
import { DURATION_LABELS, PORTION_LABELS, TERRITORY_LABELS, USE_LABELS } from './labels';

// A counter-offer changes the terms in structure, not only in prose (issue 17 item 7): the desk
// proposes a whole set of terms, the publisher sees it beside what they asked, and accepting it
// makes it the request's terms before the licence freezes them (lib/licenses/issue.ts). The state
// machine stays the single owner of the change: lib/requests/transition.ts calls these helpers
// inside its one transaction.

const TERM_KEYS = ['use', 'audience', 'territory', 'territoryDetail', 'duration', 'portion'] as const;

function articleIdsOf(db: Conn, requestId: number): number[] {
  return db
    .select({ id: requestArticles.articleId })
    .from(requestArticles)
    .where(eq(requestArticles.requestId, requestId))
    .orderBy(asc(requestArticles.position))
    .all()
    .map((r) => r.id);
}

/** The request's terms as they stand, in the shape a counter-offer proposes them. */
export function termsOfRequest(db: Conn, req: LicenseRequest): UseTerms {
  return {
    use: req.use,
    audience: req.audience,
    territory: req.territory,
    territoryDetail: req.territoryDetail,
    duration: req.duration,
    portion: req.portion,
    articleIds: articleIdsOf(db, req.id),
    quoteTotal: req.quoteTotal,
    quote: req.quote,
  };
}

/**
 * The proposed terms, checked and priced: every article must be licensable now (refused at the
 * `articles` field, by name), and the quote is the same engine on the rate card the request was
 * quoted on, for the organisation's own type and the translation asked. Null when the proposal
 * is the request's own terms (a counter-offer on the fee alone).
 */
export function resolveCounterTerms(db: Db, req: LicenseRequest, proposed: ProposedTerms): UseTerms | null {
  const arts = licensableArticles(proposed.articles, db);
  const current = termsOfRequest(db, req);
  const ids = arts.map((a) => a.id);
  const same =
    TERM_KEYS.every((k) => proposed[k] === current[k]) &&
    ids.length === current.articleIds.length &&
    ids.every((id, i) => id === current.articleIds[i]);
  if (same) return null;

  const org = db
    .select({ type: organizations.type })
    .from(organizations)
    .where(eq(organizations.id, req.organizationId))
    .get();
  const card = rateCardVersion(req.rateCardVersion, db);
  if (!org || !card) throw invalid({ _form: 'This request cannot be priced again; reload the page.' });
  const q: Quote = quote(
    {
      articles: arts.map((a) => ({
        slug: a.slug,
        title: a.title,
        premiumMilli: a.premiumMilli,
        rightsStatus: a.rightsStatus,
      })),
      use: proposed.use,
      licenseeType: org.type,
      audience: proposed.audience,
      territory: proposed.territory,
      duration: proposed.duration,
      portion: proposed.portion,
      translation: req.translation,
    },
    card.card,
  );
  return {
    use: proposed.use,
    audience: proposed.audience,
    territory: proposed.territory,
    territoryDetail: proposed.territoryDetail,
    duration: proposed.duration,
    portion: proposed.portion,
    articleIds: ids,
    quoteTotal: q.total,
    quote: q,
  };
}

/** counter: stores the proposed terms (null: the fee alone), inside the transition's transaction. */
export function storeCounterTerms(tx: Conn, req: LicenseRequest, terms: UseTerms | null): LicenseRequest {
  return tx
    .update(licenseRequests)
    .set({ counterTerms: terms })
    .where(eq(licenseRequests.id, req.id))
    .returning()
    .get()!;
}

/**
 * accept_counter: the proposed terms become the request's — its columns, its quote and its
 * article list — so the licence issued next, the rollups and the notices all see what was agreed.
 * What the publisher asked stays in `askedTerms`. Inside the transition's transaction, before
 * the licence is issued.
 */
export function acceptCounterTerms(tx: Conn, req: LicenseRequest): LicenseRequest {
  const t = req.counterTerms;
  if (!t) return req;
  const asked = termsOfRequest(tx, req);
  const q = t.quote as Quote;
  tx.delete(requestArticles).where(eq(requestArticles.requestId, req.id)).run();
  tx.insert(requestArticles)
    .values(t.articleIds.map((articleId, position) => ({ requestId: req.id, articleId, position })))
    .run();
  return tx
    .update(licenseRequests)
    .set({
      use: t.use,
      audience: t.audience,
      territory: t.territory,
      territoryDetail: t.territoryDetail,
      duration: t.duration,
      portion: t.portion,
      quote: t.quote,
      quoteTotal: t.quoteTotal,
      requiresReview: q.requiresReview,
      askedTerms: asked,
    })
    .where(eq(licenseRequests.id, req.id))
    .returning()
    .get()!;
}

/** One line per changed term, for the counter-offer mail ("Portion: Excerpt (up to 300 words)"). */
export function describeChanges(from: UseTerms, to: UseTerms): string[] {
  const out: string[] = [];
  if (from.use !== to.use) out.push(`Use: ${USE_LABELS[to.use]}`);
  if (from.audience !== to.audience) out.push(`Audience: ${to.audience.toLocaleString('en-GB')} a month`);
  if (from.territory !== to.territory || from.territoryDetail !== to.territoryDetail)
    out.push(`Territory: ${TERRITORY_LABELS[to.territory]}${to.territoryDetail ? `: ${to.territoryDetail}` : ''}`);
  if (from.duration !== to.duration) out.push(`Duration: ${DURATION_LABELS[to.duration]}`);
  if (from.portion !== to.portion) out.push(`Portion: ${PORTION_LABELS[to.portion]}`);
  if (from.articleIds.join() !== to.articleIds.join())
    out.push(`Articles: ${to.articleIds.length} (the list changed; see the request page)`);
  return out;
}

export type TermsView = Omit<UseTerms, 'articleIds' | 'quote'> & {
  articles: { id: number; slug: string; title: string }[];
  quote: Quote | null;
};

/** Proposed (or asked) terms with the articles' titles, for the pages. */
export function termsView(t: UseTerms, db: Db): TermsView {
  const rows = t.articleIds.length
    ? db
        .select({ id: articles.id, slug: articles.slug, title: articles.title })
        .from(articles)
        .where(inArray(articles.id, t.articleIds))
        .all()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const { articleIds, quote: q, ...rest } = t;
  return {
    ...rest,
    articles: articleIds.flatMap((id) => byId.get(id) ?? []),
    quote: Array.isArray((q as Quote | null)?.lines) ? (q as Quote) : null,
  };
}

/**
 * The pending counter-offer beside what was asked, for both pages; null unless a counter-offer
 * that changes the terms is waiting for the publisher.
 */
export function counterComparison(view: RequestView, db: Db = getDb()): CounterComparison | null {
  const r = view.request;
  if (r.status !== 'countered' || !r.counterTerms) return null;
  const proposed = termsView(r.counterTerms, db);
  const side = (t: Omit<TermsSide, 'articles'>, arts: { slug: string; title: string }[]): TermsSide => ({
    use: t.use,
    audience: t.audience,
    territory: t.territory,
    territoryDetail: t.territoryDetail,
    duration: t.duration,
    portion: t.portion,
    quoteTotal: t.quoteTotal,
    articles: arts.map((a) => ({ slug: a.slug, title: a.title })),
  });
  return { asked: side(r, view.articles), proposed: side(proposed, proposed.articles), currency: r.currency };
}

/** The staff counter-offer form's starting point: the request's terms and what prices them. */
export function counterFormBasis(view: RequestView, db: Db = getDb()): CounterFormBasis | null {
  const r = view.request;
  const card = rateCardVersion(r.rateCardVersion, db);
  if (!card) return null;
  return {
    terms: {
      use: r.use,
      audience: r.audience,
      territory: r.territory,
      territoryDetail: r.territoryDetail,
      duration: r.duration,
      portion: r.portion,
    },
    articles: view.articles.map((a) => ({
      slug: a.slug,
      title: a.title,
      premiumMilli: a.premiumMilli,
      rightsStatus: a.rightsStatus,
    })),
    licenseeType: view.organization.type,
    translation: r.translation,
    card: card.card,
    rateCardVersion: card.version,
    quotedTotal: r.quoteTotal,
    currency: r.currency,
  };
}
