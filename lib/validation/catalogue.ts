import { z } from 'zod';
import { RIGHTS_STATUSES } from '@/db/enums';
import { MAX_QUERY_CHARS } from '@/lib/catalogue/fts';

export const PAGE_SIZE = 20;
/** Deep pages cost an OFFSET walk; nobody pages past 100,000 results. */
export const MAX_PAGE = 5000;
export const SORTS = ['newest', 'relevance'] as const;

// An empty form field arrives as "" and means "no filter".
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-03-01.')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'That date does not exist.');

/** /articles, GET /api/articles and the admin list: one set of parameters, one meaning. */
export const articleQuerySchema = z
  .object({
    // Any text is a valid search; it is cut at MAX_QUERY_CHARS, never refused (see lib/catalogue/fts.ts).
    q: z.string().default('').transform((v) => v.slice(0, MAX_QUERY_CHARS).trim()),
    section: optional(z.string().trim().max(80, 'Section names are shorter than that.')),
    tag: optional(z.string().trim().toLowerCase().max(80, 'Tags are shorter than that.')),
    author: optional(z.string().trim().max(120, 'Author names are shorter than that.')),
    from: optional(day),
    to: optional(day),
    licensable: optional(z.enum(['1', '0'], { message: 'Use licensable=1 to show only licensable articles.' })).transform((v) => v === '1'),
    sort: optional(z.enum(SORTS, { message: 'Sort by newest or relevance.' })),
    page: optional(
      z.coerce
        .number({ message: 'The page must be a whole number.' })
        .int('The page must be a whole number.')
        .min(1, 'Pages start at 1.')
        .max(MAX_PAGE, `Pages stop at ${MAX_PAGE}; narrow the search instead.`),
    ).transform((v) => v ?? 1),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'The end date is before the start date.' });

export type ArticleQuery = z.infer<typeof articleQuerySchema>;

/** URLSearchParams or Next's searchParams object → plain strings (the first of repeated keys). */
export function queryObject(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params) if (!(k in out)) out[k] = v;
  } else {
    for (const [k, v] of Object.entries(params)) {
      const first = Array.isArray(v) ? v[0] : v;
      if (typeof first === 'string') out[k] = first;
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
  id: z.coerce.number().int().positive(),
  rightsStatus: z.enum(RIGHTS_STATUSES, { message: 'Choose a rights status.' }),
  premium,
  hidden: z.boolean(),
  assets: z.array(z.object({ id: z.coerce.number().int().positive(), licensable: z.boolean() })).max(200),
});
export type ArticleRightsInput = z.infer<typeof articleRightsSchema>;

/** Checkboxes send nothing when unticked, so the form lists its asset ids in `assetIds`. */
export function articleRightsFromForm(form: FormData): unknown {
  const ids = String(form.get('assetIds') ?? '')
    .split(',')
    .filter(Boolean);
  return {
    id: form.get('id'),
    rightsStatus: form.get('rightsStatus'),
    premium: String(form.get('premium') ?? ''),
    hidden: form.get('hidden') === 'on',
    assets: ids.map((id) => ({ id, licensable: form.get(`asset-${id}`) === 'on' })),
  };
}
