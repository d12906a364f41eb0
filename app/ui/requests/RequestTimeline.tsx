import type { Role } from '@/db/enums';
import { ACTION_LABELS, type Action } from '@/lib/requests/machine';
import type { RequestView } from '@/lib/requests/queries';
import { formatMoment } from './dates';

/** Who acted, as the viewer may see it: publishers see "The desk" rather than staff names. */
export function actorLabel(role: Role | null, name: string | null, viewerIsStaff: boolean): string {
  if (role === null || name === null) return 'Automatically';
  if (role !== 'publisher' && !viewerIsStaff) return 'The desk';
  return name;
}

function eventLabel(action: string): string {
  if (action === 'submit') return 'Submitted';
  return ACTION_LABELS[action as Action] ?? action;
}

/** The request's audit trail, oldest first. */
export function RequestTimeline({ events, viewerIsStaff }: { events: RequestView['events']; viewerIsStaff: boolean }) {
  return (
    <ol className="timeline" data-testid="timeline">
      {events.map((e) => (
        <li key={e.id}>
          <strong>{eventLabel(e.action)}</strong>
          {' — '}
          <span>{actorLabel(e.actorRole, e.actorName, viewerIsStaff)}</span>
          {', '}
          <time dateTime={e.createdAt} className="muted">
            {formatMoment(e.createdAt)}
          </time>
          {e.note && <p className="event-note">{e.note}</p>}
        </li>
      ))}
    </ol>
  );
}

/** The message thread, oldest first. */
export function MessageThread({
  messages,
  viewerIsStaff,
}: {
  messages: RequestView['messages'];
  viewerIsStaff: boolean;
}) {
  if (messages.length === 0) return <p className="muted">No messages yet.</p>;
  return (
    <ol className="thread" data-testid="thread">
      {messages.map((m) => (
        <li key={m.id} className={m.authorRole === 'publisher' ? undefined : 'from-desk'}>
          <p className="meta">
            <strong>{actorLabel(m.authorRole, m.authorName, viewerIsStaff)}</strong>,{' '}
            <time dateTime={m.createdAt}>{formatMoment(m.createdAt)}</time>
          </p>
          <p className="body">{m.body}</p>
        </li>
      ))}
    </ol>
  );
}
