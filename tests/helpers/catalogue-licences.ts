import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  licenseRequests,
  licenses,
  requestArticles,
  type CatalogueSelection,
  type Duration,
  type License,
  type Use,
} from '@/db/schema';
import { aiSettingsOn, type CatalogueTerms } from '@/lib/catalogue-licences/licensed';
import { catalogueSelectionSchema, selectionArticleIds } from '@/lib/catalogue-licences/selection';
import { issueLicense } from '@/lib/licenses/issue';
import type { LicenseRow } from '@/lib/licenses/queries';
import { currentRateCard } from '@/lib/rate-card';
import { getSettings } from '@/lib/settings';

/*
 * A catalogue licence written per the contract of issue 18 (docs/DESIGN.md § AI and catalogue
 * licences) until the real request flow issues them: a request with `selection`, its request_articles
 * replaced by the selection as it stands at issue, and a licence issued by the real issueLicense whose
 * frozen terms carry `catalogue` and an empty `articles`.
 */
export function makeCatalogueLicense(
  db: Db,
  opts: {
    organizationId: number;
    requesterId: number;
    selection?: Partial<CatalogueSelection>;
    use?: Use;
    fee?: number;
    duration?: Duration;
    /** The licence's issue time (its createdAt): an ongoing selection picks up articles published after it. */
    issuedAt?: Date;
    startDate?: string;
  },
): LicenseRow {
  const selection = catalogueSelectionSchema.parse(opts.selection ?? {});
  const use = opts.use ?? 'ai-input';
  const now = opts.issuedAt ?? new Date();
  const settings = getSettings(db);
  return db.transaction((tx) => {
    const req = tx
      .insert(licenseRequests)
      .values({
        reference: `RR-${now.getUTCFullYear()}-C${randomUUID().slice(0, 8)}`,
        organizationId: opts.organizationId,
        requesterId: opts.requesterId,
        use,
        publicationName: 'Model training corpus',
        publicationUrl: 'https://ai.example/',
        audience: 1,
        territory: 'worldwide',
        duration: opts.duration ?? '1y',
        startDate: opts.startDate ?? now.toISOString().slice(0, 10),
        portion: 'full',
        quoteTotal: opts.fee ?? 0,
        // A desk-priced quote (C1's catalogue quote has its own lines): the invoice shows the agreed fee.
        quote: { total: null, lines: [], discount: { milli: 0, amount: 0 }, minimumApplied: false },
        requiresReview: true,
        rateCardVersion: currentRateCard(db).version,
        agreedFee: opts.fee ?? 0,
        selection,
        status: 'approved',
        idempotencyKey: randomUUID(),
        createdAt: now.toISOString(),
        decidedAt: now.toISOString(),
      })
      .returning()
      .get();
    const ids = selectionArticleIds(tx, selection, use, aiSettingsOn(tx), { now });
    ids.forEach((articleId, position) =>
      tx.insert(requestArticles).values({ requestId: req.id, articleId, position }).run(),
    );
    const issued = issueLicense(tx, req, opts.fee ?? 0, settings, now);
    const catalogue: CatalogueTerms = { selection, articleCount: ids.length, ongoing: selection.ongoing };
    const terms = { ...(issued.terms as object), articles: [], catalogue };
    return tx
      .update(licenses)
      .set({ terms, createdAt: now.toISOString() })
      .where(eq(licenses.id, issued.id))
      .returning()
      .get() as License as LicenseRow;
  });
}
