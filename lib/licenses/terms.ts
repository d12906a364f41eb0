import { DURATION_LABELS, formatDate, PORTION_LABELS, territoryText, USE_LABELS } from './labels';
import type { LicenseRow } from './queries';

/** The licence terms shown before submitting and frozen into every licence (with the take-down duty below). */
export const LICENSE_TERMS = [
  'The licence is non-exclusive and non-transferable.',
  'No edits beyond house style and length cuts, and cuts are marked as such.',
  'The headline and byline are kept.',
  'The credit line and the link back to the original are kept.',
  'The content may not be sold or licensed on separately.',
  'The use ends when the licence ends (expiry or revocation); the copy is then taken down.',
] as const;

const hoursText = (hours: number) => (hours === 1 ? 'one hour' : `${hours} hours`);

/** The duty machines act on: a withdrawal (kill) notice means the copy comes down within `hours`. */
export const takedownTerm = (hours: number) =>
  `If the publisher withdraws an article (a kill notice), the copy is taken down within ${hoursText(hours)} of the notice.`;

/** Every term of a licence issued now, with the desk's take-down time (the admin setting `takedownHours`). */
export const licenseTerms = (takedownHours: number): string[] => [...LICENSE_TERMS, takedownTerm(takedownHours)];

/** When a withdrawn article's copy must be down: the notice's time plus the licence's take-down hours. */
export const takedownDeadline = (noticeAt: string, hours: number) =>
  new Date(new Date(noticeAt).getTime() + hours * 3_600_000).toISOString();

export function creditLine(publisher: string, code: string, canonicalUrl?: string): string {
  const where = canonicalUrl ? ` at ${canonicalUrl}` : '';
  return `This article was originally published by ${publisher}${where} and is republished under licence ${code}.`;
}

/**
 * The agreed scope in one sentence, for the copies that travel (the certificate lists it as facts):
 * a copy must say what it may be used for — after a counter-offer, exactly the accepted terms.
 */
export function scopeLine(license: LicenseRow): string {
  const t = license.terms;
  const validity = license.validUntil
    ? `from ${formatDate(license.validFrom)} until ${formatDate(license.validUntil)}`
    : `from ${formatDate(license.validFrom)}, without end date`;
  return `Licensed use (${license.code}): ${USE_LABELS[t.use]} · ${PORTION_LABELS[t.portion]} · ${territoryText(
    t.territory,
    t.territoryDetail,
  )} · ${DURATION_LABELS[t.duration]}, ${validity}.`;
}
