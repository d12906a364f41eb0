import { CatalogueQuoteBreakdown } from '@/app/ui/catalogue-licences/CatalogueQuoteBreakdown';
import { isCatalogueQuote } from '@/lib/catalogue-licences/quote';
import { formatFactor, formatMoney, type Quote } from '@/lib/quote';
import { factorLabel } from '@/lib/requests/labels';

/**
 * A quote's total and why: one row per article with every factor, then the volume discount and
 * the minimum. No hooks, so server pages (a stored quote) and the live calculators share it.
 */
export function QuoteBreakdown({
  quote,
  idPrefix = 'quote',
  totalLabel = 'Total',
  review,
}: {
  quote: Quote;
  idPrefix?: string;
  totalLabel?: string;
  /**
   * Why the desk will review this use (lib/requests/auto-approval.ts), [] when it is licensed at
   * once; left out for a stored quote, which shows the reasons stored with it.
   */
  review?: string[];
}) {
  // A catalogue licence is priced per volume tier, not per article (lib/catalogue-licences/quote.ts).
  if (isCatalogueQuote(quote))
    return <CatalogueQuoteBreakdown quote={quote} idPrefix={idPrefix} totalLabel={totalLabel} />;
  const { currency } = quote;
  const reasons = review ?? quote.reasons;
  return (
    <div className="quote-breakdown">
      <p className="quote-total">
        <span>{totalLabel}</span>{' '}
        <strong data-testid={`${idPrefix}-total`}>{formatMoney(quote.total, currency)}</strong>
      </p>
      {review && review.length === 0 && (
        <p className="notice success" data-testid={`${idPrefix}-instant`}>
          Licensed at once: submit the request and your licence and copies are ready straight away.
        </p>
      )}
      {reasons.length > 0 && (
        <div className="notice warn" data-testid={`${idPrefix}-review`}>
          <p className="quote-review">
            {quote.total === null
              ? 'The desk prices this use itself:'
              : 'The desk reviews this request before licensing:'}
          </p>
          <ul>
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
      <details className="quote-details" open={quote.lines.length <= 3}>
        <summary>How this price is made</summary>
        <div className="table-wrap">
          <table>
            <caption className="sr-only">Price breakdown per article</caption>
            <thead>
              <tr>
                <th scope="col">Article and factors</th>
                <th scope="col" className="num">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {quote.lines.map((line) => (
                <tr key={line.slug}>
                  <th scope="row">
                    {line.title}
                    <ul className="factor-list">
                      <li>
                        Base fee <span className="factor">{formatMoney(line.base, currency)}</span>
                      </li>
                      {line.factors.map((f) => (
                        <li key={f.name}>
                          {factorLabel(f)} <span className="factor">{formatFactor(f.milli)}</span>
                        </li>
                      ))}
                    </ul>
                  </th>
                  <td className="num">{formatMoney(line.amount, currency)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Subtotal</th>
                <td className="num">{formatMoney(quote.subtotal, currency)}</td>
              </tr>
              {quote.discount.milli > 0 && (
                <tr>
                  <th scope="row">
                    Volume discount ({quote.discount.milli / 10} % for {quote.lines.length} articles)
                  </th>
                  <td className="num">−{formatMoney(quote.discount.amount, currency)}</td>
                </tr>
              )}
              {quote.minimumApplied && (
                <tr>
                  <th scope="row">Raised to the minimum fee per request</th>
                  <td className="num">{formatMoney(quote.total, currency)}</td>
                </tr>
              )}
              <tr>
                <th scope="row">{totalLabel}</th>
                <td className="num">{formatMoney(quote.total, currency)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </details>
    </div>
  );
}
