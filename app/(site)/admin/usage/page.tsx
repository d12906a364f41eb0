import type { Metadata } from 'next';
import Link from 'next/link';
import { Pager } from '@/app/ui/shell/Pager';
import { requirePage } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/licenses/labels';
import { usageReport } from '@/lib/licenses/usage';

export const metadata: Metadata = { title: 'Usage' };

// The rows link with plain anchors, not next/link (as the catalogue cards do): 25 links would each
// be a client component to render and hydrate, and to prefetch; a licence opens as a full page.
export default async function UsagePage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string; flagged?: string }>;
}) {
  await requirePage('staff', '/admin');
  const sp = await searchParams;
  const flaggedOnly = sp.flagged === '1';
  const report = usageReport({ page: Number(sp.page) || 1, flaggedOnly });

  return (
    <section>
      <h1>Usage</h1>
      <p className="lead">
        Where licensed copies are read, from their usage pixel. Reads leave out bots, and the same reader counts once in
        30 minutes. A host is flagged once a day when it is read on a site that is not one of the licensee’s, or after
        the licence ended.
      </p>
      <ul className="grid" aria-label="Totals">
        <li className="card">
          <strong>{report.totals.reads.toLocaleString('en-GB')}</strong> {report.totals.reads === 1 ? 'read' : 'reads'}
        </li>
        <li className="card">
          <strong>{report.totals.flaggedDays.toLocaleString('en-GB')}</strong> flagged site-
          {report.totals.flaggedDays === 1 ? 'day' : 'days'}
        </li>
        <li className="card">
          <strong>{report.totals.licences.toLocaleString('en-GB')}</strong>{' '}
          {report.totals.licences === 1 ? 'licence' : 'licences'} seen
        </li>
        <li className="card">
          <strong>{report.totals.hits.toLocaleString('en-GB')}</strong> pixel{' '}
          {report.totals.hits === 1 ? 'hit' : 'hits'} in all, bots and repeats included
        </li>
      </ul>
      <p className="filters">
        {flaggedOnly ? (
          <Link href="/admin/usage">Show all uses</Link>
        ) : (
          <Link href="/admin/usage?flagged=1">Show flagged uses only</Link>
        )}
      </p>
      {report.rows.length === 0 ? (
        <div className="empty-state">
          <h2>{flaggedOnly ? 'No flagged uses' : 'No reads yet'}</h2>
          <p>Reads appear here once a licensed copy is published and read.</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">Reads per licence and host, flagged uses first</caption>
            <thead>
              <tr>
                <th scope="col">Licence</th>
                <th scope="col">Licensee</th>
                <th scope="col">Host</th>
                <th scope="col" className="num">
                  Reads
                </th>
                <th scope="col">Last seen</th>
                <th scope="col">Flag</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r) => (
                <tr key={`${r.code}-${r.host}`} data-testid="usage-row">
                  <td>
                    <a href={`/licenses/${r.code}`}>{r.code}</a>
                    {r.status !== 'active' && <div className="hint">{r.status}</div>}
                  </td>
                  <td>
                    {r.organization}
                    {r.domains.length > 0 && <div className="hint">{r.domains.join(', ')}</div>}
                  </td>
                  <td>
                    {r.host || <span className="muted">(no referrer)</span>}
                    {r.lastReferrer && (
                      <div className="hint" style={{ wordBreak: 'break-all' }}>
                        {r.lastReferrer}
                      </div>
                    )}
                  </td>
                  <td className="num">{r.reads.toLocaleString('en-GB')}</td>
                  <td>{formatDateTime(r.lastReadAt)}</td>
                  <td>
                    {r.flaggedDays > 0 ? (
                      <>
                        <span className="badge bad">{`Flagged on ${r.flaggedDays} ${r.flaggedDays === 1 ? 'day' : 'days'}`}</span>
                        {r.reason && <div className="hint">{r.reason}</div>}
                      </>
                    ) : (
                      <span className="badge ok">Licensed</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={report.page}
        pages={report.pages}
        hasNext={report.page < report.pages}
        href={(p) =>
          `/admin/usage?${new URLSearchParams({ ...(flaggedOnly ? { flagged: '1' } : {}), page: String(p) })}`
        }
      />
    </section>
  );
}
