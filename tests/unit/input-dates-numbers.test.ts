import { describe, expect, it } from 'vitest';
import { articleQuerySchema, articleRightsSchema } from '@/lib/validation/catalogue';
import { changeRoleSchema, decisionSchema, idSchema } from '@/lib/validation/admin';
import { articleNoticeSchema } from '@/lib/validation/license';
import { quoteRequestSchema, requestFormSchema } from '@/lib/validation/request';
import { formFor } from '../helpers/requests';

const quote = {
  articles: ['a-story'],
  use: 'web',
  licenseeType: 'commercial',
  audience: 25000,
  territory: 'country',
  duration: '1y',
  portion: 'full',
  translation: false,
};
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const startErr = (startDate: unknown) => {
  const r = requestFormSchema.safeParse({ ...formFor(['a-story']), startDate });
  return r.success ? undefined : r.error.issues.find((i) => i.path[0] === 'startDate')?.message;
};

describe('numbers: JSON numbers or plain decimal digits only (issue 13 item 11)', () => {
  it('the audience refuses booleans, arrays, hex, exponents and blanks', () => {
    for (const audience of [true, [5], '0x10', '1e3', ' ', '', '-5', '5.5', null, { n: 5 }, '0b11', '+7', 'Infinity']) {
      expect(quoteRequestSchema.safeParse({ ...quote, audience }).success, JSON.stringify(audience)).toBe(false);
    }
  });

  it('and accepts a JSON number or a string of digits', () => {
    expect(quoteRequestSchema.parse({ ...quote, audience: 25000 }).audience).toBe(25000);
    expect(quoteRequestSchema.parse({ ...quote, audience: '25000' }).audience).toBe(25000);
    // A negative number is a number: the form says why it is wrong (tests/e2e/requests.spec.ts).
    expect(quoteRequestSchema.safeParse({ ...quote, audience: '-5' }).error?.issues[0]?.message).toMatch(/at least 1/);
  });

  it('ids and versions in forms and queries too', () => {
    for (const bad of [true, [5], '0x10', '1e3', '', ' ']) {
      expect(idSchema.safeParse({ id: bad }).success, JSON.stringify(bad)).toBe(false);
      expect(changeRoleSchema.safeParse({ userId: bad, role: 'staff' }).success).toBe(false);
      expect(articleNoticeSchema.safeParse({ articleId: bad, kind: 'corrected', note: 'x' }).success).toBe(false);
      expect(decisionSchema.safeParse({ reference: 'RR-1', action: 'approve', version: bad, fee: '' }).success).toBe(
        false,
      );
      expect(
        articleRightsSchema.safeParse({ id: bad, rightsStatus: 'owned', premium: '1', hidden: false, assets: [] })
          .success,
      ).toBe(false);
    }
    expect(articleQuerySchema.safeParse({ page: '0x10' }).success).toBe(false);
    expect(articleQuerySchema.parse({ page: '3' }).page).toBe(3);
    expect(idSchema.parse({ id: '42' }).id).toBe(42);
  });
});

describe('dates: real calendar days, a start at most two years ahead', () => {
  it('refuses days that do not exist instead of rolling them over', () => {
    for (const d of ['2027-02-30', '2027-02-29', '2027-13-01', '2027-04-31', '2027-00-10'])
      expect(startErr(d), d).toBeTruthy();
    expect(articleQuerySchema.safeParse({ from: '2027-02-30' }).success).toBe(false);
  });

  it('refuses a start far in the future (9999-12-31 made a licence that was expired at once)', () => {
    expect(startErr('9999-12-31')).toMatch(/at most 2 years/);
    expect(startErr(day(800))).toMatch(/at most 2 years/);
    expect(startErr(day(700))).toBeUndefined();
    expect(startErr(day(0))).toBeUndefined();
    expect(startErr(day(-2))).toMatch(/past/);
  });
});
