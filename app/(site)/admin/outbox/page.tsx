import type { Metadata } from 'next';
import Link from 'next/link';
import { RetryMailButton } from '@/app/ui/admin/RetryMailButton';
import { formatMoment } from '@/app/ui/requests/dates';
import { OUTBOX_STATUSES } from '@/db/enums';
import { listOutbox, type OutboxStatus } from '@/lib/mail/outbox-desk';
import { requirePage } from '@/lib/auth/session';
import { MAX_ATTEMPTS } from '@/lib/mail/outbox';
import { Pager } from '@/app/ui/shell/Pager';
import { DeliveryLog } from '@/app/ui/api/DeliveryLog';
import { deliveryLog } from '@/lib/webhooks/endpoints';
import { retryWebhookAction } from './actions';

export const metadata: Metadata = { title: 'Outbox' };

const TONE: Record<OutboxStatus, string> = { pending: 'warn', sent: 'ok', logged: 'neutral', failed: 'bad' };
const LABEL: Record<OutboxStatus, string> = {
  pending: 'Waiting',
  sent: 'Sent',
  logged: 'Kept (no SMTP)',
  failed: 'Failed',
};

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; page?: string }>;
}) {
  await requirePage('staff', '/admin');
  const sp = await searchParams;
  const status = (OUTBOX_STATUSES as readonly string[]).includes(sp.status ?? '')
    ? (sp.status as OutboxStatus)
    : undefined;
  const page = Math.max(1, Number.parseInt(sp.page ?? '1', 10) || 1);
  const list = listOutbox({ status, page });
  const href = (over: { status?: string; page?: number }) => {
    const p = new URLSearchParams();
    const s = 'status' in over ? over.status : status;
    if (s) p.set('status', s);
    if ((over.page ?? 1) > 1) p.set('page', String(over.page));
    const q = p.toString();
    return `/admin/outbox${q ? `?${q}` : ''}`;
  };

  return (
    <section aria-labelledby="outbox-heading">
      <h1 id="outbox-heading">Outbox</h1>
      <p className="lead">
        Every notification the desk sends. Without SMTP_URL mails are kept here and in the server log.
      </p>
      <nav aria-label="Mails by status">
        <ul className="status-counts">
          {[undefined, ...OUTBOX_STATUSES].map((s) => (
            <li key={s ?? 'all'}>
              <Link href={href({ status: s })} aria-current={status === s ? 'true' : undefined}>
                {s ? LABEL[s] : 'All'}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {list.rows.length === 0 ? (
        <div className="empty-state">
          <h2>No mails here</h2>
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">Mails, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">To</th>
                <th scope="col">Kind</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Attempts
                </th>
                <th scope="col">Dates</th>
                <th scope="col">Retry</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    {m.subject}
                    {m.reference && (
                      <>
                        <br />
                        <Link href={`/admin/requests/${m.reference}`}>{m.reference}</Link>
                      </>
                    )}
                  </th>
                  <td className="break">{m.to}</td>
                  <td>{m.kind}</td>
                  <td>
                    <span className={`badge ${TONE[m.status]}`}>{LABEL[m.status]}</span>
                    {m.lastError && <p className="field-error break">{m.lastError}</p>}
                  </td>
                  <td className="num">
                    {m.attempts}/{MAX_ATTEMPTS}
                  </td>
                  <td>
                    Queued {formatMoment(m.createdAt)}
                    {m.sentAt && (
                      <>
                        <br />
                        Done {formatMoment(m.sentAt)}
                      </>
                    )}
                  </td>
                  <td>
                    {m.status === 'failed' || m.status === 'pending' ? (
                      <RetryMailButton id={m.id} subject={m.subject} />
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} hasNext={list.hasNext} href={(p) => href({ page: p })} />
      <h2 id="webhooks">Webhook deliveries</h2>
      <p className="lead">Notices POSTed to licensees’ endpoints (every organisation), newest first.</p>
      <DeliveryLog rows={deliveryLog(null)} retry={retryWebhookAction} />
    </section>
  );
}
