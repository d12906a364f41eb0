import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  acceptStaffInvitationSchema,
  decisionSchema,
  messageSchema as staffMessageSchema,
  settingsSchema,
} from '@/lib/validation/admin';
import { registerSchema } from '@/lib/validation/auth';
import { articleNoticeSchema } from '@/lib/validation/license';
import { messageSchema, requestFormSchema } from '@/lib/validation/request';
import { formFor } from '../helpers/requests';

// Issue 13 item 12: single-line fields refuse CR/LF, NUL, other controls and bidi controls with
// a field error; multi-line notes keep their line breaks but refuse NUL and bidi controls.
const HOSTILE = [
  'a\r\nBcc: x@evil.example',
  'a\nb',
  'a\rb',
  'a\u0000b',
  'a\tb',
  'a\u0007b',
  'a\u0085b',
  'Trusted\u202Egro.live',
  'a\u202Ab',
  'a\u202Bb',
  'a\u202Cb',
  'a\u202Db',
  'a\u2066b',
  'a\u2067b',
  'a\u2068b',
  'a\u2069b',
  'a\u200Eb',
  'a\u200Fb',
  'a\u2028b',
  'name\n',
];
const MULTI_HOSTILE = ['a\u0000b', 'a\u202Eb', 'a\u2066b', 'a\u0007b'];

const registration = {
  name: 'Ann',
  email: 'ann@example.org',
  password: 'long enough password',
  organizationName: 'Org',
  organizationType: 'commercial',
  country: 'United Kingdom',
  website: 'https://example.org',
};
const settings = {
  autoApprovalEnabled: true,
  autoApprovalFeeLimit: '200',
  autoApprovalUses: ['web'],
  deskEmail: 'desk@example.org',
  publisherName: 'Pub',
  publisherUrl: 'https://example.org',
  paymentRequiredAbove: '',
  agencies: 'Reuters\nAP',
  pixelSampleDays: '30',
  sellerLegalName: 'Harbour Ledger Media Ltd',
  sellerAddress: '1 Quay Street',
  sellerCountry: 'GB',
  sellerVatNumber: 'GB123456789',
  bankDetails: 'Sort code: 00-00-00',
  paymentTermsDays: '30',
  vatRateMilli: '20',
};

/** `schema` with `field` set to `value` gives an error on that field. */
function refuses(schema: z.ZodType, base: object, field: string, value: string) {
  const r = schema.safeParse({ ...base, [field]: value });
  return !r.success && r.error.issues.some((i) => i.path[0] === field);
}

const SINGLE: [string, z.ZodType, object, string[]][] = [
  ['register', registerSchema, registration, ['name', 'email', 'organizationName', 'country', 'website']],
  ['settings', settingsSchema, settings, ['deskEmail', 'publisherName', 'publisherUrl']],
  [
    'staff',
    acceptStaffInvitationSchema,
    { token: 'x'.repeat(43), name: 'Sam', password: 'a long enough password' },
    ['name'],
  ],
  [
    'request',
    requestFormSchema,
    formFor(['a-story'], { territoryDetail: 'France', translation: true, translationLanguage: 'French' }),
    ['publicationName', 'publicationUrl', 'territoryDetail', 'translationLanguage', 'idempotencyKey'],
  ],
  ['decision', decisionSchema, { reference: 'RR-1', action: 'approve', version: '1', fee: '' }, ['reference']],
];

const MULTI: [string, z.ZodType, object, string][] = [
  ['request notes', requestFormSchema, formFor(['a-story']), 'notes'],
  ['publisher message', messageSchema, {}, 'body'],
  ['staff message', staffMessageSchema, { reference: 'RR-1' }, 'body'],
  ['decision note', decisionSchema, { reference: 'RR-1', action: 'reject', version: '1', fee: '' }, 'note'],
  ['article notice', articleNoticeSchema, { articleId: '1', kind: 'corrected' }, 'note'],
  ['agencies', settingsSchema, settings, 'agencies'],
];

describe('single-line fields', () => {
  for (const [what, schema, base, fields] of SINGLE) {
    it(`${what}: ${fields.join(', ')}`, () => {
      expect(schema.safeParse(base).success, `${what} base is valid`).toBe(true);
      for (const field of fields)
        for (const v of HOSTILE)
          expect(refuses(schema, base, field, v), `${what}.${field} = ${JSON.stringify(v)}`).toBe(true);
    });
  }
});

describe('multi-line fields keep line breaks, refuse NUL and bidi controls', () => {
  for (const [what, schema, base, field] of MULTI) {
    it(what, () => {
      expect(
        schema.safeParse({ ...base, [field]: 'First line\r\nSecond line\n\tindented' }).success,
        `${what} keeps newlines`,
      ).toBe(true);
      for (const v of MULTI_HOSTILE)
        expect(refuses(schema, base, field, v), `${what} = ${JSON.stringify(v)}`).toBe(true);
    });
  }
});
