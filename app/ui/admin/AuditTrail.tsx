import { formatMoment } from '@/app/ui/requests/dates';
import type { RequestStatus } from '@/db/enums';
import { ACTION_LABELS, STATUS_LABELS, type Action } from '@/lib/requests/machine';
import type { StaffRequestView } from '@/lib/requests/admin-queries';
import { MONEY_ACTION_LABELS } from '@/lib/invoices/labels';

const label = (s: RequestStatus | null) => (s ? STATUS_LABELS[s] : 'New');

/** Every event: the status change, what was done, who did it (or the system) and when. */
export function AuditTrail({ events }: { events: StaffRequestView['events'] }) {
  return (
    <ol className="timeline" data-testid="audit-trail">
      {events.map((e) => (
        <li key={e.id}>
          {e.fromStatus === e.toStatus ? (
            // Money and other events that leave the status as it was: what happened, not "Approved → Approved".
            <strong data-testid="trail-step">
              {ACTION_LABELS[e.action as Action] ?? MONEY_ACTION_LABELS[e.action] ?? e.action}
            </strong>
          ) : (
            <>
              <strong data-testid="trail-step">
                {label(e.fromStatus)} → {label(e.toStatus)}
              </strong>{' '}
              {/* The action only when it says more than the new status ("Counter-offer accepted", not "Approved (Approved)"). */}
              {e.action !== 'submit' && ACTION_LABELS[e.action as Action] !== label(e.toStatus) && (
                <span className="muted">
                  ({ACTION_LABELS[e.action as Action] ?? MONEY_ACTION_LABELS[e.action] ?? e.action})
                </span>
              )}
            </>
          )}
          <br />
          <span>{e.actorName ? `${e.actorName} (${e.actorRole})` : 'System'}</span>
          {', '}
          <time dateTime={e.createdAt}>{formatMoment(e.createdAt)}</time>
          {e.note && <p className="event-note">{e.note}</p>}
        </li>
      ))}
    </ol>
  );
}
