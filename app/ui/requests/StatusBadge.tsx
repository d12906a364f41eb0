import type { RequestStatus } from '@/db/enums';
import { STATUS_LABELS } from '@/lib/requests/machine';

const TONE: Record<RequestStatus, 'ok' | 'warn' | 'bad' | 'neutral'> = {
  submitted: 'neutral',
  in_review: 'neutral',
  countered: 'warn',
  approved: 'ok',
  rejected: 'bad',
  withdrawn: 'neutral',
  expired: 'neutral',
  revoked: 'bad',
};

export function StatusBadge({ status }: { status: RequestStatus }) {
  return <span className={`badge ${TONE[status]}`}>{STATUS_LABELS[status]}</span>;
}
