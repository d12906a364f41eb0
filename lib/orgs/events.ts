import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb, type Conn } from '@/db/client';
import { organizationEvents, users, type OrgEventKind } from '@/db/schema';

/** What an event row's `detail` holds: the member concerned, or the profile fields changed (before → after). */
export type OrgEventDetail =
  | { email: string; role?: string; from?: string; to?: string }
  | { changes: Record<string, [string | null, string | null]> };

/** One row per change, written inside the change's own transaction. */
export function recordOrgEvent(
  tx: Conn,
  organizationId: number,
  actorId: number | null,
  kind: OrgEventKind,
  detail: OrgEventDetail,
): void {
  tx.insert(organizationEvents).values({ organizationId, actorId, kind, detail }).run();
}

export type OrgEventRow = {
  id: number;
  kind: OrgEventKind;
  detail: OrgEventDetail;
  actorName: string | null;
  createdAt: string;
};

/** The organisation's history, newest first. */
export function listOrgEvents(organizationId: number, conn: Conn = getDb(), limit = 50): OrgEventRow[] {
  return conn
    .select({
      id: organizationEvents.id,
      kind: organizationEvents.kind,
      detail: organizationEvents.detail,
      actorName: users.name,
      createdAt: organizationEvents.createdAt,
    })
    .from(organizationEvents)
    .leftJoin(users, eq(users.id, organizationEvents.actorId))
    .where(eq(organizationEvents.organizationId, organizationId))
    .orderBy(desc(organizationEvents.id))
    .limit(limit)
    .all() as OrgEventRow[];
}
