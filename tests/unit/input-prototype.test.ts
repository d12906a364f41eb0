import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_CARD } from '@/lib/quote';
import { articleRightsFromForm, queryObject } from '@/lib/validation/catalogue';
import { settingsInput } from '@/lib/validation/admin';
import { formFields, typedValues } from '@/lib/actions/form-data';
import { rateCardFormSchema, rateCardFormValues, rateCardInput } from '@/lib/rate-card/schema';
import { requestFormInput } from '@/lib/validation/request';

// Field names an attacker posts to reach Object.prototype through a parser that builds objects
// from user-chosen keys (issue 13 item 4).
const POISON = [
  '__proto__.statusText',
  '__proto__.polluted',
  'constructor.prototype.statusText',
  'constructor.prototype.polluted',
  'baseFee.__proto__.polluted',
  'audienceBands.__proto__.polluted',
  'audienceBands.0.__proto__.polluted',
  'audienceBands.constructor.prototype.polluted',
  'prototype.polluted',
  '__proto__',
  'constructor',
];

function clean() {
  for (const o of [Object.prototype, Array.prototype] as unknown as Record<string, unknown>[]) {
    delete o.statusText;
    delete o.polluted;
  }
}
afterEach(clean);

function expectUnpolluted() {
  expect(({} as Record<string, unknown>).statusText).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
}

function poisonedForm(base: Record<string, string> = {}) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(base)) fd.append(k, v);
  for (const name of POISON) fd.append(name, '200 X');
  return fd;
}

describe('no form parser assigns __proto__, constructor or prototype', () => {
  it('rate card: dotted names cannot reach Object.prototype, and the card still parses', () => {
    const fd = poisonedForm(rateCardFormValues(DEFAULT_RATE_CARD));
    const input = rateCardInput(fd.entries());
    expectUnpolluted();
    expect(Object.keys(input)).not.toContain('__proto__');
    expect(Object.keys(input)).not.toContain('constructor');
    const parsed = rateCardFormSchema.safeParse(input);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(DEFAULT_RATE_CARD);
  });

  it('rate card: only the card’s own keys are kept (an allowlist)', () => {
    const input = rateCardInput([
      ['baseFee.web', '1'],
      ['baseFee.nonsense', '1'],
      ['unknown.deep.path', 'x'],
      ['audienceBands.99999999.min', '1'],
      ['audienceBands.0.extra', 'x'],
    ]);
    expect(Object.keys(input)).toEqual(['baseFee']);
    expect(Object.keys(input.baseFee as object)).toEqual(['web']);
  });

  it('the values given back to a form, query strings, settings, rights and request forms', () => {
    const fd = poisonedForm({ name: 'x', assetIds: '__proto__,constructor,1' });
    const fields = formFields(fd);
    const values = typedValues(fields);
    // Flat keys such as "__proto__.x" are harmless strings; the bare prototype names are dropped.
    expect(Object.keys(values)).not.toContain('__proto__');
    expect(Object.keys(values)).not.toContain('constructor');
    expect(values.name).toBe('x');
    const q = queryObject(new URLSearchParams('__proto__=1&constructor=2&toString=3&q=a'));
    expect(q.q).toBe('a');
    // "toString" is an ordinary parameter, not an inherited member.
    expect(q.toString).toBe('3');
    queryObject({ __proto__: '1', constructor: '2' } as Record<string, string>);
    settingsInput(fields);
    articleRightsFromForm(fields);
    requestFormInput(fields);
    expectUnpolluted();
  });
});
