import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Conn, type Db } from '@/db/client';
import { placeholders, preparedFor } from '@/db/prepared';
import {
  licenseRequests,
  organizations,
  requestArticles,
  requestEvents,
  type License,
  type LicenseRequest,
  type PublicUser,
} from '@/db/schema';
import { enqueueMail, scheduleDelivery } from '@/lib/mail/outbox';
import { quote, type Quote } from '@/lib/quote';
import { currentRateCard } from '@/lib/rate-card';
import { getSettings, type SiteSettings } from '@/lib/settings';
import { priceSelection } from '@/lib/catalogue-licences/price';
import type { CatalogueRequest } from '@/lib/catalogue-licences/form';
import { selectionArticleIds } from '@/lib/catalogue-licences/selection';
import type { RequestForm } from '@/lib/validation/request';
import { licensableArticles } from './articles';
import { autoApprovalRule, reviewReasons } from './auto-approval';
import { submittedMails } from './mails';
import { applyTransition } from './transition';
import { forbidden, invalid } from '@/lib/errors';
import { UNVERIFIED_MESSAGE } from '@/lib/auth/email-verification';

export type SubmitResult = { request: LicenseRequest; duplicate: boolean; license?: License };

export function formatReference(id: number, date: Date): string {
  return `RR-${date.getUTCFullYear()}-${String(id).padStart(6, '0')}`;
}

/**
 * Stores a republishing request: recomputes the quote on the server with the organisation's own
 * type, writes the request, its articles, the first audit event and the mails in one transaction,
 * and auto-approves it when the rules allow. The same idempotency key from the same user returns
 * the request made the first time.
 */
