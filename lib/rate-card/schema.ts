import { z } from 'zod';
import { DURATIONS, ORG_TYPES, PORTIONS, TERRITORIES, USES } from '@/db/enums';
import type { RateCard } from '@/lib/quote';
import { decimalToInt, intToDecimal, multiplier, pounds, wholeNumber } from '@/lib/validation/amounts';
import { wholeNumberInput } from '@/lib/validation/numbers';
import { isSafeKey, nullObject } from '@/lib/validation/safe-keys';

// The rate-card form speaks pounds and decimal multipliers; the card stores pence and
// thousandths. Field names are dotted paths ("baseFee.web", "audienceBands.2.min") so zod's
// issue paths land on the right input.

export const ROUND_TO_OPTIONS = [
  { value: 1, label: 'the penny' },
  { value: 100, label: 'whole pounds' },
  { value: 500, label: '£5' },
  { value: 1000, label: '£10' },
] as const;

/** Empty rows the form offers for adding a band or a volume step. */
export const SPARE_ROWS = 2;
const MAX_ROWS = 12;

const record = <K extends string>(keys: readonly K[], value: (k: K) => z.ZodType<number, unknown>) =>
  z.object(Object.fromEntries(keys.map((k) => [k, value(k)])) as Record<K, z.ZodType<number, unknown>>);

const blank = (v: unknown) => v === undefined || (typeof v === 'string' && v.trim() === '');

const bandRow = z.object({ min: z.unknown().optional(), multiplier: z.unknown().optional() }).transform((row, ctx) => {
  if (blank(row.min) && blank(row.multiplier)) return null;
  const min = wholeNumber('the audience', 0, 10_000_000_000).safeParse(row.min);
  const milli = multiplier('audience').safeParse(row.multiplier);
  if (!min.success) ctx.addIssue({ code: 'custom', path: ['min'], message: min.error.issues[0]!.message });
  if (!milli.success) ctx.addIssue({ code: 'custom', path: ['multiplier'], message: milli.error.issues[0]!.message });
  return min.success && milli.success ? { min: min.data, milli: milli.data } : z.NEVER;
});

const volumeRow = z
  .object({ minArticles: z.unknown().optional(), discountPercent: z.unknown().optional() })
  .transform((row, ctx) => {
    if (blank(row.minArticles) && blank(row.discountPercent)) return null;
    const n = wholeNumber('the number of articles', 2, 1000).safeParse(row.minArticles);
    const pct =
      typeof row.discountPercent === 'string' ? decimalToInt(row.discountPercent.trim().replace(/%$/, ''), 1) : null;
    if (!n.success) ctx.addIssue({ code: 'custom', path: ['minArticles'], message: n.error.issues[0]!.message });
    if (pct === null || pct >= 1000)
      ctx.addIssue({ code: 'custom', path: ['discountPercent'], message: 'Enter a discount from 0 to 99.9 %.' });
    return n.success && pct !== null && pct < 1000 ? { minArticles: n.data, discountMilli: pct } : z.NEVER;
  });

/** A catalogue tier: "up to N articles at P %"; the last row leaves "up to" blank (every article beyond). */
const tierRow = z.object({ upTo: z.unknown().optional(), percent: z.unknown().optional() }).transform((row, ctx) => {
  if (blank(row.upTo) && blank(row.percent)) return null;
  const upTo = blank(row.upTo)
    ? { success: true as const, data: null }
    : wholeNumber('the tier’s last article', 1, 100_000_000).safeParse(row.upTo);
  const pct = typeof row.percent === 'string' ? decimalToInt(row.percent.trim().replace(/%$/, ''), 1) : null;
  if (!upTo.success) ctx.addIssue({ code: 'custom', path: ['upTo'], message: upTo.error.issues[0]!.message });
  if (pct === null || pct > 1000)
    ctx.addIssue({
      code: 'custom',
      path: ['percent'],
      message: 'Enter a share of the per-article rate from 0 to 100 %.',
    });
  return upTo.success && pct !== null && pct <= 1000 ? { upTo: upTo.data, milli: pct } : z.NEVER;
});

