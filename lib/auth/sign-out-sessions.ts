import 'server-only';
import { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import type { PublicUser } from '@/db/schema';
import { revokeUserSessions } from './sessions';

/** "others": every session but the one asking; "all": this one too. Shared by the form and the action. */
export const signOutSessionsSchema = z.object({ scope: z.enum(['others', 'all']) });
export type SignOutSessionsInput = z.output<typeof signOutSessionsSchema>;

/**
 * Ends the user's sessions. With scope "others" the current session (its id from the cookie) is
 * kept; without a known current id nothing could be kept, so "others" then ends them all — safer
 * than guessing.
 */
export function signOutSessions(
  { scope }: SignOutSessionsInput,
  user: PublicUser,
  currentSid: string | null,
  db: Db = getDb(),
): string {
  const keep = scope === 'others' ? (currentSid ?? undefined) : undefined;
  const n = revokeUserSessions(user.id, { keep }, db);
  if (scope === 'all') return 'You are signed out everywhere.';
  return n === 1 ? 'Signed out of 1 other session.' : `Signed out of ${n} other sessions.`;
}
