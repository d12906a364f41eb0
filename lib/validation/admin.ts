import { z } from 'zod';
import { all, one, type FormFields } from '@/lib/actions/form-data';
import { isCountryCode } from './countries';
import { idInput } from './numbers';
import { multiLine, singleLine } from './text';
import { ROLES, USES } from '@/db/enums';
import { NOTE_REQUIRED, type Action } from '@/lib/requests/machine';
import { decimalToInt, optionalPounds, pounds, wholeNumber } from './amounts';
import { domainOf } from '@/lib/catalogue/canonical-url';
import { emailSchema, passwordSchema } from './auth';
import { checkCounterTerms, counterTermsFields, evenWithOtherErrors, proposedTerms } from './counter';

/** What staff can do from the review page (start_review happens with the first decision: lib/requests/transition.ts). */
export const STAFF_DECISIONS = [
  'approve',
  'counter',
  'request_info',
  'reject',
  'revoke',
] as const satisfies readonly Action[];
export type StaffDecision = (typeof STAFF_DECISIONS)[number];

export const MAX_FEE = 100_000_000; // £1,000,000 in pence

const NOTE_HINTS: Record<string, string> = {
  reject: 'Give the reason; it is sent to the publisher.',
  request_info: 'Write what you need to know.',
  revoke: 'Give the reason for revoking the licence.',
};

export const decisionSchema = z
  .object({
    reference: singleLine().min(1).max(40),
    action: z.enum(STAFF_DECISIONS, { message: 'Unknown action.' }),
    version: idInput('Reload the page: this form is out of date.'),
    note: multiLine().max(4000, 'Keep the note under 4,000 characters.').default(''),
    fee: optionalPounds('the fee', { max: MAX_FEE }),
    // A counter-offer's terms (lib/validation/counter.ts); the other decisions ignore them.
    ...counterTermsFields,
  })
  .superRefine((v, ctx) => {
    if (NOTE_REQUIRED.has(v.action) && !v.note && typeof v.note === 'string')
      ctx.addIssue({ code: 'custom', path: ['note'], message: NOTE_HINTS[v.action] ?? 'Add a note.' });
    if (v.action !== 'counter') return;
    // Without the terms fields nothing but the fee and the note can make the offer; with them,
    // lib/requests/counter.ts decides whether anything changed.
    if (v.fee === null && !v.note && v.changeTerms !== '1')
      ctx.addIssue({
        code: 'custom',
        path: ['fee'],
        message: 'Enter the fee you propose, or describe the changed terms.',
      });
    checkCounterTerms(v, ctx);
  }, evenWithOtherErrors)
  .transform(({ reference, action, version, note, fee, ...terms }) => ({
    reference,
    action,
    version,
    note,
    fee,
    terms: action === 'counter' ? proposedTerms(terms) : null,
  }));
export type DecisionInput = z.infer<typeof decisionSchema>;

export const messageSchema = z.object({
  reference: singleLine().min(1).max(40),
  body: multiLine().min(1, 'Write a message.').max(4000, 'Keep messages under 4,000 characters.'),
});
export type StaffMessageInput = z.infer<typeof messageSchema>;

