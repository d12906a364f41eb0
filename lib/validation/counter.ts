import { z } from 'zod';
import { DURATIONS, PORTIONS, TERRITORIES, USES } from '@/db/enums';
import { singleLine } from './text';
import { articleSlug, MAX_ARTICLES, useOptionsSchema } from './request';

/**
 * The terms a counter-offer may change, as the staff form posts them: every field, prefilled with
 * the request's own, so what is sent is the whole proposed set (lib/requests/counter.ts compares
 * it with the request). The form marks itself with `changeTerms`; a counter posted without it
 * (an older form, a script) changes only the fee, as before.
 */
export const counterTermsFields = {
  changeTerms: z.literal('1').optional(),
  use: z.enum(USES, { message: 'Choose a use.' }).optional(),
  audience: useOptionsSchema.shape.audience.optional(),
  territory: z.enum(TERRITORIES, { message: 'Choose a territory.' }).optional(),
  territoryDetail: singleLine().max(200).default(''),
  duration: z.enum(DURATIONS, { message: 'Choose a duration.' }).optional(),
  portion: z.enum(PORTIONS, { message: 'Choose full text or an excerpt.' }).optional(),
  /** The request's articles that stay (ticked boxes: one value or several). */
  // Slugs are checked with the whole set (checkCounterTerms), so every problem lands on `articles`.
  articles: z
    .union([z.string().max(200), z.array(z.string().max(200)).max(100)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  /** Articles the desk adds, by slug, separated by spaces, commas or lines. */
  addArticles: singleLine()
    .max(4000)
    .default('')
    .transform((v) => v.split(/[\s,]+/).filter(Boolean)),
};

type Fields = z.output<z.ZodObject<typeof counterTermsFields>>;

export type ProposedTerms = {
  use: (typeof USES)[number];
  audience: number;
  territory: (typeof TERRITORIES)[number];
  territoryDetail: string;
  duration: (typeof DURATIONS)[number];
  portion: (typeof PORTIONS)[number];
  /** Slugs in order, without repeats. */
  articles: string[];
};

const REQUIRED = ['use', 'audience', 'territory', 'duration', 'portion'] as const;
const MISSING: Record<(typeof REQUIRED)[number], string> = {
  use: 'Choose a use.',
  audience: 'Enter the audience as a whole number.',
  territory: 'Choose a territory.',
  duration: 'Choose a duration.',
  portion: 'Choose full text or an excerpt.',
};

/** For the superRefine that calls checkCounterTerms: run it even when another field failed. */
export const evenWithOtherErrors = { when: (p: { value: unknown }) => typeof p.value === 'object' && p.value !== null };

/**
 * Checks the posted terms as one set (each problem at its own field) and gives the proposed terms,
 * or null when the form did not offer them. For `.superRefine` + `.transform` of a schema that
 * spreads `counterTermsFields`.
 */
export function checkCounterTerms(v: Fields, ctx: z.RefinementCtx): void {
  if (v.changeTerms !== '1') return;
  // Runs even when other fields failed (`when` below), so each value may still be as posted.
  for (const key of REQUIRED)
    if (v[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: MISSING[key] });
  if (
    (TERRITORIES as readonly unknown[]).includes(v.territory) &&
    v.territory !== 'worldwide' &&
    !(typeof v.territoryDetail === 'string' && v.territoryDetail.trim())
  )
    ctx.addIssue({
      code: 'custom',
      path: ['territoryDetail'],
      message: v.territory === 'region' ? 'Which region?' : 'Which country?',
    });
  const list = [v.articles, v.addArticles].flatMap((l) => (Array.isArray(l) ? l : []));
  const count = new Set(list).size;
  if (count === 0) ctx.addIssue({ code: 'custom', path: ['articles'], message: 'Keep or add at least one article.' });
  if (count > MAX_ARTICLES)
    ctx.addIssue({ code: 'custom', path: ['articles'], message: `At most ${MAX_ARTICLES} articles per request.` });
  for (const slug of list)
    if (!articleSlug.safeParse(slug).success)
      ctx.addIssue({
        code: 'custom',
        path: ['articles'],
        message: `“${slug.slice(0, 80)}” is not an article we can license.`,
      });
}

export function proposedTerms(v: Fields): ProposedTerms | null {
  if (v.changeTerms !== '1') return null;
  return {
    use: v.use!,
    audience: v.audience!,
    territory: v.territory!,
    territoryDetail: v.territory === 'worldwide' ? '' : v.territoryDetail,
    duration: v.duration!,
    portion: v.portion!,
    articles: [...new Set([...v.articles, ...v.addArticles])],
  };
}
