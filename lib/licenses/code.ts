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
