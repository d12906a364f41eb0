import { randomBytes } from 'node:crypto';

// Crockford's base32 (no I, L, O, U): readable aloud and on paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** LIC-XXXX-XXXX-XXXX: 12 symbols × 5 bits = 60 bits from the CSPRNG. */
export function generateLicenseCode(): string {
  const bytes = randomBytes(12);
  const chars = Array.from(bytes, (b) => ALPHABET[b & 31]);
  return `LIC-${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8, 12).join('')}`;
}

export const LICENSE_CODE_PATTERN = /^LIC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * What a person typed → the canonical code, or null. Forgiving the way Crockford's alphabet
 * intends: case, spaces, missing dashes or prefix, and O/I/L read as 0/1/1.
 */
export function normalizeLicenseCode(input: string): string | null {
  let s = input
    .trim()
    .toUpperCase()
    .replace(/[\s_–—-]+/g, '');
  if (s.startsWith('LIC')) s = s.slice(3);
  s = s.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== 12) return null;
  const code = `LIC-${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}`;
  return LICENSE_CODE_PATTERN.test(code) ? code : null;
}
