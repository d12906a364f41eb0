import { z } from 'zod';

/**
 * Decimal text → integer, exactly (no floating point): "150.5" with 2 places → 15050.
 * Returns null when the text is not a plain decimal with at most `places` decimals.
 */
export function decimalToInt(text: string, places: number): number | null {
  const m = /^(\d{1,12})(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] ?? '').length > places) return null;
  return Number(m[1]) * 10 ** places + Number((m[2] ?? '').padEnd(places, '0') || '0');
}

/** Integer → decimal text, trailing zeros dropped: 1250 with 3 places → "1.25". */
export function intToDecimal(n: number, places: number): string {
  const s = (n / 10 ** places).toFixed(places);
  return places ? s.replace(/\.?0+$/, '') : s;
}

const clean = (v: unknown) => (typeof v === 'string' ? v.trim().replace(/^£/, '').replace(/,/g, '') : v);

/** Pounds as typed ("£1,250.50") → pence. */
export const pounds = (label: string, opts: { max?: number } = {}) =>
  z.preprocess(
    clean,
    z
      .string({ message: `Enter ${label}.` })
      .min(1, `Enter ${label}.`)
      .transform((v, ctx) => {
        const n = decimalToInt(v, 2);
        if (n === null) {
          ctx.addIssue({ code: 'custom', message: `Enter ${label} in pounds, e.g. 150 or 150.50.` });
          return z.NEVER;
        }
        if (opts.max !== undefined && n > opts.max) {
          ctx.addIssue({
            code: 'custom',
            message: `${label[0]!.toUpperCase()}${label.slice(1)} cannot be more than £${intToDecimal(opts.max, 2)}.`,
          });
          return z.NEVER;
        }
        return n;
      }),
  );

/** Same as `pounds`, but blank means "none" (null). */
export const optionalPounds = (label: string, opts: { max?: number } = {}) =>
  z.preprocess((v) => (clean(v) === '' || v === undefined || v === null ? null : v), pounds(label, opts).nullable());

/** A multiplier typed as a decimal ("1.25") → thousandths (1250). */
export const multiplier = (label: string) =>
  z.preprocess(
    clean,
    z
      .string({ message: `Enter the ${label} multiplier.` })
      .min(1, `Enter the ${label} multiplier.`)
      .transform((v, ctx) => {
        const n = decimalToInt(v, 3);
        if (n === null || n === 0 || n > 100_000) {
          ctx.addIssue({
            code: 'custom',
            message: `Enter a multiplier above 0 and up to 100, with at most 3 decimals (e.g. 1.25).`,
          });
          return z.NEVER;
        }
        return n;
      }),
  );

/** A whole number typed with optional thousands separators. */
export const wholeNumber = (label: string, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(
    clean,
    z
      .string({ message: `Enter ${label}.` })
      .regex(/^\d+$/, `Enter ${label} as a whole number.`)
      .transform(Number)
      .refine(
        (n) => n >= min && n <= max,
        `Enter ${label} between ${min.toLocaleString('en-GB')} and ${max.toLocaleString('en-GB')}.`,
      ),
  );