export const rateCardFormSchema = z
  .object({
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('GBP'),
    baseFee: record(USES, (u) => pounds(`the ${u} base fee`, { max: 100_000_000 })),
    licenseeType: record(ORG_TYPES, (t) => multiplier(t)),
    audienceBands: z.array(bandRow).max(MAX_ROWS),
    audienceStaffQuoteAbove: wholeNumber('the staff-quote threshold', 1, 10_000_000_000),
    territory: record(TERRITORIES, (t) => multiplier(t)),
    duration: record(DURATIONS, (d) => multiplier(d)),
    portion: record(PORTIONS, (p) => multiplier(p)),
    translation: multiplier('translation'),
    volume: z.array(volumeRow).max(MAX_ROWS),
    minimum: pounds('the minimum fee', { max: 100_000_000 }),
    catalogueTiers: z.array(tierRow).max(MAX_ROWS),
    catalogueStaffQuoteAbove: pounds('the catalogue staff-quote threshold', { max: 100_000_000_000 }),
    roundTo: wholeNumberInput(z.number()).refine(
      (n) => ROUND_TO_OPTIONS.some((o) => o.value === n),
      'Choose how totals are rounded.',
    ),
  })
  .superRefine((v, ctx) => {
    const bands = v.audienceBands.map((b, i) => ({ b, i })).filter((x) => x.b !== null);
    if (!bands.length)
      ctx.addIssue({ code: 'custom', path: ['audienceBands', 0, 'min'], message: 'Keep at least one audience band.' });
    else if (bands[0]!.b!.min !== 0)
      ctx.addIssue({
        code: 'custom',
        path: ['audienceBands', bands[0]!.i, 'min'],
        message: 'The first band must start at 0.',
      });
    for (let k = 1; k < bands.length; k += 1) {
      if (bands[k]!.b!.min <= bands[k - 1]!.b!.min)
        ctx.addIssue({
          code: 'custom',
          path: ['audienceBands', bands[k]!.i, 'min'],
          message: 'Each band must start above the one before.',
        });
    }
    const last = bands.at(-1)?.b;
    if (last && v.audienceStaffQuoteAbove <= last.min)
      ctx.addIssue({
        code: 'custom',
        path: ['audienceStaffQuoteAbove'],
        message: 'The staff-quote threshold must be above the last band’s start.',
      });
    const steps = v.volume.map((s, i) => ({ s, i })).filter((x) => x.s !== null);
    for (let k = 1; k < steps.length; k += 1) {
      if (steps[k]!.s!.minArticles <= steps[k - 1]!.s!.minArticles)
        ctx.addIssue({
          code: 'custom',
          path: ['volume', steps[k]!.i, 'minArticles'],
          message: 'Each step must start above the one before.',
        });
    }
    const tiers = v.catalogueTiers.map((t, i) => ({ t, i })).filter((x) => x.t !== null);
    if (!tiers.length || tiers.at(-1)!.t!.upTo !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['catalogueTiers', tiers.at(-1)?.i ?? 0, 'upTo'],
        message: 'Leave “up to” blank on the last tier: it prices every article beyond.',
      });
    for (let k = 0; k < tiers.length - 1; k += 1) {
      const upTo = tiers[k]!.t!.upTo;
      const before = k > 0 ? tiers[k - 1]!.t!.upTo : 0;
      if (upTo === null || (before !== null && upTo <= before))
        ctx.addIssue({
          code: 'custom',
          path: ['catalogueTiers', tiers[k]!.i, 'upTo'],
          message: 'Each tier must end above the one before; only the last is open-ended.',
        });
    }
  })
  .transform((v): RateCard => ({
    currency: v.currency,
    baseFee: v.baseFee as RateCard['baseFee'],
    licenseeType: v.licenseeType as RateCard['licenseeType'],
    audienceBands: v.audienceBands.filter((b) => b !== null),
    audienceStaffQuoteAbove: v.audienceStaffQuoteAbove,
    territory: v.territory as RateCard['territory'],
    duration: v.duration as RateCard['duration'],
    portion: v.portion as RateCard['portion'],
    translationMilli: v.translation,
    volume: v.volume.filter((s) => s !== null),
    minimum: v.minimum,
    roundTo: v.roundTo,
    catalogue: {
      tiers: v.catalogueTiers.filter((t) => t !== null),
      staffQuoteAbove: v.catalogueStaffQuoteAbove,
    },
  }));

