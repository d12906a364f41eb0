import 'server-only';
import { z } from 'zod';
import { DURATIONS, ORG_TYPES, TERRITORIES, USES } from '@/db/enums';
import { all, one, ticked, typedValues, type FormFields } from '@/lib/actions/form-data';
import { fieldErrors, FIX_FIELDS, type FieldErrors } from '@/lib/errors';
import { startDateSchema } from '@/lib/validation/dates';
import { multiLine, singleLine } from '@/lib/validation/text';
import { catalogueSelectionSchema } from './selection';

/*
 * The catalogue-licence form's fields, read the same way from a form post (the action) and from a
 * query string (GET /api/catalogue-quote): sections and tags may repeat, tags may also come as one
 * comma-separated line. The selection itself is validated by the contract's catalogueSelectionSchema.
 */

/** What a catalogue quote depends on: the selection and the use's options. */
export const catalogueOptionsSchema = z
  .object({
    selection: catalogueSelectionSchema,
    use: z.enum(USES, { message: 'Choose a use.' }),
    territory: z.enum(TERRITORIES, { message: 'Choose a territory.' }),
    territoryDetail: singleLine().max(200).default(''),
    duration: z.enum(DURATIONS, { message: 'Choose a duration.' }),
  })
  // An ongoing selection runs one year (docs/DESIGN.md § AI and catalogue licences).
  .transform((v) => ({ ...v, duration: v.selection.ongoing ? ('1y' as const) : v.duration }));
export type CatalogueOptions = z.output<typeof catalogueOptionsSchema>;

/** GET /api/catalogue-quote: the options, and the licensee type for visitors (signed-in publishers get their own). */
export const catalogueQuoteQuerySchema = z.object({
  options: catalogueOptionsSchema,
  licenseeType: z.enum(ORG_TYPES, { message: 'Choose a licensee type.' }).default('ai_developer'),
});

/** The catalogue-licence request, as the form and its action see it. */
export const catalogueRequestSchema = z
  .object({
    options: catalogueOptionsSchema,
    publicationName: singleLine().min(1, 'Name the product or service that will use the articles.').max(200),
    publicationUrl: singleLine()
      .max(500)
      .refine(
        (v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v),
        'Enter a web address starting with http:// or https://.',
      )
      .default(''),
    startDate: startDateSchema,
    notes: multiLine().max(4000, 'Keep notes under 4,000 characters.').default(''),
    acceptTerms: z.literal(true, { message: 'Please accept the licence terms.' }),
    idempotencyKey: singleLine().min(8).max(100),
  })
  .refine((v) => v.options.territory === 'worldwide' || Boolean(v.options.territoryDetail.trim()), {
    path: ['options', 'territoryDetail'],
    message: 'Which country or region?',
    when: (p) => {
      const o = (p.value as { options?: { territory?: unknown } } | undefined)?.options;
      return typeof o?.territory === 'string' && (TERRITORIES as readonly string[]).includes(o.territory);
    },
  });
export type CatalogueRequest = z.output<typeof catalogueRequestSchema>;

const orNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** The tags as typed: repeated fields or one comma-separated line, lower-cased as the catalogue stores them. */
function tagList(f: FormFields): string[] {
  return all(f, 'tags')
    .flatMap((t) => t.split(','))
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
}

function optionsInput(f: FormFields) {
  return {
    selection: {
      sections: all(f, 'section').filter(Boolean),
      tags: tagList(f),
      from: orNull(one(f, 'from')),
      to: orNull(one(f, 'to')),
      ongoing: ticked(f, 'ongoing'),
    },
    use: one(f, 'use'),
    territory: one(f, 'territory'),
    territoryDetail: one(f, 'territoryDetail'),
    duration: one(f, 'duration'),
  };
}

export const catalogueQuoteQuery = z.preprocess(
  (f) => ({ options: optionsInput(f as FormFields), licenseeType: one(f as FormFields, 'licenseeType') }),
  catalogueQuoteQuerySchema,
);

export const catalogueRequestForm = z.preprocess((f) => {
  const fields = f as FormFields;
  return {
    options: optionsInput(fields),
    publicationName: one(fields, 'publicationName'),
    publicationUrl: one(fields, 'publicationUrl'),
    startDate: one(fields, 'startDate'),
    notes: one(fields, 'notes'),
    acceptTerms: ticked(fields, 'acceptTerms'),
    idempotencyKey: one(fields, 'idempotencyKey'),
  };
}, catalogueRequestSchema);

/** Field errors keyed by the form's own names (`options.selection.to` → `to`, `…sections.0` → `section`). */
export function catalogueErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(fieldErrors(error))) {
    const parts = key.split('.').filter((p) => p !== 'options' && p !== 'selection' && !/^\d+$/.test(p));
    const name = parts[0] === 'sections' ? 'section' : (parts[0] ?? '_form');
    out[name] ??= message;
  }
  return out;
}

export function catalogueFormInvalid(error: z.ZodError): { errors: FieldErrors; message: string } {
  const errors = catalogueErrors(error);
  return {
    errors,
    message: errors.idempotencyKey ? 'This form has expired. Reload the page and try again.' : FIX_FIELDS,
  };
}

/** What was typed, to give back with errors: repeated sections travel as one comma-joined value. */
export function catalogueFormValues(fields: FormFields): Record<string, string> {
  const values = typedValues(fields);
  values.section = all(fields, 'section').join('\n');
  return values;
}
