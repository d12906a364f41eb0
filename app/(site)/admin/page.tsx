import type { Metadata } from 'next';
import Link from 'next/link';
import { BarChartFigure } from '@/app/ui/admin/BarChartFigure';
import { formatDay } from '@/app/ui/requests/dates';
import { requirePage } from '@/lib/auth/session';
import { formatMoney } from '@/lib/quote';
import { formatDuration } from '@/lib/requests/age';
import { OPEN_STATUSES, STATUS_LABELS } from '@/lib/requests/machine';
import { USE_LABELS } from '@/lib/requests/labels';
import { dashboardStats } from '@/lib/requests/stats';
import { feedHealth } from '@/lib/feeds/admin';
import { revenueSplit } from '@/lib/invoices/receivables';

export const metadata: Metadata = { title: 'Desk dashboard' };

export default async function AdminDashboard() {
  const user = await requirePage('staff', '/admin');
  const s = await dashboardStats();
  const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)} %`);
  const decisions = s.decisions.staff + s.decisions.auto;
  const feeds = feedHealth();
  const money = revenueSplit();

  return (
    <section aria-labelledby="dash-heading">
      <h1 id="dash-heading">Desk dashboard</h1>
      <p className="lead">
        Welcome, {user.name}. Figures cover the last twelve months, since {formatDay(s.since)}.
      </p>

      {feeds.failing > 0 && (
        <p className="notice error" role="alert" data-testid="dashboard-feeds-failing">
          {feeds.failing === 1 ? '1 feed is failing' : `${feeds.failing} feeds are failing`}: new articles from it are
          not reaching the catalogue. <Link href="/admin/feeds">See the feeds</Link>
        </p>
      )}

      <div className="stat-grid">
        <p className="stat">
          <span className="value" data-testid="stat-open">
            {s.counts.open.toLocaleString('en-GB')}
          </span>
          <span className="label">
            <Link href="/admin/requests">open requests</Link>
          </span>
        </p>
        <p className="stat">
          <span className="value">{formatDuration(s.decisions.medianStaffMs)}</span>
          <span className="label">median time to a staff decision</span>
        </p>
        <p className="stat">
          <span className="value">{pct(s.decisions.approvalRate)}</span>
          <span className="label">
            approval rate ({s.decisions.approved} approved, {s.decisions.rejected} rejected)
          </span>
        </p>
        <p className="stat">
          <span className="value">{pct(decisions ? s.decisions.auto / decisions : null)}</span>
          <span className="label">approved automatically</span>
        </p>
        <p className="stat">
          <span className="value">{formatMoney(s.totalRevenue)}</span>
          <span className="label">licence fees agreed (twelve months)</span>
        </p>
      </div>

      <h2>Money</h2>
      <div className="stat-grid" data-testid="dashboard-money">
        <p className="stat">
          <span className="value">{formatMoney(money.invoiced)}</span>
          <span className="label">invoiced</span>
        </p>
        <p className="stat">
          <span className="value">{formatMoney(money.received)}</span>
          <span className="label">received (after credit notes)</span>
        </p>
        <p className="stat">
          <span className="value">{formatMoney(money.outstanding)}</span>
          <span className="label">
            <Link href="/admin/invoices?state=all">outstanding</Link>
          </span>
        </p>
        <p className="stat">
          <span className="value" data-testid="stat-overdue">
            {formatMoney(money.overdue)}
          </span>
          <span className="label">
            <Link href="/admin/invoices?state=overdue">overdue</Link>
          </span>
        </p>
      </div>

      <p>
        <a href="/admin/requests/export?status=all" className="button secondary" download>
          Export all requests (CSV)
        </a>
      </p>

      <div className="two-col">
        <BarChartFigure
          id="chart-open"
          title="Open requests by status"
          kind="count"
          data={OPEN_STATUSES.map((st) => ({ label: STATUS_LABELS[st], value: s.counts[st] }))}
        />
        <BarChartFigure
          id="chart-use"
          title="Revenue by use"
          kind="money"
          layout="vertical"
          data={s.revenueByUse.map((u) => ({ label: USE_LABELS[u.use], value: u.revenue }))}
        />
      </div>
      <BarChartFigure
        id="chart-month"
        title="Revenue by month"
        kind="money"
        data={s.revenueByMonth.map((m) => ({ label: m.label, value: m.revenue }))}
      />

      <div className="two-col">
        <section aria-labelledby="top-articles">
          <h2 id="top-articles">Most licensed articles</h2>
          {s.topArticles.length === 0 ? (
            <p className="muted">No licences yet.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Article</th>
                  <th scope="col" className="num">
                    Licences
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.topArticles.map((a) => (
                  <tr key={a.slug}>
                    <th scope="row">
                      <Link href={`/articles/${a.slug}`}>{a.title}</Link>
                    </th>
                    <td className="num">{a.licences}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section aria-labelledby="top-orgs">
          <h2 id="top-orgs">Top licensees</h2>
          {s.topOrganizations.length === 0 ? (
            <p className="muted">No licences yet.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Organisation</th>
                  <th scope="col" className="num">
                    Licences
                  </th>
                  <th scope="col" className="num">
                    Revenue
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.topOrganizations.map((o) => (
                  <tr key={o.id}>
                    <th scope="row">
                      <Link href={`/admin/requests?status=all&org=${o.id}`}>{o.name}</Link>
                    </th>
                    <td className="num">{o.licences}</td>
                    <td className="num">{formatMoney(o.revenue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </section>
  );
}
