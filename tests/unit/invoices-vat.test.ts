import { describe, expect, it } from 'vitest';
import { countryCode } from '@/lib/invoices/countries';
import { splitGross, validVatNumber, vatFor } from '@/lib/invoices/vat';

const uk = { country: 'GB', rateMilli: 200 };
const ie = { country: 'IE', rateMilli: 230 };

describe('VAT rules (docs/DESIGN.md § Invoices and payments)', () => {
  it('charges the domestic rate to a buyer in the seller’s country, with or without a VAT number', () => {
    expect(vatFor(uk, { country: 'GB' })).toMatchObject({ treatment: 'domestic', rateMilli: 200 });
    expect(vatFor(uk, { country: 'GB', vatNumber: 'GB123456789' })).toMatchObject({ treatment: 'domestic' });
    expect(vatFor(uk, { country: 'IM' })).toMatchObject({ treatment: 'domestic' });
    // The Isle of Man shares the UK's VAT area: a business there with a number is charged like one in Britain.
    expect(vatFor(uk, { country: 'IM', vatNumber: 'GB123456789' })).toMatchObject({
      treatment: 'domestic',
      rateMilli: 200,
    });
  });

  it('charges the domestic rate when the buyer’s country is unknown (the safe side)', () => {
    expect(vatFor(uk, { country: null, vatNumber: 'FR12345678901' })).toMatchObject({ treatment: 'domestic' });
  });

  it('reverse-charges a buyer in another country with a valid EU or UK VAT number', () => {
    const d = vatFor(uk, { country: 'FR', vatNumber: 'FR 12 345678901' });
    expect(d).toMatchObject({ treatment: 'reverse_charge', rateMilli: 0 });
    expect(d.wording).toMatch(/reverse charge/i);
    expect(vatFor(ie, { country: 'GB', vatNumber: 'GB123456789' })).toMatchObject({ treatment: 'reverse_charge' });
    expect(vatFor(ie, { country: 'DE', vatNumber: 'DE123456789' })).toMatchObject({ treatment: 'reverse_charge' });
    expect(vatFor(uk, { country: 'GR', vatNumber: 'EL123456789' })).toMatchObject({ treatment: 'reverse_charge' });
  });

  it('does not reverse-charge on a malformed number or one of another country', () => {
    expect(vatFor(uk, { country: 'FR', vatNumber: 'FR123' })).toMatchObject({ treatment: 'outside_scope' });
    expect(vatFor(uk, { country: 'FR', vatNumber: 'DE123456789' })).toMatchObject({ treatment: 'outside_scope' });
    // Inside an EU seller's own area, a consumer without a number pays the domestic rate.
    expect(vatFor(ie, { country: 'FR' })).toMatchObject({ treatment: 'domestic', rateMilli: 230 });
  });

  it('charges no VAT outside the seller’s VAT area', () => {
    expect(vatFor(uk, { country: 'US' })).toMatchObject({ treatment: 'outside_scope', rateMilli: 0 });
    expect(vatFor(uk, { country: 'FR' })).toMatchObject({ treatment: 'outside_scope' });
    expect(vatFor(uk, { country: 'CA', vatNumber: 'CA123456789' })).toMatchObject({ treatment: 'outside_scope' });
  });

  it('checks the form of VAT numbers per country', () => {
    expect(validVatNumber('GB', 'GB 123 4567 89')).toBe(true);
    expect(validVatNumber('GB', 'GB12345678')).toBe(false);
    expect(validVatNumber('NL', 'NL123456789B01')).toBe(true);
    expect(validVatNumber('IE', 'IE1234567T')).toBe(true);
    expect(validVatNumber('AT', 'ATU12345678')).toBe(true);
    expect(validVatNumber('US', 'US123')).toBe(false);
    expect(validVatNumber(null, 'GB123456789')).toBe(false);
  });

  it('splits a VAT-inclusive total exactly, half up, net + VAT = total', () => {
    expect(splitGross(45000, 200)).toEqual({ net: 37500, vat: 7500 });
    expect(splitGross(15000, 200)).toEqual({ net: 12500, vat: 2500 });
    expect(splitGross(2500, 200)).toEqual({ net: 2083, vat: 417 }); // 416.67 → 417
    expect(splitGross(100, 175)).toEqual({ net: 85, vat: 15 }); // 14.89 → 15
    expect(splitGross(45000, 0)).toEqual({ net: 45000, vat: 0 });
    for (let t = 0; t < 5000; t += 7) {
      const { net, vat } = splitGross(t, 200);
      expect(net + vat).toBe(t);
      expect(Math.abs(vat * 6 - t)).toBeLessThanOrEqual(3); // within half a penny of t / 6
    }
  });

  it('reads country names and codes', () => {
    expect(countryCode('United Kingdom')).toBe('GB');
    expect(countryCode('uk')).toBe('GB');
    expect(countryCode('ie')).toBe('IE');
    expect(countryCode('Atlantis')).toBeNull();
  });
});
