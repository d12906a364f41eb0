import { z } from 'zod';
import { ORG_ROLES } from '@/db/enums';
import { emailSchema, passwordSchema, toHost } from '@/lib/validation/auth';
import { isCountryCode } from '@/lib/validation/countries';
import { idInput } from '@/lib/validation/numbers';
import { singleLine } from '@/lib/validation/text';
import { checkVatNumber } from '@/lib/validation/vat';

// The input of every colleague and profile action: one schema each, shared by form, action and tests.

export const inviteMemberSchema = z.object({
  email: emailSchema,
  role: z.enum(ORG_ROLES, { message: 'Choose owner or member.' }),
});
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

export const memberRoleSchema = z.object({
  userId: idInput('Unknown member.'),
  role: z.enum(ORG_ROLES, { message: 'Choose owner or member.' }),
});

export const memberSchema = z.object({ userId: idInput('Unknown member.') });
export const invitationSchema = z.object({ invitationId: idInput('Unknown invitation.') });
export const noInputSchema = z.object({});

/** A mailed link's token as it arrives in a form (its shape is checked by lib/auth/tokens.ts). */
export const tokenField = z.string().max(200);

export const acceptInvitationSchema = z.object({ token: tokenField });

/** Registering from an invitation: the address is the one the invitation was sent to. */
export const joinRegisterSchema = z.object({
  token: tokenField,
  name: singleLine().min(1, 'Enter your name.').max(120),
  password: passwordSchema,
});
export type JoinRegisterInput = z.infer<typeof joinRegisterSchema>;

const optionalText = (max: number) =>
  singleLine()
    .max(max, `Use at most ${max} characters.`)
    .default('')
    .transform((v) => (v === '' ? null : v));

export const MAX_WEBSITES = 20;

/** The organisation's billing profile and websites, as owners edit it. */
export const orgProfileSchema = z
  .object({
    legalName: optionalText(200),
    billingLine1: optionalText(200),
    billingLine2: optionalText(200),
    billingCity: optionalText(120),
    billingPostcode: optionalText(20),
    billingCountry: singleLine()
      .default('')
      .refine((v) => v === '' || isCountryCode(v), 'Choose a country from the list.')
      .transform((v) => (v === '' ? null : v)),
    vatNumber: singleLine().max(40, 'Use at most 40 characters.').default(''),
    billingEmail: z.union([z.literal('').transform(() => null), emailSchema]).default(null),
    /** One website a line (or separated by commas); stored as host names (lib/validation/auth.ts toHost). */
    websites: z
      .string()
      .max(5_000)
      .default('')
      .transform((v, ctx) => {
        const hosts: string[] = [];
        for (const site of v
          .split(/[\r\n,]+/)
          .map((l) => l.trim())
          .filter(Boolean)) {
          const host = /\s/.test(site) ? null : toHost(site);
          if (!host) {
            ctx.addIssue({ code: 'custom', message: `“${site.slice(0, 60)}” is not a website.` });
            return z.NEVER;
          }
          if (!hosts.includes(host)) hosts.push(host);
        }
        if (hosts.length > MAX_WEBSITES) {
          ctx.addIssue({ code: 'custom', message: `List at most ${MAX_WEBSITES} websites.` });
          return z.NEVER;
        }
        return hosts;
      }),
  })
  .transform((v, ctx) => {
    let vatNumber: string | null = null;
    if (v.vatNumber !== '') {
      const checked = checkVatNumber(v.vatNumber, v.billingCountry ?? '');
      if (!checked.ok) {
        ctx.addIssue({ code: 'custom', path: ['vatNumber'], message: checked.message });
        return z.NEVER;
      }
      vatNumber = checked.value;
    }
    return { ...v, vatNumber };
  });
export type OrgProfileInput = z.output<typeof orgProfileSchema>;
