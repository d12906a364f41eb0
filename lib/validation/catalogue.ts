import { z } from 'zod';
import { one, type FormFields } from '@/lib/actions/form-data';
import { calendarDate } from './dates';
import { idInput, wholeNumberInput } from './numbers';
import { singleLine } from './text';
import { RIGHTS_STATUSES } from '@/db/enums';
import { MAX_QUERY_CHARS } from '@/lib/catalogue/fts';
import { isSafeKey } from './safe-keys';

export const PAGE_SIZE = 20;
/** Deep pages cost an OFFSET walk; nobody pages past 100,000 results. */
export const MAX_PAGE = 5000;
export const SORTS = ['newest', 'relevance'] as const;

// An empty form field arrives as "" and means "no filter".
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const day = calendarDate('Use a date like 2026-03-01.');

/** /articles, GET /api/articles and the admin list: one set of parameters, one meaning. */
export const articleQuerySchema = z
  .object({
    // Any text is a valid search; it is cut at MAX_QUERY_CHARS, never refused (see lib/catalogue/fts.ts).
    q: z
      .string()
      .default('')
      .transform((v) => v.slice(0, MAX_QUERY_CHARS).trim()),
    section: optional(singleLine().max(80, 'Section names are shorter than that.')),
    tag: optional(singleLine().toLowerCase().max(80, 'Tags are shorter than that.')),
    author: optional(singleLine().max(120, 'Author names are shorter than that.')),
    from: optional(day),
    to: optional(day),
    licensable: optional(
      z.enum(['1', '0'], { message: 'Use licensable=1 to show only licensable articles.' }),
    ).transform((v) => v === '1'),
    sort: optional(z.enum(SORTS, { message: 'Sort by newest or relevance.' })),
    page: optional(
      wholeNumberInput(
        z
          .number({ message: 'The page must be a whole number.' })
          .int('The page must be a whole number.')
          .min(1, 'Pages start at 1.')
          .max(MAX_PAGE, `Pages stop at ${MAX_PAGE}; narrow the search instead.`),
      ),
    ).transform((v) => v ?? 1),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    path: ['to'],
    message: 'The end date is before the start date.',
  });

export type ArticleQuery = z.infer<typeof articleQuerySchema>;

/** URLSearchParams or Next's searchParams object → plain strings (the first of repeated keys). */
export function queryObject(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string> {
  // Plain (it reaches client components); prototype names skipped; `hasOwn`, not `in`, so
  // "constructor" or "toString" are ordinary parameters rather than inherited members.
  const out: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params) if (isSafeKey(k) && !Object.hasOwn(out, k)) out[k] = v;
  } else {
    for (const [k, v] of Object.entries(params)) {
      const first = Array.isArray(v) ? v[0] : v;
      if (typeof first === 'string' && isSafeKey(k)) out[k] = first;
    }
  }
  return out;
}

/** The URL query for a state, without defaults, so shared links stay short. */
export function queryString(query: Partial<ArticleQuery>, over: Partial<ArticleQuery> = {}): string {
  const merged = { ...query, ...over };
  const params = new URLSearchParams();
  if (merged.q) params.set('q', merged.q);
  for (const key of ['section', 'tag', 'author', 'from', 'to', 'sort'] as const) {
    const value = merged[key];
    if (value) params.set(key, value);
  }
  if (merged.licensable) params.set('licensable', '1');
  if (merged.page && merged.page > 1) params.set('page', String(merged.page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** A multiplier typed as a decimal ("1.25") → thousandths (1250); exact, no floating point. */
const premium = z
  .string()
  .trim()
  .regex(/^\d{1,2}(\.\d{1,3})?$/, 'Enter a multiplier like 1 or 1.25 (up to three decimals).')
  .transform((v) => {
    const [whole, frac = ''] = v.split('.');
    return Number(whole) * 1000 + Number(frac.padEnd(3, '0'));
  })
  .refine((milli) => milli >= 100 && milli <= 10_000, 'The multiplier must be between 0.1 and 10.');

/** Staff edits to an article's rights (app/admin/articles/[id]). */
export const articleRightsSchema = z.object({
  id: idInput('Unknown article.'),
  rightsStatus: z.enum(RIGHTS_STATUSES, { message: 'Choose a rights status.' }),
  premium,
  hidden: z.boolean(),
  assets: z.array(z.object({ id: idInput('Unknown asset.'), licensable: z.boolean() })).max(200),
});
export type ArticleRightsInput = z.infer<typeof articleRightsSchema>;

/** Checkboxes send nothing when unticked, so the form lists its asset ids in `assetIds`. */
export function articleRightsFromForm(f: FormFields): unknown {
  const ids = (one(f, 'assetIds') ?? '').split(',').filter(Boolean);
  return {
    id: one(f, 'id'),
    rightsStatus: one(f, 'rightsStatus'),
    premium: one(f, 'premium') ?? '',
    hidden: one(f, 'hidden') === 'on',
    assets: ids.map((id) => ({ id, licensable: one(f, `asset-${id}`) === 'on' })),
  };
}
export const articleRightsFormSchema = z.preprocess((f) => articleRightsFromForm(f as FormFields), articleRightsSchema);
