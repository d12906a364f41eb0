import { formatMoment } from '@/app/ui/requests/dates';
import type { FormState } from '@/lib/errors';
import type { deliveryLog } from '@/lib/webhooks/endpoints';
import { IdActionButton } from './IdActionButton';

const TONE = { pending: 'warn', delivered: 'ok', failed: 'bad' } as const;
const LABEL = { pending: 'Retrying', delivered: 'Delivered', failed: 'Gave up' } as const;

/** Webhook deliveries and each attempt: on the organisation's API page and, for every organisation, the outbox. */
export function DeliveryLog({
  rows,
  retry,
}: {
  rows: ReturnType<typeof deliveryLog>;
  retry?: (prev: FormState, data: FormData) => Promise<FormState>;
}) {
  if (!rows.length) return <p className="muted">No webhook deliveries yet.</p>;
  return (
    <div className="table-wrap">
      <table data-testid="webhook-deliveries">
        <caption className="sr-only">Webhook deliveries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Notice</th>
            <th scope="col">Endpoint</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts (time, answer)</th>
            {retry && <th scope="col">Retry</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id}>
              <th scope="row">
                {d.kind}
                <br />
                <code className="muted">{d.webhookId}</code>
              </th>
              <td className="break">{d.url}</td>
              <td>
                <span className={`badge ${TONE[d.status]}`}>{LABEL[d.status]}</span>
                {d.status === 'pending' && d.attempts > 0 && (
                  <p className="muted">Next {formatMoment(d.nextAttemptAt)}</p>
                )}
              </td>
              <td>
                <ol className="plain">
                  {d.log.map((a) => (
                    <li key={a.id}>
                      {formatMoment(a.attemptedAt)}: {a.statusCode ? `HTTP ${a.statusCode}` : (a.error ?? 'no answer')}
                    </li>
                  ))}
                </ol>
              </td>
              {retry && (
                <td>
                  {d.status === 'failed' ? (
                    <IdActionButton action={retry} id={d.id} label="Retry" what={d.webhookId} />
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
