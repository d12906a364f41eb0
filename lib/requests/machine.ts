/**
 * The request state machine: which action moves a request from which statuses to which, and
 * who may take it. lib/requests/transition.ts is the only code that changes a status, and it
 * consults this table; pages use `allowedActions` to decide which buttons to show. The diagram
 * and what each transition writes: docs/DESIGN.md § Request life.
 */
import type { RequestStatus } from '@/db/schema';

export type Actor = 'staff' | 'publisher' | 'system';

export const ACTIONS = {
  start_review: { from: ['submitted'], to: 'in_review', by: 'staff' },
  approve: { from: ['submitted', 'in_review'], to: 'approved', by: 'staff' },
  reject: { from: ['submitted', 'in_review', 'countered'], to: 'rejected', by: 'staff' },
  counter: { from: ['submitted', 'in_review'], to: 'countered', by: 'staff' },
  request_info: { from: ['submitted', 'in_review'], to: 'in_review', by: 'staff' },
  revoke: { from: ['approved'], to: 'revoked', by: 'staff' },
  accept_counter: { from: ['countered'], to: 'approved', by: 'publisher' },
  decline_counter: { from: ['countered'], to: 'in_review', by: 'publisher' },
  withdraw: { from: ['submitted', 'in_review', 'countered'], to: 'withdrawn', by: 'publisher' },
  auto_approve: { from: ['submitted'], to: 'approved', by: 'system' },
  expire: { from: ['approved'], to: 'expired', by: 'system' },
} as const satisfies Record<string, { from: readonly RequestStatus[]; to: RequestStatus; by: Actor }>;

export type Action = keyof typeof ACTIONS;

/** Actions that need a note (shown to the publisher as the reason). */
export const NOTE_REQUIRED: ReadonlySet<Action> = new Set(['reject', 'request_info', 'revoke']);

export const STATUS_LABELS: Record<RequestStatus, string> = {
  submitted: 'Submitted',
  in_review: 'In review',
  countered: 'Counter-offer',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
  revoked: 'Revoked',
};

export const ACTION_LABELS: Record<Action, string> = {
  start_review: 'Review started',
  approve: 'Approved',
  reject: 'Rejected',
  counter: 'Counter-offer made',
  request_info: 'More information requested',
  revoke: 'Licence revoked',
  accept_counter: 'Counter-offer accepted',
  decline_counter: 'Counter-offer declined',
  withdraw: 'Withdrawn',
  auto_approve: 'Approved automatically',
  expire: 'Licence expired',
};

export function canTake(action: Action, status: RequestStatus): boolean {
  return (ACTIONS[action].from as readonly RequestStatus[]).includes(status);
}

export function allowedActions(status: RequestStatus, by: Actor): Action[] {
  return (Object.keys(ACTIONS) as Action[]).filter((a) => ACTIONS[a].by === by && canTake(a, status));
}

/** Before a decision: the publisher may still withdraw, staff may still act. */
export const OPEN_STATUSES: readonly RequestStatus[] = ['submitted', 'in_review', 'countered'];
