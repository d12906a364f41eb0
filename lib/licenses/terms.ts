import { DURATION_LABELS, formatDate, PORTION_LABELS, territoryText, USE_LABELS } from './labels';
import type { LicenseRow } from './queries';

/** The licence terms shown before submitting and frozen into every licence. */
export const LICENSE_TERMS = [
  'The licence is non-exclusive and non-transferable.',
  'No edits beyond house style and length cuts, and cuts are marked as such.',
  'The headline and byline are kept.',
  'The credit line and the link back to the original are kept.',
  'The content may not be sold or licensed on separately.',
  'The use ends when the licence ends (expiry or revocation); the copy is then taken down.',
] as const;

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
