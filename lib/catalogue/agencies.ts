/**
 * Whether a credit names a news agency: whole words, case-insensitive, anywhere in the credit
 * ("AFP photo/HO/SANA", "Photo: Reuters/Jane Doe"). Agency pictures are never licensable.
 */
export function creditNamesAgency(credit: string, agencies: string[]): boolean {
  return agencyNamedIn(credit, agencies) !== null;
}

/** The agency a credit names (the longest match: "Getty Images" rather than "Getty"), or null. */
export function agencyNamedIn(credit: string, agencies: string[]): string | null {
  const named = agencies.filter((agency) => {
    const escaped = agency
      .trim()
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\s+/g, '\\s+');
    if (!escaped) return false;
    return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(credit);
  });
  return named.length ? named.reduce((a, b) => (b.trim().length > a.trim().length ? b : a)).trim() : null;
}
