import { COUNTRY_CODES, countryName } from '@/lib/validation/countries';

/**
 * An organisation's country as typed at registration ("United Kingdom", "Ireland") → ISO code,
 * for the VAT rule when the billing profile has no country code yet. Unknown names give null,
 * which the VAT rule treats as domestic (charging VAT is the safe side for the seller).
 */
// The names the ISO list gives (en-GB) are found by lookup; these are what people also type.
const ALIASES: Record<string, string> = {
  uk: 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB',
  'northern ireland': 'GB', usa: 'US', 'united states of america': 'US', 'czech republic': 'CZ',
  'the netherlands': 'NL',
}; // prettier-ignore

let byName: Map<string, string> | undefined;

export function countryCode(nameOrCode: string | null | undefined): string | null {
  const v = (nameOrCode ?? '').trim();
  if (/^[A-Za-z]{2}$/.test(v)) return v.toUpperCase() === 'UK' ? 'GB' : v.toUpperCase();
  byName ??= new Map(COUNTRY_CODES.map((c) => [countryName(c).toLowerCase(), c]));
  const key = v.toLowerCase();
  return ALIASES[key] ?? byName.get(key) ?? null;
}
