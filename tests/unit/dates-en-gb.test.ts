import { describe, expect, it } from 'vitest';
import { formatUkDate, parseUkDate } from '@/lib/validation/dates';

describe('en-GB days: dd/mm/yyyy shown and typed, ISO behind (issue 16, experience 10)', () => {
  it('reads day before month', () => {
    expect(parseUkDate('01/02/2027')).toEqual({ ok: true, iso: '2027-02-01' });
    expect(parseUkDate(' 1/2/2027 ')).toEqual({ ok: true, iso: '2027-02-01' });
    expect(parseUkDate('29/02/2028')).toEqual({ ok: true, iso: '2028-02-29' });
    expect(parseUkDate('31/12/2026')).toEqual({ ok: true, iso: '2026-12-31' });
  });

  it('refuses a day that does not exist, saying why', () => {
    expect(parseUkDate('31/02/2027')).toEqual({
      ok: false,
      message: '31/02/2027 is not a date: February 2027 has 28 days.',
    });
    expect(parseUkDate('29/02/2027')).toMatchObject({ ok: false, message: expect.stringContaining('has 28 days') });
    expect(parseUkDate('31/04/2027')).toMatchObject({
      ok: false,
      message: expect.stringContaining('April 2027 has 30'),
    });
    expect(parseUkDate('01/13/2027')).toMatchObject({ ok: false, message: expect.stringContaining('no month 13') });
    expect(parseUkDate('00/01/2027').ok).toBe(false);
  });

  it('refuses other shapes with the format to use', () => {
    for (const text of ['', '2027-02-01', '02/01/27', '1.2.2027', 'tomorrow', '01/02/2027x', '001/02/2027'])
      expect(parseUkDate(text), text).toEqual({
        ok: false,
        message: 'Enter the date as dd/mm/yyyy, for example 01/02/2027.',
      });
  });

  it('shows an ISO day as dd/mm/yyyy and leaves anything else as it was', () => {
    expect(formatUkDate('2027-02-01')).toBe('01/02/2027');
    expect(formatUkDate('2027-02-30')).toBe('2027-02-30');
    expect(formatUkDate('31/02/2027')).toBe('31/02/2027');
    expect(formatUkDate('')).toBe('');
  });

  it('round-trips every day of a leap year', () => {
    for (let d = new Date('2028-01-01T00:00:00Z'); d.getUTCFullYear() === 2028; d.setUTCDate(d.getUTCDate() + 1)) {
      const iso = d.toISOString().slice(0, 10);
      expect(parseUkDate(formatUkDate(iso))).toEqual({ ok: true, iso });
    }
  });
});
