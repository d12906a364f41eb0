/** What an invoice says, computed without writing (pure): the issuer and the property tests share it. */
import type { Invoice, LicenseRequest } from '@/db/schema';
import type { Quote } from '@/lib/quote';
import type { SellerSettings, SiteSettings } from '@/lib/settings';
import { invoiceLines, type InvoiceLine } from './lines';
import { splitGross, vatFor } from './vat';

/** The buyer as frozen on an invoice. */
export type InvoiceBuyer = {
  name: string;
  address: string[];
  /** The country as people read it. */
  country: string;
  /** ISO code the VAT rule uses; null when unknown. */
  countryCode: string | null;
  vatNumber: string | null;
  email: string | null;
};

/** The seller as frozen on an invoice: the settings at issue, with the VAT wording that applied. */
export type InvoiceSeller = SellerSettings & { vatWording: string };

/** The typed JSON columns of an invoice. */
export type InvoiceDocument = Invoice & { seller: InvoiceSeller; buyer: InvoiceBuyer; lines: InvoiceLine[] };

export function draftInvoice(
  q: Quote,
  req: Pick<LicenseRequest, 'use' | 'territory' | 'duration' | 'portion' | 'translation'>,
  fee: number,
  buyer: InvoiceBuyer,
  settings: Pick<SiteSettings, 'seller' | 'vatRateMilli'>,
) {
  const decision = vatFor(
    { country: settings.seller.country, rateMilli: settings.vatRateMilli },
    { country: buyer.countryCode, vatNumber: buyer.vatNumber },
  );
  const { net, vat } = splitGross(fee, decision.rateMilli);
  return {
    seller: { ...settings.seller, vatWording: decision.wording } satisfies InvoiceSeller,
    buyer,
    lines: invoiceLines(q, req, fee),
    vatTreatment: decision.treatment,
    vatRateMilli: decision.rateMilli,
    net,
    vat,
    total: fee,
  };
}
