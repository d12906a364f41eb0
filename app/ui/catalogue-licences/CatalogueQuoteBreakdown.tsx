import type { CatalogueQuote } from '@/lib/catalogue-licences/quote';
import { articleCountText } from '@/lib/catalogue-licences/words';
import { formatFactor, formatMoney } from '@/lib/quote';
import { factorLabel, USE_LABELS } from '@/lib/requests/labels';

/**
 * A catalogue quote's total and why: the per-article rate and its factors, then one row per volume
 * tier. No hooks, so the live form and the stored request's pages share it.
 */
export function CatalogueQuoteBreakdown({
  quote,
  use,
  idPrefix = 'catalogue-quote',
  totalLabel = 'Total',
}: {
  quote: CatalogueQuote;
  use?: keyof typeof USE_LABELS;
  idPrefix?: string;
  totalLabel?: string;
}) {
  const { currency, catalogue: c } = quote;
  return (
    <div className="quote-breakdown" data-testid={idPrefix}>
      <p className="quote-total">
        <span>{totalLabel}</span>{' '}
        <strong data-testid={`${idPrefix}-total`}>{formatMoney(quote.total, currency)}</strong>
      </p>
      <p>
        <span data-testid={`${idPrefix}-count`}>{articleCountText(c.count)}</span> in the selection
        {c.ongoing && (
          <>
            {' '}
            + {articleCountText(c.lastYearCount)} published in the last year (the year’s expected new articles) ={' '}
            {articleCountText(c.articles)} priced
          </>
        )}
        .
      </p>
      {quote.reasons.length > 0 && (
        <div className="notice warn" data-testid={`${idPrefix}-review`}>
          <ul>
            {quote.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="table-wrap">
        <table>
          <caption className="sr-only">Price per volume tier</caption>
          <thead>
            <tr>
              <th scope="col">Articles</th>
              <th scope="col" className="num">
                Share of the rate
              </th>
              <th scope="col" className="num">
                Each
              </th>
              <th scope="col" className="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {c.tiers.map((t) => (
              <tr key={t.from} data-testid={`${idPrefix}-tier`}>
                <td>
                  {t.from.toLocaleString('en-GB')}–{t.to.toLocaleString('en-GB')} ({t.articles.toLocaleString('en-GB')})
                </td>
                <td className="num">{t.milli / 10} %</td>
                <td className="num">{formatMoney(t.rate, currency)}</td>
                <td className="num">{formatMoney(t.amount, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">
        Rate per article: {use ? `${USE_LABELS[use]} ` : ''}
        {formatMoney(c.base, currency)}{' '}
        {c.factors.map((f) => `× ${factorLabel(f)} ${formatFactor(f.milli).slice(1)}`).join(' ')} ={' '}
        {formatMoney(c.rate, currency)}. The total is the exact sum of the tiers, rounded once
        {quote.minimumApplied ? ' and raised to the minimum fee' : ''}.
      </p>
    </div>
  );
}
