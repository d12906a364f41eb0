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
