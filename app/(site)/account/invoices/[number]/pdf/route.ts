import { currentUser } from '@/lib/auth/session';
import { jsonError } from '@/lib/errors';
import { invoicePdf } from '@/lib/invoices/pdf';
import { findInvoiceFor, invoicePayments } from '@/lib/invoices/queries';
import { safeFilename } from '@/lib/licenses/download';

// The invoice (or, once paid, the receipt) as a PDF: the organisation's own or staff; anyone
// else gets the same 404 as an unknown number.
export async function GET(_request: Request, { params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const user = await currentUser();
  if (!user) return jsonError(401, 'Sign in to see invoices.');
  const found = findInvoiceFor(number, user);
  if (!found) return jsonError(404, 'No invoice with this number.');
  const pdf = await invoicePdf(
    found.invoice,
    found.licenseCode,
    invoicePayments(found.invoice.id).map((p) => p.payment),
  );
  return new Response(pdf as BodyInit, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${safeFilename(`${found.invoice.number}.pdf`)}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
