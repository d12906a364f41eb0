import { formatFactor, formatMoney, type Quote } from '@/lib/quote';

/**
 * A quote's total and why: one row per article with every factor, then the volume discount and
 * the minimum. No hooks, so server pages (a stored quote) and the live calculators share it.
 */
export function QuoteBreakdown({
  quote,
  idPrefix = 'quote',
  totalLabel = 'Total',
}: {
  quote: Quote;
  idPrefix?: string;
  totalLabel?: string;
}) {
  const { currency } = quote;
  return (
    <div className="quote-breakdown">
      <p className="quote-total">
        <span>{totalLabel}</span>{' '}
        <strong data-testid={`${idPrefix}-total`}>{formatMoney(quote.total, currency)}</strong>
      </p>
      {quote.reasons.length > 0 && (
        <div className="notice warn">
          <p className="quote-review">
            {quote.total === null
              ? 'The desk prices this use itself:'
              : 'The desk reviews this request before licensing:'}
          </p>
          <ul>
            {quote.reasons.map((r) => (
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
                          {f.label} <span className="factor">{formatFactor(f.milli)}</span>
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
                <th scope="row">{totalLabel} (rounded once)</th>
                <td className="num">{formatMoney(quote.total, currency)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </details>
    </div>
  );
}
