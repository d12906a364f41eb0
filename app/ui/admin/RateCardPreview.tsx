'use client';

import { useState } from 'react';
import { DURATIONS, ORG_TYPES, PORTIONS, TERRITORIES, ARTICLE_USES } from '@/db/enums';
import { formatMoney, quote, type QuoteInput, type RateCard } from '@/lib/quote';
import { DURATION_LABELS, LICENSEE_LABELS, PORTION_LABELS, TERRITORY_LABELS, USE_LABELS } from '@/lib/requests/labels';

type Sample = Omit<QuoteInput, 'articles'> & { count: number };

const priceWith = (card: RateCard | null, s: Sample) =>
  card
    ? quote(
        {
          ...s,
          articles: Array.from({ length: s.count }, (_, i) => ({
            slug: `sample-${i}`,
            title: `Article ${i + 1}`,
            premiumMilli: 1000,
            rightsStatus: 'owned' as const,
          })),
        },
        card,
      )
    : null;

/** A sample request priced with the edited card next to the current one, as the values are typed. */
export function RateCardPreview({
  edited,
  current,
  currentVersion,
}: {
  edited: RateCard | null;
  current: RateCard;
  currentVersion: number;
}) {
  const [s, setS] = useState<Sample>({
    use: 'web',
    licenseeType: 'commercial',
    audience: 25_000,
    territory: 'country',
    duration: '1y',
    portion: 'full',
    translation: false,
    count: 1,
  });
  const set = <K extends keyof Sample>(k: K, v: Sample[K]) => setS((old) => ({ ...old, [k]: v }));
  const now = priceWith(current, s);
  const next = priceWith(edited, s);
  const select = <K extends 'use' | 'licenseeType' | 'territory' | 'duration' | 'portion'>(
    k: K,
    label: string,
    values: readonly Sample[K][],
    labels: Record<Sample[K], string>,
  ) => (
    <div className="field">
      <label htmlFor={`pv-${k}`}>{label}</label>
      <select id={`pv-${k}`} value={s[k]} onChange={(e) => set(k, e.target.value as Sample[K])}>
        {values.map((v) => (
          <option key={v} value={v}>
            {labels[v]}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section aria-labelledby="preview-heading" className="card">
      <h2 id="preview-heading">Preview a quote</h2>
      <div className="options-grid">
        {select('use', 'Use', ARTICLE_USES, USE_LABELS)}
        {select('licenseeType', 'Licensee', ORG_TYPES, LICENSEE_LABELS)}
        <div className="field">
          <label htmlFor="pv-audience">Audience a month</label>
          <input
            id="pv-audience"
            inputMode="numeric"
            value={String(s.audience)}
            onChange={(e) => set('audience', Math.max(1, Number(e.target.value.replace(/\D/g, '')) || 1))}
          />
        </div>
        {select('territory', 'Territory', TERRITORIES, TERRITORY_LABELS)}
        {select('duration', 'Duration', DURATIONS, DURATION_LABELS)}
        {select('portion', 'Portion', PORTIONS, PORTION_LABELS)}
        <div className="field">
          <label htmlFor="pv-count">Articles</label>
          <input
            id="pv-count"
            type="number"
            min={1}
            max={20}
            value={s.count}
            onChange={(e) => set('count', Math.min(20, Math.max(1, Number(e.target.value) || 1)))}
          />
        </div>
        <div className="checkbox">
          <input
            id="pv-translation"
            type="checkbox"
            checked={s.translation}
            onChange={(e) => set('translation', e.target.checked)}
          />
          <label htmlFor="pv-translation">Translation</label>
        </div>
      </div>
      <dl className="facts" aria-live="polite">
        <dt>With your edits</dt>
        <dd data-testid="preview-new">
          {next ? formatMoney(next.total, next.currency) : 'Fix the marked values to see a price.'}
        </dd>
        <dt>Current (version {currentVersion})</dt>
        <dd data-testid="preview-current">{now ? formatMoney(now.total, now.currency) : '—'}</dd>
      </dl>
      {next?.reasons.length ? <p className="muted">{next.reasons.join(' ')}</p> : null}
    </section>
  );
}
