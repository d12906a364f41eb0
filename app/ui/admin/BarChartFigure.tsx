'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '@/lib/quote';

export type ChartDatum = { label: string; value: number };

const fmt = (kind: 'money' | 'count', v: number) => (kind === 'money' ? formatMoney(v) : v.toLocaleString('en-GB'));
const axis = (kind: 'money' | 'count', v: number) =>
  kind === 'money' ? `£${Math.round(v / 100).toLocaleString('en-GB')}` : v.toLocaleString('en-GB');

/**
 * A bar chart fed by numbers computed on the server, with its text alternative: the figure's
 * caption and a summary for screen readers, and the same numbers as a table underneath.
 */
export function BarChartFigure({
  id,
  title,
  data,
  kind,
  layout = 'horizontal',
}: {
  id: string;
  title: string;
  data: ChartDatum[];
  kind: 'money' | 'count';
  layout?: 'horizontal' | 'vertical';
}) {
  const total = data.reduce((n, d) => n + d.value, 0);
  const summary = `${title}: ${data.map((d) => `${d.label} ${fmt(kind, d.value)}`).join(', ')}.`;
  const vertical = layout === 'vertical';
  return (
    <figure className="chart-block" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        <h2>{title}</h2>
      </figcaption>
      {total === 0 ? (
        <p className="muted">Nothing to show yet.</p>
      ) : (
        <div className="chart" role="img" aria-label={summary}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={data}
              layout={vertical ? 'vertical' : 'horizontal'}
              margin={{ top: 8, right: 16, bottom: 8, left: vertical ? 24 : 8 }}
              accessibilityLayer={false}
            >
              <CartesianGrid strokeDasharray="3 3" />
              {vertical ? (
                <>
                  <XAxis type="number" tickFormatter={(v: number) => axis(kind, v)} />
                  <YAxis type="category" dataKey="label" width={110} />
                </>
              ) : (
                <>
                  <XAxis dataKey="label" />
                  <YAxis tickFormatter={(v: number) => axis(kind, v)} width={70} allowDecimals={false} />
                </>
              )}
              <Tooltip formatter={(v) => fmt(kind, Number(v))} />
              <Bar
                dataKey="value"
                name={kind === 'money' ? 'Revenue' : 'Count'}
                fill="#0b5cad"
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      <details>
        <summary>{title} as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{vertical ? 'Item' : 'Period'}</th>
              <th scope="col" className="num">
                {kind === 'money' ? 'Revenue' : 'Count'}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.label}>
                <th scope="row">{d.label}</th>
                <td className="num">{fmt(kind, d.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
