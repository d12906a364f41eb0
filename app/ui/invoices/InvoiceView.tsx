import { formatDate } from '@/lib/licenses/labels';
import type { InvoiceDocument } from '@/lib/invoices/draft';
import { formatRate } from '@/lib/invoices/vat';
import { formatMoney } from '@/lib/quote';

/** The invoice as a document: both parties, the lines, net, VAT and total — the figures of the PDF. */
export function InvoiceView({ invoice: inv }: { invoice: InvoiceDocument }) {
  const money = (n: number) => formatMoney(n, inv.currency);
  return (
    <div className="card" data-testid="invoice-document">
      <div className="two-col">
        <div>
          <h2>From</h2>
          <p>
            <strong>{inv.seller.legalName}</strong>
            {inv.seller.address.map((l) => (
              <span key={l}>
                <br />
                {l}
              </span>
            ))}
            {inv.seller.vatNumber && (
              <>
                <br />
                VAT number {inv.seller.vatNumber}
              </>
            )}
          </p>
        </div>
        <div>
          <h2>To</h2>
          <p>
            <strong>{inv.buyer.name}</strong>
            {[...inv.buyer.address, inv.buyer.country].map((l) => (
              <span key={l}>
                <br />
                {l}
              </span>
            ))}
            {inv.buyer.vatNumber && (
              <>
                <br />
                VAT number {inv.buyer.vatNumber}
              </>
            )}
          </p>
        </div>
      </div>
      <p className="muted">
        Issued {formatDate(inv.issuedOn)} · due {formatDate(inv.dueOn)}
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Description</th>
              <th scope="col" className="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {inv.lines.map((l, i) => (
              <tr key={i}>
                <td>
                  {l.description}
                  {l.detail && <div className="hint">{l.detail}</div>}
                </td>
                <td className="num">{l.amount === null ? '' : money(l.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Net</th>
              <td className="num">{money(inv.net)}</td>
            </tr>
            <tr>
              <th scope="row">VAT{inv.vatRateMilli ? ` at ${formatRate(inv.vatRateMilli)}` : ''}</th>
              <td className="num" data-testid="invoice-vat">
                {money(inv.vat)}
              </td>
            </tr>
            <tr>
              <th scope="row">Total</th>
              <td className="num">
                <strong data-testid="invoice-total">{money(inv.total)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {inv.seller.vatWording && <p className="hint">{inv.seller.vatWording}</p>}
    </div>
  );
}