export async function submitRequest(form: RequestForm, user: PublicUser, db: Db = getDb()): Promise<SubmitResult> {
  if (!user.organizationId) throw forbidden();
  // Until the address is confirmed an account may browse and quote, not request (lib/auth/email-verification.ts).
  if (!user.emailVerifiedAt) throw forbidden(UNVERIFIED_MESSAGE);
  const existing = findByKey(db, user.id, form.idempotencyKey);
  if (existing) return { request: existing, duplicate: true };

  const org = orgById(db).get({ id: user.organizationId });
  if (!org) throw forbidden();
  const arts = licensableArticles(form.articles, db);
  const { version, card } = currentRateCard(db);
  const settings = getSettings(db);
  const q: Quote = quote(
    {
      ...form,
      licenseeType: org.type,
      articles: arts.map((a) => ({
        slug: a.slug,
        title: a.title,
        premiumMilli: a.premiumMilli,
        rightsStatus: a.rightsStatus,
      })),
    },
    card,
  );
  // One decision for the queue's "Review needed" mark and for auto-approval (lib/requests/auto-approval.ts).
  const subject = {
    quote: q,
    use: form.use,
    duration: form.duration,
    translation: form.translation,
    articleRights: arts.map((a) => a.rightsStatus),
    flagged: org.flagged,
  };
  const requiresReview = reviewReasons(subject, settings.autoApproval).length > 0;
  const rule = autoApprovalRule(subject, settings.autoApproval);
  const now = new Date();

  const row: NewRequestRow = {
    reference: `pending-${form.idempotencyKey}-${user.id}`,
    organizationId: org.id,
    requesterId: user.id,
    use: form.use,
    publicationName: form.publicationName,
    publicationUrl: form.publicationUrl,
    audience: form.audience,
    territory: form.territory,
    territoryDetail: form.territory === 'worldwide' ? '' : form.territoryDetail,
    duration: form.duration,
    startDate: form.startDate,
    portion: form.portion,
    translation: form.translation,
    translationLanguage: form.translation ? form.translationLanguage : null,
    notes: form.notes,
    quoteTotal: q.total,
    currency: q.currency,
    quote: q,
    requiresReview,
    rateCardVersion: version,
    selection: null,
    idempotencyKey: form.idempotencyKey,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  return storeRequest(
    db,
    user,
    row,
    arts.map((a) => a.id),
    { settings, now, autoApproval: rule },
  );
}

/**
 * Stores a catalogue-licence request (docs/DESIGN.md § AI and catalogue licences): the selection,
 * its articles as quoted now (request_articles, oldest first), audience 1 and the full text, the
 * catalogue quote on the organisation's type — always for the desk to agree, never auto-approved.
 * Same transaction, mails and idempotency as any request.
 */
export async function submitCatalogueRequest(
  form: CatalogueRequest,
  user: PublicUser,
  db: Db = getDb(),
): Promise<SubmitResult> {
  if (!user.organizationId) throw forbidden();
  if (!user.emailVerifiedAt) throw forbidden(UNVERIFIED_MESSAGE);
  const existing = findByKey(db, user.id, form.idempotencyKey);
  if (existing) return { request: existing, duplicate: true };
  const org = orgById(db).get({ id: user.organizationId });
  if (!org) throw forbidden();

  const { version, card } = currentRateCard(db);
  const settings = getSettings(db);
  const now = new Date();
  const { options } = form;
  const { quote: q } = priceSelection(db, options, org.type, card, settings.ai, now);
  if (q.catalogue.count === 0) throw invalid({ section: 'The selection holds no articles we can license.' });
  const ids = selectionArticleIds(db, options.selection, options.use, settings.ai, { now });
  const row: NewRequestRow = {
    reference: `pending-${form.idempotencyKey}-${user.id}`,
    organizationId: org.id,
    requesterId: user.id,
    use: options.use,
    publicationName: form.publicationName,
    publicationUrl: form.publicationUrl,
    audience: 1,
    territory: options.territory,
    territoryDetail: options.territory === 'worldwide' ? '' : options.territoryDetail,
    duration: options.duration,
    startDate: form.startDate,
    portion: 'full',
    translation: false,
    translationLanguage: null,
    notes: form.notes,
    quoteTotal: q.total,
    currency: q.currency,
    quote: q,
    requiresReview: true,
    rateCardVersion: version,
    selection: options.selection,
    idempotencyKey: form.idempotencyKey,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  return storeRequest(db, user, row, ids, { settings, now, autoApproval: null });
}

/**
 * The one write of a new request: the row, its articles, the first event and the mails in one
 * transaction, and the auto-approval through the same applyTransition when a rule allows it.
 */
function storeRequest(
  db: Db,
  user: PublicUser,
  row: NewRequestRow,
  articleIds: number[],
  ctx: { settings: SiteSettings; now: Date; autoApproval: string | null },
): SubmitResult {
  const { settings, now, autoApproval: rule } = ctx;
  try {
    const result = db.transaction(
      (tx): SubmitResult => {
        // Re-checked inside the write lock: a concurrent twin may have committed meanwhile.
        const twin = findByKey(tx, user.id, row.idempotencyKey);
        if (twin) return { request: twin, duplicate: true };
        const { id } = insertRequest(tx).get(row)!;
        const request = setReference(tx).get({ id, reference: formatReference(id, now) })!;
        articleIds.forEach((articleId, position) => insertArticle(tx).run({ requestId: id, articleId, position }));
        insertEvent(tx).run({ requestId: id, actorId: user.id, createdAt: now.toISOString() });
        for (const mail of submittedMails(request, user.email, settings.deskEmail)) enqueueMail(tx, mail);
        if (!rule) return { request, duplicate: false };
        const approved = applyTransition(
          tx,
          request,
          { action: 'auto_approve', expectedVersion: request.version, note: rule },
          null,
          { settings, now },
        );
        return { request: approved.request, license: approved.license, duplicate: false };
      },
      { behavior: 'immediate' },
    );
    scheduleDelivery(db);
    return result;
  } catch (e) {
    // Another process won the race on the idempotency key: answer with its request.
    const twin = findByKey(db, user.id, row.idempotencyKey);
    if (twin) return { request: twin, duplicate: true };
    throw e;
  }
}

function findByKey(db: Conn, userId: number, key: string): LicenseRequest | undefined {
  return byKey(db).get({ userId, key });
}

// Fixed-shape statements of the submission path, prepared once per connection (db/prepared.ts).
const p = sql.placeholder;
const byKey = preparedFor((db) =>
  db
    .select()
    .from(licenseRequests)
    .where(and(eq(licenseRequests.requesterId, p('userId')), eq(licenseRequests.idempotencyKey, p('key'))))
    .prepare(),
);
const orgById = preparedFor((db) =>
  db
    .select()
    .from(organizations)
    .where(eq(organizations.id, p('id')))
    .prepare(),
);
const REQUEST_COLUMNS = [
  'reference',
  'organizationId',
  'requesterId',
  'use',
  'publicationName',
  'publicationUrl',
  'audience',
  'territory',
  'territoryDetail',
  'duration',
  'startDate',
  'portion',
  'translation',
  'translationLanguage',
  'notes',
  'quoteTotal',
  'currency',
  'quote',
  'requiresReview',
  'rateCardVersion',
  'selection',
  'idempotencyKey',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof typeof licenseRequests.$inferInsert)[];
type NewRequestRow = Required<Pick<typeof licenseRequests.$inferInsert, (typeof REQUEST_COLUMNS)[number]>>;
const insertRequest = preparedFor((db) =>
  db.insert(licenseRequests).values(placeholders(REQUEST_COLUMNS)).returning({ id: licenseRequests.id }).prepare(),
);
const setReference = preparedFor((db) =>
  db
    .update(licenseRequests)
    .set({ reference: sql`${p('reference')}` })
    .where(eq(licenseRequests.id, p('id')))
    .returning()
    .prepare(),
);
const insertArticle = preparedFor((db) =>
  db
    .insert(requestArticles)
    .values(placeholders(['requestId', 'articleId', 'position']))
    .prepare(),
);
const insertEvent = preparedFor((db) =>
  db
    .insert(requestEvents)
    .values({
      ...placeholders(['requestId', 'actorId', 'createdAt']),
      fromStatus: null,
      toStatus: 'submitted',
      action: 'submit',
      note: '',
    })
    .prepare(),
);
