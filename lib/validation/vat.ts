/**
 * VAT numbers of the EU member states and the UK: the country prefix and the shape of the number
 * after it (the formats the EU's VIES service documents; GB also for the UK's own register, XI for
 * Northern Ireland). Only the shape is checked, not whether the number is registered.
 * Greece is "EL" in VAT numbers although its country code is GR.
 */
export const VAT_FORMATS: Record<string, RegExp> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^\d{8}$/,
  FR: /^[A-HJ-NP-Z0-9]{2}\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^(\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^\d{11}$/,
  LT: /^(\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^\d{2,10}$/,
  SE: /^\d{10}01$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
  GB: /^(\d{9}|\d{12}|GD[0-4]\d{2}|HA[5-9]\d{2})$/,
  XI: /^(\d{9}|\d{12}|GD[0-4]\d{2}|HA[5-9]\d{2})$/,
};

/** The VAT prefixes a billing country may use (GR → EL; the UK's numbers start GB, or XI in Northern Ireland). */
export function vatPrefixesFor(country: string): string[] {
  if (country === 'GR') return ['EL'];
  if (country === 'GB') return ['GB', 'XI'];
  return country in VAT_FORMATS ? [country] : [];
}

/** Spaces, dots and hyphens people type between groups go; letters are upper-cased. */
export const compactTaxNumber = (v: string) => v.replace(/[\s.\-]/g, '').toUpperCase();

export type VatCheck = { ok: true; value: string } | { ok: false; message: string };

/**
 * Checks a VAT or tax number against the billing country. EU and UK: the country's prefix (added
 * when the number is typed without one) and its format. Elsewhere: any tax number of letters and
 * digits, unless it carries an EU/UK prefix — then that prefix's format applies.
 */
export function checkVatNumber(raw: string, country: string): VatCheck {
  const value = compactTaxNumber(raw);
  if (value === '') return { ok: true, value: '' };
  if (!/^[A-Z0-9+*]{2,30}$/.test(value)) return { ok: false, message: 'Use letters and digits only.' };
  const prefixes = vatPrefixesFor(country);
  if (prefixes.length > 0) {
    const given = prefixes.find((p) => value.startsWith(p) && VAT_FORMATS[p]!.test(value.slice(p.length)));
    if (given) return { ok: true, value };
    // Typed without the prefix: the country's own.
    if (/^\d/.test(value) && VAT_FORMATS[prefixes[0]!]!.test(value)) return { ok: true, value: prefixes[0] + value };
    const example = VAT_EXAMPLES[prefixes[0]!];
    return {
      ok: false,
      message: `This is not a ${prefixes[0]} VAT number${example ? ` (e.g. ${example})` : ''}.`,
    };
  }
  const prefix = value.slice(0, 2);
  if (prefix in VAT_FORMATS && /^[A-Z]{2}\d/.test(value) && !VAT_FORMATS[prefix]!.test(value.slice(2)))
    return { ok: false, message: `This is not a ${prefix} VAT number.` };
  return { ok: true, value };
}

const VAT_EXAMPLES: Record<string, string> = {
  AT: 'ATU12345678',
  BE: 'BE0123456789',
  DE: 'DE123456789',
  EL: 'EL123456789',
  ES: 'ESX1234567X',
  FR: 'FRXX123456789',
  GB: 'GB123456789',
  IE: 'IE1234567T',
  IT: 'IT12345678901',
  NL: 'NL123456789B01',
  PL: 'PL1234567890',
  SE: 'SE123456789001',
};
