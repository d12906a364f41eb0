import type { Duration, RightsStatus, Use } from '@/db/enums';
import type { Quote } from '@/lib/quote';
import { formatMoney } from '@/lib/quote';
import type { SiteSettings } from '@/lib/settings';
import { DURATION_LABELS, USE_LABELS } from './labels';

/**
 * The rule of docs/DESIGN.md § Auto-approval, as the one function that decides "will this need
 * review?": on, a price (no staff quote), nothing the quote itself sends to the desk (translation,
 * contributor pieces), total ≤ limit, an allowed use, not perpetual, every article owned,
 * licensee not flagged. The calculator, the request form, submission (and so the queue's
 * "Review needed" mark) and auto-approval all call it. Pure: safe in client components.
 */
export type AutoApprovalSettings = SiteSettings['autoApproval'];

export type ReviewSubject = {
  quote: Pick<Quote, 'total' | 'requiresReview' | 'reasons' | 'currency'>;
  use: Use;
  duration: Duration;
  translation: boolean;
  articleRights: RightsStatus[];
  /** The licensee's organisation is flagged by the desk (unknown, so false, for visitors). */
  flagged: boolean;
};

/** Why the desk reviews this request, in words for the publisher; empty = licensed at once on submitting. */
export function reviewReasons(s: ReviewSubject, rule: AutoApprovalSettings): string[] {
  const reasons: string[] = [];
  if (!rule.enabled) reasons.push('The desk is reviewing every request at the moment.');
  // The quote's own reasons: translations, contributors' pieces, a use only the desk can price.
  reasons.push(...s.quote.reasons);
  if (s.translation && !s.quote.requiresReview) reasons.push('Translations are always reviewed by the desk.');
  if (!s.articleRights.every((r) => r === 'owned') && !s.quote.requiresReview)
    reasons.push('Some of these articles are not ours alone: the desk reviews them.');
  if (s.duration === 'perpetual') reasons.push(`${DURATION_LABELS.perpetual} licences are reviewed by the desk.`);
  if (s.quote.total !== null && s.quote.total > rule.feeLimit)
    reasons.push(`Fees above ${formatMoney(rule.feeLimit, s.quote.currency)} are reviewed by the desk.`);
  if (!rule.uses.includes(s.use)) reasons.push(`${USE_LABELS[s.use]} use is reviewed by the desk.`);
  if (s.flagged) reasons.push('The desk reviews requests from your organisation.');
  if (s.quote.requiresReview && reasons.length === 0) reasons.push('The desk reviews this request.');
  return reasons;
}

/** The rule text for the audit trail when the request is licensed at once, or null. */
export function autoApprovalRule(s: ReviewSubject, rule: AutoApprovalSettings): string | null {
  if (reviewReasons(s, rule).length > 0 || s.quote.total === null) return null;
  return `Auto-approval rule: fee ${formatMoney(s.quote.total, s.quote.currency)} ≤ ${formatMoney(rule.feeLimit, s.quote.currency)}, use “${USE_LABELS[s.use]}” allowed, no translation, not perpetual, all articles owned, licensee in good standing.`;
}
