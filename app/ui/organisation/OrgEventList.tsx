import { formatMoment } from '@/app/ui/requests/dates';
import type { OrgEventRow } from '@/lib/orgs/events';

const FIELD_LABELS: Record<string, string> = {
  legalName: 'legal name',
  billingLine1: 'address line 1',
  billingLine2: 'address line 2',
  billingCity: 'town or city',
  billingPostcode: 'postcode',
  billingCountry: 'country',
  vatNumber: 'VAT number',
  billingEmail: 'billing email',
  domains: 'websites',
};

const shown = (v: string | null) => (v === null || v === '' ? '(empty)' : `“${v}”`);

function describe(e: OrgEventRow): string {
  const d = e.detail;
  if ('changes' in d)
    return `changed ${Object.entries(d.changes)
      .map(([field, [before, after]]) => `${FIELD_LABELS[field] ?? field} from ${shown(before)} to ${shown(after)}`)
      .join('; ')}`;
  switch (e.kind) {
    case 'member_invited':
      return `invited ${d.email} as ${d.role}`;
    case 'invitation_revoked':
      return `withdrew the invitation to ${d.email}`;
    case 'member_joined':
      return `joined (${d.email}) as ${d.role}`;
    case 'role_changed':
      return `made ${d.email} ${d.to === 'owner' ? 'an owner' : 'a member'}`;
    case 'member_removed':
      return `removed ${d.email}`;
    case 'member_left':
      return `left (${d.email})`;
    default:
      return e.kind;
  }
}

/** Who changed what, newest first. */
export function OrgEventList({ events }: { events: OrgEventRow[] }) {
  if (events.length === 0) return <p className="muted">No changes yet.</p>;
  return (
    <ol className="timeline" data-testid="org-events">
      {events.map((e) => (
        <li key={e.id}>
          <time dateTime={e.createdAt}>{formatMoment(e.createdAt)}</time> — {e.actorName ?? 'The desk'} {describe(e)}
        </li>
      ))}
    </ol>
  );
}
