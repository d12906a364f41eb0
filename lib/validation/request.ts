import { z } from 'zod';
import { all, one, ticked, type FormFields } from '@/lib/actions/form-data';
import { fieldErrors, type FieldErrors } from '@/lib/errors';
import { startDateSchema } from './dates';
import { wholeNumberInput } from './numbers';
import { multiLine, singleLine } from './text';
import { DURATIONS, ORG_TYPES, PORTIONS, TERRITORIES, ARTICLE_USES } from '@/db/enums';

export const MAX_ARTICLES = 20;
export const MAX_AUDIENCE = 10_000_000_000;

// Errors name the article, so a publisher (or an API client) knows which one to drop.
const notAnArticle = (input: unknown) => `“${String(input).slice(0, 80)}” is not an article we can license.`;
/** One article slug; a bad one is named in the message. */
export const articleSlug = z
  .string({ error: (iss) => notAnArticle(iss.input) })
  .trim()
  .min(1, 'An article slug cannot be empty.')
  .max(200, { error: (iss) => notAnArticle(iss.input) })
  .regex(/^[a-z0-9][a-z0-9-]*$/, { error: (iss) => notAnArticle(iss.input) });

// A JSON number or plain digits: `true`, `[5]` or "0x10" are not audiences.
const audience = wholeNumberInput(
  z
    .number({ message: 'Enter the audience as a whole number.' })
    .int('Enter the audience as a whole number.')
    .positive('The audience must be at least 1.')
    .max(MAX_AUDIENCE, 'That audience is larger than the world.'),
);

/** The options a quote depends on: shared by the calculator, the API and the request form. */
export const useOptionsSchema = z.object({
  use: z.enum(ARTICLE_USES, { message: 'Choose a use.' }),
  audience,
  territory: z.enum(TERRITORIES, { message: 'Choose a territory.' }),
  duration: z.enum(DURATIONS, { message: 'Choose a duration.' }),
  portion: z.enum(PORTIONS, { message: 'Choose full text or an excerpt.' }),
  translation: z.boolean({ message: 'Translation is true or false.' }).default(false),
});
export type UseOptions = z.infer<typeof useOptionsSchema>;

const articleList = z
  .array(articleSlug, {
    error: (iss) =>
      iss.input === undefined ? 'Choose at least one article.' : 'List the articles as an array of slugs.',
  })
  .min(1, 'Choose at least one article.')
  .max(MAX_ARTICLES, `At most ${MAX_ARTICLES} articles per request.`)
  .transform((list) => [...new Set(list)]);

/** POST /api/quote */
export const quoteRequestSchema = useOptionsSchema.extend({
  articles: articleList,
  licenseeType: z.enum(ORG_TYPES, { message: 'Choose a licensee type.' }),
});
export type QuoteRequest = z.infer<typeof quoteRequestSchema>;

const httpUrl = singleLine()
  .min(1, 'Enter the address where it will appear.')
  .max(500)
  .refine((v) => {
    try {
      return ['http:', 'https:'].includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, 'Enter a web address starting with http:// or https://.');

const fieldOk = (value: unknown, key: string, list: readonly string[]) =>
  typeof value === 'object' && value !== null && list.includes((value as Record<string, unknown>)[key] as string);

/** The republishing request, as the form and the server action see it. */
export const requestFormSchema = useOptionsSchema
  .extend({
    articles: articleList,
    publicationName: singleLine().min(1, 'Enter the publication’s name.').max(200),
    publicationUrl: httpUrl,
    territoryDetail: singleLine().max(200).default(''),
    startDate: startDateSchema,
    translationLanguage: singleLine().max(80).default(''),
    notes: multiLine().max(4000, 'Keep notes under 4,000 characters.').default(''),
    acceptTerms: z.literal(true, { message: 'Please accept the licence terms.' }),
    idempotencyKey: singleLine().min(8).max(100),
  })
  // `when` runs these even if other fields failed, so a form shows every error at once
  // (a plain refinement is skipped while anything else is invalid).
  .refine((v) => v.territory === 'worldwide' || Boolean(v.territoryDetail?.trim()), {
    path: ['territoryDetail'],
    error: (iss) =>
      (iss.input as { territory?: string } | undefined)?.territory === 'region' ? 'Which region?' : 'Which country?',
    when: (p) => fieldOk(p.value, 'territory', TERRITORIES),
  })
  .refine((v) => !v.translation || Boolean(v.translationLanguage?.trim()), {
    path: ['translationLanguage'],
    message: 'Into which language?',
    when: (p) => typeof (p.value as { translation?: unknown } | undefined)?.translation === 'boolean',
  });
export type RequestForm = z.infer<typeof requestFormSchema>;

/** The form's fields → the plain object requestFormSchema expects (checkboxes, repeated articles). */
export function requestFormInput(f: FormFields): Record<string, unknown> {
  const get = (k: string) => one(f, k);
  return {
    articles: all(f, 'article'),
    use: get('use'),
    // People type thousands separators ("25,000"); they carry no meaning here.
    audience: get('audience')?.replace(/[,\s_]/g, '') || undefined,
    territory: get('territory'),
    territoryDetail: get('territoryDetail'),
    duration: get('duration'),
    portion: get('portion'),
    translation: ticked(f, 'translation'),
    translationLanguage: get('translationLanguage'),
    publicationName: get('publicationName'),
    publicationUrl: get('publicationUrl'),
    startDate: get('startDate'),
    notes: get('notes'),
    acceptTerms: ticked(f, 'acceptTerms'),
    idempotencyKey: get('idempotencyKey'),
  };
}

/** Field errors for the request schemas: every problem with the article list lands on `articles`. */
export function requestErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  const articleProblems: string[] = [];
  for (const issue of error.issues) {
    if (issue.path[0] === 'articles') {
      if (!articleProblems.includes(issue.message)) articleProblems.push(issue.message);
    }
  }
  for (const [key, message] of Object.entries(fieldErrors(error))) if (!key.startsWith('articles')) out[key] = message;
  if (articleProblems.length) out.articles = articleProblems.join(' ');
  return out;
}

/** A message on a request's thread. */
export const messageSchema = z.object({
  body: multiLine({ message: 'Write a message.' })
    .min(1, 'Write a message.')
    .max(4000, 'Keep messages under 4,000 characters.'),
});