// The only names rateCardInput keeps: the schema's keys, nothing else (see lib/validation/safe-keys.ts).
const KEYED: Record<string, readonly string[]> = {
  baseFee: USES,
  licenseeType: ORG_TYPES,
  territory: TERRITORIES,
  duration: DURATIONS,
  portion: PORTIONS,
};
const ROWS: Record<string, readonly string[]> = {
  audienceBands: ['min', 'multiplier'],
  volume: ['minArticles', 'discountPercent'],
  catalogueTiers: ['upTo', 'percent'],
};
const FLAT = new Set([
  'currency',
  'audienceStaffQuoteAbove',
  'translation',
  'minimum',
  'roundTo',
  'catalogueStaffQuoteAbove',
]);
const has = (list: readonly string[] | undefined, key: string | undefined): key is string =>
  key !== undefined && (list ?? []).includes(key);

/**
 * Flat form entries ("audienceBands.1.min" = "10000") → the nested object the schema reads.
 * Only the card's own names are read (an allowlist), into null-prototype objects, so a posted
 * `__proto__.statusText` or `constructor.prototype.x` is simply ignored.
 */
export function rateCardInput(entries: Iterable<[string, FormDataEntryValue]>): Record<string, unknown> {
  const root = nullObject<unknown>();
  const child = (key: string) => (root[key] ??= nullObject<unknown>()) as Record<string, unknown>;
  const rows = (key: string) => (root[key] ??= []) as Record<string, unknown>[];
  for (const [name, value] of entries) {
    if (typeof value !== 'string') continue;
    const [top, second, third, ...rest] = name.split('.');
    if (!top || !isSafeKey(top) || rest.length) continue;
    if (second === undefined) {
      if (FLAT.has(top)) root[top] = value;
    } else if (third === undefined) {
      if (has(KEYED[top], second)) child(top)[second] = value;
    } else if (has(ROWS[top], third) && /^\d{1,2}$/.test(second) && Number(second) < MAX_ROWS) {
      const list = rows(top);
      (list[Number(second)] ??= nullObject<unknown>())[third] = value;
    }
  }
  // Sparse arrays (a row whose index was skipped) become dense for zod.
  for (const k of Object.keys(ROWS))
    if (Array.isArray(root[k])) root[k] = Array.from(root[k] as unknown[], (r) => r ?? {});
  return root;
}

/** The card as the form's default values (flat, dotted names), plus spare empty rows. */
export function rateCardFormValues(card: RateCard): Record<string, string> {
  const out: Record<string, string> = {
    currency: card.currency,
    audienceStaffQuoteAbove: String(card.audienceStaffQuoteAbove),
    translation: intToDecimal(card.translationMilli, 3),
    minimum: intToDecimal(card.minimum, 2),
    roundTo: String(card.roundTo),
    catalogueStaffQuoteAbove: intToDecimal(card.catalogue.staffQuoteAbove, 2),
  };
  for (const u of USES) out[`baseFee.${u}`] = intToDecimal(card.baseFee[u], 2);
  for (const t of ORG_TYPES) out[`licenseeType.${t}`] = intToDecimal(card.licenseeType[t], 3);
  for (const t of TERRITORIES) out[`territory.${t}`] = intToDecimal(card.territory[t], 3);
  for (const d of DURATIONS) out[`duration.${d}`] = intToDecimal(card.duration[d], 3);
  for (const p of PORTIONS) out[`portion.${p}`] = intToDecimal(card.portion[p], 3);
  card.audienceBands.forEach((b, i) => {
    out[`audienceBands.${i}.min`] = String(b.min);
    out[`audienceBands.${i}.multiplier`] = intToDecimal(b.milli, 3);
  });
  card.volume.forEach((s, i) => {
    out[`volume.${i}.minArticles`] = String(s.minArticles);
    out[`volume.${i}.discountPercent`] = intToDecimal(s.discountMilli, 1);
  });
  card.catalogue.tiers.forEach((t, i) => {
    out[`catalogueTiers.${i}.upTo`] = t.upTo === null ? '' : String(t.upTo);
    out[`catalogueTiers.${i}.percent`] = intToDecimal(t.milli, 1);
  });
  return out;
}

/** How many rows of each list the form shows for these values (filled rows + spares). */
export function rowCount(values: Record<string, string>, list: 'audienceBands' | 'volume' | 'catalogueTiers'): number {
  let max = -1;
  for (const k of Object.keys(values)) {
    const m = new RegExp(`^${list}\\.(\\d+)\\.`).exec(k);
    if (m && values[k]!.trim() !== '') max = Math.max(max, Number(m[1]));
  }
  return Math.min(max + 1 + SPARE_ROWS, MAX_ROWS);
}
