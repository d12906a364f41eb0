import { z } from 'zod';

// z.coerce.number() is Number(input): `true` → 1, `[5]` → 5, `"0x10"` → 16, `" "` → 0, `"1e3"`
// → 1000 (issue 13 item 11). Numbers are accepted only as JSON numbers or as plain decimal
// digits in a string (a form field, a query parameter); everything else is refused.

// A sign is allowed so that "-5" gets the schema's own message ("at least 1"), not a type error.
const PLAIN_DIGITS = /^-?\d{1,16}$/;

/** A string of plain digits (optionally signed) → its number; anything else unchanged, for the number schema to refuse. */
export function plainNumber(v: unknown): unknown {
  if (typeof v === 'string' && PLAIN_DIGITS.test(v.trim())) return Number(v.trim());
  return v;
}

/**
 * A whole number from a JSON number or a digits-only string, checked by `schema`
 * (e.g. `wholeNumberInput(z.number({ message }).int(message).positive(message))`).
 */
export const wholeNumberInput = <T extends z.ZodType<number>>(schema: T) => z.preprocess(plainNumber, schema);

/** A database id from a form field or a URL: a positive whole number. */
export const idInput = (message = 'Unknown id.') =>
  wholeNumberInput(z.number({ message }).int(message).positive(message));
