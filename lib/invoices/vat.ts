/**
 * VAT on an invoice, in one pure function (docs/DESIGN.md § Invoices and payments). No I/O, no
 * network: a VAT number is "valid" when its form is right for the buyer's country (the desk does
 * not query VIES or HMRC; staff can correct a buyer's number before an invoice is issued).
 *
 * The licence fee is what the publisher pays: VAT, where charged, is included in it, so the
 * invoice's total is always the fee and the VAT is the part of it at the rate.
 */
import type { VatTreatment } from '@/db/enums';
import { compactTaxNumber, VAT_FORMATS, vatPrefixesFor } from '@/lib/validation/vat';

/** The EU VAT area (ISO codes; Greece's VAT numbers say EL). */
export const EU_COUNTRIES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU',
  'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const; // prettier-ignore

const EU = new Set<string>(EU_COUNTRIES);
/** The UK's VAT area (Great Britain and Northern Ireland; the Isle of Man is inside it). */
const UK = new Set(['GB', 'IM']);

/** The countries that share the seller's VAT area: the EU for an EU seller, the UK for a UK one, else its own. */
export function vatArea(country: string): Set<string> {
  if (EU.has(country)) return EU;
  if (UK.has(country)) return UK;
  return new Set([country]);
}

/** True when the number has the right form for a buyer in `country` (EU or UK areas only; the formats: lib/validation/vat.ts). */
export function validVatNumber(country: string | null, raw: string | null | undefined): boolean {
  if (!country) return false;
  const vat = compactTaxNumber(raw ?? '');
  return vatPrefixesFor(country).some(
    (prefix) => vat.startsWith(prefix) && VAT_FORMATS[prefix]!.test(vat.slice(prefix.length)),
  );
}

export type VatParty = { country: string | null; vatNumber?: string | null };
export type VatDecision = { treatment: VatTreatment; rateMilli: number; wording: string };

/**
 * How VAT applies to a sale from `seller` to `buyer`:
 * - buyer in the seller's own country, or with no known country: the domestic rate;
 * - buyer elsewhere with a valid VAT number of an EU or UK VAT area: reverse charge (0, the buyer accounts for it);
 * - buyer elsewhere in the seller's VAT area without one (an EU consumer of an EU seller): the domestic rate;
 * - buyer outside the seller's VAT area without one: no VAT (outside the scope).
 */
export function vatFor(seller: { country: string; rateMilli: number }, buyer: VatParty): VatDecision {
  const domestic: VatDecision = {
    treatment: 'domestic',
    rateMilli: seller.rateMilli,
    wording: `VAT at ${formatRate(seller.rateMilli)}.`,
  };
  const country = buyer.country?.toUpperCase() ?? null;
  if (!country || country === seller.country) return domestic;
  if (validVatNumber(country, buyer.vatNumber))
    return {
      treatment: 'reverse_charge',
      rateMilli: 0,
      wording: 'Reverse charge: VAT to be accounted for by the recipient.',
    };
  if (vatArea(seller.country).has(country)) return domestic;
  return { treatment: 'outside_scope', rateMilli: 0, wording: 'No VAT: the buyer is outside our VAT area.' };
}

/** Splits a VAT-inclusive total into net and VAT, exactly: VAT = total × r / (1 + r), rounded half up. */
export function splitGross(total: number, rateMilli: number): { net: number; vat: number } {
  if (rateMilli === 0) return { net: total, vat: 0 };
  const vat = Math.floor((total * rateMilli * 2 + (1000 + rateMilli)) / ((1000 + rateMilli) * 2));
  return { net: total - vat, vat };
}

export const formatRate = (milli: number) => `${(milli / 10).toString()} %`;
