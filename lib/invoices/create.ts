import 'server-only';
import type { Conn } from '@/db/client';
import { invoiceEvents, invoices, type Invoice, type License, type LicenseRequest } from '@/db/schema';
import type { Quote } from '@/lib/quote';
import type { SiteSettings } from '@/lib/settings';
import { invoiceBuyer } from './buyer';
import { addDays, dayOf } from './dates';
import { draftInvoice } from './draft';

/**
 * Issues the licence's invoice inside the approving transaction: the number is the licence's
 * invoice reference, due after the payment terms. A free licence has none.
 */
export function createInvoice(
  tx: Conn,
  license: License,
  req: LicenseRequest,
  settings: SiteSettings,
  now: Date,
  actorId: number | null,
): Invoice | null {
  if (license.fee === 0) return null;
  const draft = draftInvoice(req.quote as Quote, req, license.fee, invoiceBuyer(tx, req.organizationId), settings);
  const issuedOn = dayOf(now);
  const invoice = tx
    .insert(invoices)
    .values({
      number: license.invoiceRef,
      licenseId: license.id,
      requestId: req.id,
      organizationId: req.organizationId,
      issuedOn,
      dueOn: addDays(issuedOn, settings.paymentTermsDays),
      currency: license.currency,
      ...draft,
      createdAt: now.toISOString(),
    })
    .returning()
    .get();
  tx.insert(invoiceEvents)
    .values({
      invoiceId: invoice.id,
      actorId,
      kind: 'issued',
      amount: invoice.total,
      note: '',
      createdAt: now.toISOString(),
    })
    .run();
  return invoice;
}
