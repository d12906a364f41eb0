import Link from 'next/link';
import { formatDay } from '@/app/ui/requests/dates';
import { StatusBadge } from '@/app/ui/requests/StatusBadge';
import { formatMoney } from '@/lib/quote';
import type { StaffRequestView } from '@/lib/requests/admin-queries';
import { LICENSEE_LABELS } from '@/lib/requests/labels';

/** The licensee and its record on the desk, next to the decision. */
export function OrgHistory({ view }: { view: StaffRequestView }) {
  const { organization: o, history: h } = view;
  const counts = Object.fromEntries(h.licenseCounts.map((c) => [c.status, c.n]));
  return (
    <section aria-labelledby="org-heading">
      <h2 id="org-heading">Organisation</h2>
      {o.flagged && (
        <p className="notice warn">
          <strong>Flagged.</strong> {o.flagReason || 'No reason recorded.'} Auto-approval is off for flagged licensees.
        </p>
      )}
      <dl className="facts">
        <dt>Name</dt>
        <dd>{o.name}</dd>
        <dt>Type</dt>
        <dd>{LICENSEE_LABELS[o.type]}</dd>
        <dt>Country</dt>
        <dd>{o.country}</dd>
        <dt>Websites</dt>
        <dd className="break">{o.domains.length ? o.domains.join(', ') : '—'}</dd>
        <dt>Requests</dt>
        <dd>
          <Link href={`/admin/requests?status=all&org=${o.id}`}>{h.requestCount.toLocaleString('en-GB')} in all</Link>
        </dd>
        <dt>Licences</dt>
        <dd>
          {counts.active ?? 0} active, {counts.expired ?? 0} expired, {counts.revoked ?? 0} revoked
        </dd>
        <dt>Usage flags</dt>
        <dd>
          {h.flaggedDays ? (
            <span className="badge warn">
              Read on unlicensed sites: {h.flaggedDays} {h.flaggedDays === 1 ? 'site-day' : 'site-days'}
            </span>
          ) : (
            'None'
          )}
        </dd>
      </dl>
      <h3>Earlier requests</h3>
      {h.earlier.length === 0 ? (
        <p className="muted">This is their first request.</p>
      ) : (
        <ul className="plain-list">
          {h.earlier.map((r) => (
            <li key={r.reference}>
              <Link href={`/admin/requests/${r.reference}`}>{r.reference}</Link> <StatusBadge status={r.status} />{' '}
              <span className="muted">
                {formatMoney(r.fee, r.currency)}, {formatDay(r.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3>Licences</h3>
      {h.licences.length === 0 ? (
        <p className="muted">No licences yet.</p>
      ) : (
        <ul className="plain-list">
          {h.licences.map((l) => (
            <li key={l.code}>
              <Link href={`/licenses/${l.code}`}>{l.code}</Link>{' '}
              <span className={`badge ${l.status === 'active' ? 'ok' : l.status === 'revoked' ? 'bad' : 'neutral'}`}>
                {l.status}
              </span>{' '}
              <span className="muted">
                {formatMoney(l.fee, l.currency)}, {l.reference}, until{' '}
                {l.validUntil ? formatDay(l.validUntil) : 'perpetual'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
