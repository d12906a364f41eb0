/**
 * An organisation's country as typed at registration ("United Kingdom", "Ireland") → ISO code,
 * for the VAT rule when the billing profile has no country code yet. Unknown names give null,
 * which the VAT rule treats as domestic (charging VAT is the safe side for the seller).
 */
const NAMES: Record<string, string> = {
  'united kingdom': 'GB', uk: 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB',
  wales: 'GB', 'northern ireland': 'GB', 'isle of man': 'IM',
  ireland: 'IE', austria: 'AT', belgium: 'BE', bulgaria: 'BG', cyprus: 'CY', czechia: 'CZ',
  'czech republic': 'CZ', germany: 'DE', denmark: 'DK', estonia: 'EE', spain: 'ES', finland: 'FI',
  france: 'FR', greece: 'GR', croatia: 'HR', hungary: 'HU', italy: 'IT', lithuania: 'LT', luxembourg: 'LU',
  latvia: 'LV', malta: 'MT', netherlands: 'NL', 'the netherlands': 'NL', poland: 'PL', portugal: 'PT',
  romania: 'RO', sweden: 'SE', slovenia: 'SI', slovakia: 'SK',
  'united states': 'US', usa: 'US', 'united states of america': 'US', canada: 'CA', australia: 'AU',
  'new zealand': 'NZ', switzerland: 'CH', norway: 'NO', iceland: 'IS', india: 'IN', japan: 'JP',
  'south africa': 'ZA', brazil: 'BR', mexico: 'MX',
}; // prettier-ignore

export function countryCode(nameOrCode: string | null | undefined): string | null {
  const v = (nameOrCode ?? '').trim();
  if (/^[A-Za-z]{2}$/.test(v)) return v.toUpperCase() === 'UK' ? 'GB' : v.toUpperCase();
  return NAMES[v.toLowerCase()] ?? null;
}
