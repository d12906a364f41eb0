import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftInvoice, type InvoiceBuyer } from '@/lib/invoices/draft';
import { linesTotal } from '@/lib/invoices/lines';
import { catalogueQuote, type CatalogueQuoteInput } from '@/lib/catalogue-licences/quote';
import { DEFAULT_RATE_CARD as card, quote, type QuoteInput } from '@/lib/quote';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { CATALOGUE_QUOTE_CASES, QUOTE_CASES, quoteInput } from '../helpers/quote-cases';

const buyers: InvoiceBuyer[] = [
  { name: 'Home', address: [], country: 'GB', countryCode: 'GB', vatNumber: null, email: null },
  { name: 'Paris', address: [], country: 'FR', countryCode: 'FR', vatNumber: 'FR12345678901', email: null },
  { name: 'Ottawa', address: [], country: 'CA', countryCode: 'CA', vatNumber: null, email: null },
];

function check(q: QuoteInput, fee: number | null, buyer: InvoiceBuyer) {
  const priced = quote(q, card);
  const agreed = fee ?? priced.total ?? 12345;
  const inv = draftInvoice(priced, q, agreed, buyer, DEFAULT_SETTINGS);
  expect(inv.total).toBe(agreed);
  expect(linesTotal(inv.lines)).toBe(agreed);
  expect(inv.net + inv.vat).toBe(agreed);
  expect(Number.isInteger(inv.net) && Number.isInteger(inv.vat)).toBe(true);
  expect(inv.lines.filter((l) => l.description.startsWith('“'))).toHaveLength(q.articles.length);
}

/** A catalogue licence: one line per volume tier, no article listed. */
function checkCatalogue(q: CatalogueQuoteInput, fee: number | null, buyer: InvoiceBuyer) {
  const priced = catalogueQuote(q, card);
  const agreed = fee ?? priced.total ?? 1_234_500;
  const use = {
    use: q.use,
    territory: q.territory,
    duration: q.duration,
    portion: 'full' as const,
    translation: false,
  };
  const inv = draftInvoice(priced, use, agreed, buyer, DEFAULT_SETTINGS);
  expect(inv.total).toBe(agreed);
  expect(linesTotal(inv.lines)).toBe(agreed);
  expect(inv.net + inv.vat).toBe(agreed);
  expect(Number.isInteger(inv.net) && Number.isInteger(inv.vat)).toBe(true);
  if (priced.total !== null)
    expect(inv.lines.filter((l) => l.description.startsWith('Catalogue licence'))).toHaveLength(
      priced.catalogue.tiers.length,
    );
}

describe('invoice totals', () => {
  it('equal the licence fee for every worked quote case, for every kind of buyer', () => {
    expect(QUOTE_CASES.length).toBeGreaterThanOrEqual(20);
    for (const q of QUOTE_CASES) for (const b of buyers) check(q, null, b);
  });

  it('equal the licence fee for every worked catalogue quote case, quoted or agreed, for every kind of buyer', () => {
    for (const q of CATALOGUE_QUOTE_CASES)
      for (const b of buyers) for (const fee of [null, 1_000_000, 2500, 1]) checkCatalogue(q, fee, b);
  });

  it('equal the licence fee for any mix of options, at the quoted or an agreed fee', () => {
    fc.assert(
      fc.property(
        quoteInput,
        fc.option(fc.integer({ min: 1, max: 100_000_000 })),
        fc.constantFrom(...buyers),
        (q, fee, b) => check(q, fee, b),
      ),
      { numRuns: 1000 },
    );
  });
});
