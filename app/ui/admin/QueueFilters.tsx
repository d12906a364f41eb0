import Link from 'next/link';
import { DateField } from '@/app/ui/forms/DateField';
import { REQUEST_STATUSES, USES } from '@/db/enums';
import { STATUS_LABELS } from '@/lib/requests/machine';
import { USE_LABELS } from '@/lib/requests/labels';
import type { QueueFilters as Filters } from '@/lib/validation/admin-queue';

const pounds = (minor: number | undefined) => (minor === undefined ? undefined : (minor / 100).toString());

/** A plain GET form: the queue's state lives in the URL, so it works without JavaScript and links can be shared. */
export function QueueFilters({ f, orgName }: { f: Filters; orgName?: string }) {
  return (
    <form method="get" action="/admin/requests" className="filters" role="search" aria-label="Filter requests">
      {f.org && <input type="hidden" name="org" value={f.org} />}
      <div className="field">
        <label htmlFor="q-q">Reference or organisation</label>
        <input id="q-q" type="search" name="q" defaultValue={f.q} placeholder="RR-2026-000123, LIC-… or a name" />
      </div>
      <div className="field">
        <label htmlFor="q-status">Status</label>
        <select id="q-status" name="status" defaultValue={f.status}>
          <option value="open">Open (to do)</option>
          <option value="all">All</option>
          {REQUEST_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="q-use">Use</label>
        <select id="q-use" name="use" defaultValue={f.use ?? ''}>
          <option value="">Any use</option>
          {USES.map((u) => (
            <option key={u} value={u}>
              {USE_LABELS[u]}
            </option>
          ))}
        </select>
      </div>
      <div className="field narrow-field">
        <label htmlFor="q-feeMin">Fee from (£)</label>
        <input id="q-feeMin" name="feeMin" inputMode="decimal" defaultValue={pounds(f.feeMin)} />
      </div>
      <div className="field narrow-field">
        <label htmlFor="q-feeMax">Fee to (£)</label>
        <input id="q-feeMax" name="feeMax" inputMode="decimal" defaultValue={pounds(f.feeMax)} />
      </div>
      <DateField id="q-from" name="from" label="Submitted from" defaultValue={f.from} className="narrow-field" />
      <DateField id="q-to" name="to" label="Submitted to" defaultValue={f.to} className="narrow-field" />
      <div className="field narrow-field">
        <label htmlFor="q-sort">Order</label>
        <select id="q-sort" name="sort" defaultValue={f.sort}>
          <option value="oldest">Oldest first</option>
          <option value="newest">Newest first</option>
        </select>
      </div>
      <div className="actions-row">
        <button type="submit" className="button">
          Apply
        </button>
        <Link href="/admin/requests">Clear</Link>
      </div>
      {f.org && (
        <p className="filter-chip">
          Organisation: <strong>{orgName ?? `#${f.org}`}</strong>{' '}
          <Link
            href={`/admin/requests?${new URLSearchParams(Object.entries({ status: f.status, q: f.q ?? '' }).filter(([, v]) => v)).toString()}`}
          >
            remove<span className="sr-only"> organisation filter</span>
          </Link>
        </p>
      )}
    </form>
  );
}
