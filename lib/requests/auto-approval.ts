import type { Organization } from '@/db/schema';
import type { Quote } from '@/lib/quote';
import { formatMoney } from '@/lib/quote';
import type { SiteSettings } from '@/lib/settings';
import type { RequestForm } from '@/lib/validation/request';

/**
 * The rule of docs/DESIGN.md § Auto-approval: on, total ≤ limit, an allowed use, no translation,
 * not perpetual, every article owned, licensee not flagged. Returns the rule text for the audit
 * trail, or null.
 */
export function autoApprovalRule(
  form: Pick<RequestForm, 'use' | 'translation' | 'duration'>,
  quote: Quote,
  articleRights: string[],
  org: Pick<Organization, 'flagged'>,
  rule: SiteSettings['autoApproval'],
): string | null {
  if (!rule.enabled || quote.total === null || quote.requiresReview) return null;
  if (quote.total > rule.feeLimit || !rule.uses.includes(form.use)) return null;
  if (form.translation || form.duration === 'perpetual' || org.flagged) return null;
  if (!articleRights.every((r) => r === 'owned')) return null;
  return `Auto-approval rule: fee ${formatMoney(quote.total)} ≤ ${formatMoney(rule.feeLimit)}, use “${form.use}” allowed, no translation, not perpetual, all articles owned, licensee in good standing.`;
}
