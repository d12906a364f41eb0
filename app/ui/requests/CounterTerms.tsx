import { changedRows, TERM_ROWS, type CounterComparison, type TermsSide } from '@/lib/requests/counter-view';
import { DURATION_LABELS, PORTION_LABELS, TERRITORY_LABELS, USE_LABELS } from '@/lib/requests/labels';
import { formatMoney } from '@/lib/quote';

type Row = (typeof TERM_ROWS)[number];

const ROWS: { key: Row; label: string }[] = [
  { key: 'use', label: 'Use' },
  { key: 'audience', label: 'Audience' },
  { key: 'territory', label: 'Territory' },
  { key: 'duration', label: 'Duration' },
  { key: 'portion', label: 'Portion' },
  { key: 'articles', label: 'Articles' },
];

function value(t: TermsSide, key: Row) {
  switch (key) {
    case 'use':
      return USE_LABELS[t.use];
    case 'audience':
      return `${t.audience.toLocaleString('en-GB')} a month`;
    case 'territory':
      return `${TERRITORY_LABELS[t.territory]}${t.territoryDetail ? `: ${t.territoryDetail}` : ''}`;
    case 'duration':
      return DURATION_LABELS[t.duration];
    case 'portion':
      return PORTION_LABELS[t.portion];
    case 'articles':
      return (
        <ul>
          {t.articles.map((a) => (
            <li key={a.slug}>{a.title}</li>
          ))}
        </ul>
      );
  }
}

/** A counter-offer's terms beside the ones asked for, the changed rows marked. No hooks: server or client. */
export function CounterTerms({
  comparison,
  askedLabel,
  proposedLabel,
}: {
  comparison: CounterComparison;
  askedLabel: string;
  proposedLabel: string;
}) {
  const changed = changedRows(comparison);
  const { asked, proposed, currency } = comparison;
  return (
    <table className="counter-terms" data-testid="counter-terms">
      <caption className="sr-only">
        {askedLabel} and {proposedLabel.toLowerCase()}, side by side
      </caption>
      <thead>
        <tr>
          <th scope="col">Term</th>
          <th scope="col">{askedLabel}</th>
          <th scope="col">{proposedLabel}</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map(({ key, label }) => (
          <tr
            key={key}
            className={changed.has(key) ? 'changed' : undefined}
            data-changed={changed.has(key) || undefined}
          >
            <th scope="row">
              {label}
              {changed.has(key) && <span className="badge warn"> changed</span>}
            </th>
            <td>{value(asked, key)}</td>
            <td>{value(proposed, key)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">Quote for these terms</th>
          <td>{formatMoney(asked.quoteTotal, currency)}</td>
          <td>{formatMoney(proposed.quoteTotal, currency)}</td>
        </tr>
      </tbody>
    </table>
  );
}
