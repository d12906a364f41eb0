import { describe, expect, it } from 'vitest';
import { checkVatNumber, VAT_FORMATS } from '@/lib/validation/vat';
import { COUNTRY_CODES, countryName, countryOptions, isCountryCode } from '@/lib/validation/countries';

describe('ISO 3166-1 countries', () => {
  it('are the 249 assigned alpha-2 codes, once each, with names to read', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    for (const c of COUNTRY_CODES) expect(c).toMatch(/^[A-Z]{2}$/);
    expect(isCountryCode('GB')).toBe(true);
    for (const no of ['UK', 'EU', 'XI', 'gb', 'ZZ', '']) expect(isCountryCode(no)).toBe(false);
    expect(countryName('GB')).toBe('United Kingdom');
    expect(countryName('DE')).toBe('Germany');
    const options = countryOptions();
    expect(options).toHaveLength(249);
    expect(options[0]!.name.localeCompare(options[1]!.name, 'en-GB')).toBeLessThan(0);
  });
});

describe('VAT numbers', () => {
  const valid: [string, string, string][] = [
    ['GB', 'GB123456789', 'GB123456789'],
    ['GB', 'gb 123 4567 89', 'GB123456789'],
    ['GB', '123456789', 'GB123456789'],
    ['GB', 'GB123456789012', 'GB123456789012'],
    ['GB', 'GBGD001', 'GBGD001'],
    ['GB', 'XI123456789', 'XI123456789'],
    ['DE', 'DE123456789', 'DE123456789'],
    ['DE', '123456789', 'DE123456789'],
    ['AT', 'ATU12345678', 'ATU12345678'],
    ['FR', 'FR AB 123456789', 'FRAB123456789'],
    ['NL', 'NL123456789B01', 'NL123456789B01'],
    ['GR', 'EL123456789', 'EL123456789'],
    ['GR', '123456789', 'EL123456789'],
    ['IE', 'IE1234567T', 'IE1234567T'],
    ['IE', 'IE1234567TW', 'IE1234567TW'],
    ['ES', 'ESX1234567X', 'ESX1234567X'],
    ['SE', 'SE123456789001', 'SE123456789001'],
    ['BE', 'BE0123456789', 'BE0123456789'],
    ['IT', 'IT-123.456.789.01', 'IT12345678901'],
    ['PL', 'PL1234567890', 'PL1234567890'],
    // Outside the EU and UK: any tax number of letters and digits.
    ['US', '12-3456789', '123456789'],
    ['CH', 'CHE-123.456.789 MWST', 'CHE123456789MWST'],
    ['NO', '', ''],
    ['', '', ''],
  ];
  for (const [country, raw, value] of valid)
    it(`${country || 'no country'} ${JSON.stringify(raw)} → ${value || '(none)'}`, () => {
      expect(checkVatNumber(raw, country)).toEqual({ ok: true, value });
    });

  const invalid: [string, string][] = [
    ['GB', 'GB12345678'],
    ['GB', 'DE123456789'],
    ['DE', 'GB123456789'],
    ['DE', 'DE12345678'],
    ['AT', 'AT12345678'],
    ['GR', 'GR123456789'],
    ['NL', 'NL123456789'],
    ['SE', 'SE123456789012'],
    ['FR', 'FRIO123456789'],
    ['GB', 'GB<script>'],
    ['US', 'DE12345'],
    ['', 'FR123'],
  ];
  for (const [country, raw] of invalid)
    it(`${country || 'no country'} ${JSON.stringify(raw)} is refused with a reason`, () => {
      const r = checkVatNumber(raw, country);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(5);
    });

  it('covers the 27 member states, the UK and Northern Ireland', () => {
    expect(Object.keys(VAT_FORMATS)).toHaveLength(29);
  });
});
