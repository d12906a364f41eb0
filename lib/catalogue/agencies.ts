/**
 * Whether a credit names a news agency: whole words, case-insensitive, anywhere in the credit
 * ("AFP photo/HO/SANA", "Photo: Reuters/Jane Doe"). Agency pictures are never licensable.
 */
export function creditNamesAgency(credit: string, agencies: string[]): boolean {
  return agencies.some((agency) => {
    const escaped = agency
      .trim()
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\s+/g, '\\s+');
    if (!escaped) return false;
    return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(credit);
  });
}