/** Text of several lines → the non-empty trimmed lines (an address, bank details). */
const lines = (message: string, max: number) =>
  multiLine()
    .max(1000)
    .transform((v) =>
      v
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .refine((list) => list.length > 0 && list.length <= max && list.every((l) => l.length <= 120), message);

/** Admin settings form (lib/settings/). */
export const settingsSchema = z.object({
  autoApprovalEnabled: z.boolean(),
  autoApprovalFeeLimit: pounds('the fee limit', { max: MAX_FEE }),
  autoApprovalUses: z.array(z.enum(USES)),
  deskEmail: emailSchema,
  publisherName: singleLine().min(1, 'Enter the publisher’s name.').max(200),
  publisherUrl: singleLine()
    .max(300)
    .refine((v) => {
      try {
        return ['http:', 'https:'].includes(new URL(v).protocol);
      } catch {
        return false;
      }
    }, 'Enter a web address starting with http:// or https://.'),
  paymentRequiredAbove: optionalPounds('the amount', { max: MAX_FEE }),
  // One agency a line: line breaks are the separator, anything else a single line refuses is not.
  agencies: multiLine()
    .max(20_000)
    .transform((v) => [
      ...new Set(
        v
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean),
      ),
    ])
    .refine((list) => list.every((a) => a.length <= 100), 'Keep each agency name under 100 characters.'),
  pixelSampleDays: wholeNumber('the number of days', 1, 365),
  // Optional: a client that does not send it (an older form) keeps the stored value.
  takedownHours: wholeNumber('the number of hours', 1, 720).optional(),
  publisherDomains: z
    .string()
    .max(5_000)
    .default('')
    .transform((v) =>
      v
        .split(/[\r\n,]+/)
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .refine(
      (list) =>
        list.every((d) => domainOf(d) !== null && !/[/?#@\s]/.test(d.replace(/^https?:\/\//, '').replace(/\/$/, ''))),
      'Enter host names such as news.example.com, one per line.',
    )
    .transform((list) => [...new Set(list.map((d) => domainOf(d)!))]),
  sellerLegalName: singleLine().min(1, 'Enter the legal name invoices are issued in.').max(200),
  sellerAddress: lines('Enter the postal address, one line each.', 8),
  sellerCountry: singleLine()
    .transform((v) => v.toUpperCase())
    .refine((v) => isCountryCode(v), 'Enter the two-letter country code, e.g. GB.'),
  sellerVatNumber: singleLine()
    .max(20)
    .transform((v) => v.replace(/[\s.-]/g, '').toUpperCase()),
  bankDetails: lines('Enter the bank details a transfer needs, one line each.', 8),
  paymentTermsDays: wholeNumber('the payment terms in days', 0, 365),
  vatRateMilli: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().replace(/%$/, '').trim() : v),
    z
      .string()
      .transform((v) => decimalToInt(v, 1))
      .refine((n): n is number => n !== null && n <= 1000, 'Enter the VAT rate in per cent, e.g. 20 or 17.5.'),
  ),
});
export type SettingsInput = z.infer<typeof settingsSchema>;

/** The settings form's fields: the checkbox as a boolean, the ticked uses as a list. */
export function settingsInput(f: FormFields): Record<string, unknown> {
  const get = (k: string) => one(f, k) ?? '';
  return {
    autoApprovalEnabled: one(f, 'autoApprovalEnabled') === 'on',
    autoApprovalFeeLimit: get('autoApprovalFeeLimit'),
    autoApprovalUses: all(f, 'autoApprovalUses'),
    deskEmail: get('deskEmail'),
    publisherName: get('publisherName'),
    publisherUrl: get('publisherUrl'),
    paymentRequiredAbove: get('paymentRequiredAbove'),
    agencies: get('agencies'),
    pixelSampleDays: get('pixelSampleDays'),
    takedownHours: one(f, 'takedownHours'),
    publisherDomains: get('publisherDomains'),
    sellerLegalName: get('sellerLegalName'),
    sellerAddress: get('sellerAddress'),
    sellerCountry: get('sellerCountry'),
    sellerVatNumber: get('sellerVatNumber'),
    bankDetails: get('bankDetails'),
    paymentTermsDays: get('paymentTermsDays'),
    vatRateMilli: get('vatRateMilli'),
  };
}
export const settingsFormSchema = z.preprocess((f) => settingsInput(f as FormFields), settingsSchema);

export const STAFF_ROLES = ['staff', 'admin'] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

/** Admins invite staff by email; the invitee chooses name and password from the link (lib/users/staff-invitations.ts). */
export const inviteStaffSchema = z.object({
  email: emailSchema,
  role: z.enum(STAFF_ROLES, { message: 'Choose staff or admin.' }),
});

export const staffInvitationIdSchema = z.object({ invitationId: idInput('Unknown invitation.') });

/** The invitee's form: the address and role come from the invitation. */
export const acceptStaffInvitationSchema = z.object({
  token: z.string().max(200),
  name: singleLine().min(1, 'Enter your name.').max(200),
  password: passwordSchema,
});

export const changeRoleSchema = z.object({
  userId: idInput('Unknown user.'),
  role: z.enum(ROLES, { message: 'Choose a role.' }),
});

export const setDisabledSchema = z.object({
  userId: idInput('Unknown user.'),
  disabled: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

export const idSchema = z.object({ id: idInput() });
