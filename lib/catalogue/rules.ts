import type { Article } from '@/db/schema';

type Visibility = Pick<Article, 'hidden' | 'embargoUntil'>;
type Rights = Visibility & Pick<Article, 'rightsStatus' | 'state'>;

/** Public catalogue rule: not hidden and out of embargo. Staff see everything. */
export function isPubliclyVisible(a: Visibility, now = new Date()): boolean {
  return !a.hidden && (!a.embargoUntil || new Date(a.embargoUntil) <= now);
}

/** Why an article cannot be licensed, or null when it can. */
export function notLicensableReason(a: Rights, now = new Date()): string | null {
  if (!isPubliclyVisible(a, now)) return 'This article is not available.';
  if (a.rightsStatus === 'syndicated_in') return 'This article was syndicated to us by another publisher, so we cannot license it.';
  if (a.state === 'withdrawn') return 'This article has been withdrawn and can no longer be licensed.';
  return null;
}

export function isLicensable(a: Rights, now = new Date()): boolean {
  return notLicensableReason(a, now) === null;
}
