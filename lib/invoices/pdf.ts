import 'server-only';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Payment } from '@/db/schema';
import { MUTED, winAnsi, Writer } from '@/lib/licenses/certificate';
import { formatDate } from '@/lib/licenses/labels';
import { formatMoney } from '@/lib/quote';
import type { InvoiceDocument } from './draft';
import { PAYMENT_METHOD_LABELS } from './labels';
import { howToPay } from './mails';
import { formatRate } from './vat';

/**
 * The invoice as a PDF (standard fonts, like the licence certificate): both parties, the lines,
 * net, VAT and total — and, once paid, the receipt: the payments and "Paid in full".
 */
export async function invoicePdf(inv: InvoiceDocument, licenseCode: string, paid: Payment[], now = new Date()) {
  const doc = await PDFDocument.create();
  const receipt = inv.status === 'paid';
  doc.setTitle(winAnsi(`${receipt ? 'Receipt' : 'Invoice'} ${inv.number}`));
  doc.setAuthor(winAnsi(inv.seller.legalName));
  doc.setCreator('Republish Desk');
  doc.setCreationDate(now);
  const w = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  const money = (n: number) => formatMoney(n, inv.currency);

  w.text(receipt ? 'Receipt' : inv.status === 'void' ? 'Invoice (void)' : 'Invoice', { size: 22, bold: true, gap: 2 });
  w.text(inv.number, { size: 15, bold: true, gap: 4 });
  w.text(`Issued ${formatDate(inv.issuedOn)} · due ${formatDate(inv.dueOn)} · licence ${licenseCode}`, {
    color: MUTED,
  });

  w.heading('From');
  w.text(inv.seller.legalName, { bold: true });
  for (const l of inv.seller.address) w.text(l);
  if (inv.seller.vatNumber) w.text(`VAT number ${inv.seller.vatNumber}`);
  w.heading('To');
  w.text(inv.buyer.name, { bold: true });
  for (const l of inv.buyer.address) w.text(l);
  w.text(inv.buyer.country);
  if (inv.buyer.vatNumber) w.text(`VAT number ${inv.buyer.vatNumber}`);

  w.heading('Lines');
  for (const l of inv.lines) {
    w.fact(l.amount === null ? '' : money(l.amount), l.description);
    if (l.detail) w.text(l.detail, { indent: 84, size: 8.5, color: MUTED });
  }
  w.heading('Totals');
  w.fact('Net', money(inv.net));
  w.fact(inv.vatRateMilli ? `VAT ${formatRate(inv.vatRateMilli)}` : 'VAT', money(inv.vat));
  w.fact('Total', money(inv.total));
  if (inv.seller.vatWording) w.text(inv.seller.vatWording, { color: MUTED });

  if (paid.length) {
    w.heading('Payments received');
    for (const p of paid)
      w.fact(
        money(p.amount),
        `${formatDate(p.receivedOn)} — ${PAYMENT_METHOD_LABELS[p.method]}${p.reference ? `, ${p.reference}` : ''}`,
      );
  }
  if (receipt) w.text(`Paid in full on ${formatDate(inv.paidAt)}. Thank you.`, { bold: true });
  else if (inv.status === 'open') {
    w.heading('How to pay');
    for (const l of howToPay(inv, inv.seller).split('\n')) w.text(l);
  }
  return doc.save();
}
