import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import type { PublicUser } from '@/db/schema';
import { can, type Level } from './can';
import { logSessionReads, sessionToken } from './session-token';
import { isSessionLive } from './sessions';
import { getUserById } from './users';

/**
 * The signed-in user, read fresh from the database: a disabled or deleted account, or a changed
 * role, takes effect on the next request even though the JWT is still valid. A session row that
 * was revoked (sign-out, "sign out everywhere", password change) signs nobody in.
 */
export const currentUser = cache(async (): Promise<PublicUser | null> => {
  const token = await sessionToken();
  if (!token || !isSessionLive(token.sid, token.uid)) return null;
  if (logSessionReads) console.log('[session-read] user');
  const user = getUserById(token.uid as number);
  return user && !user.disabled ? user : null;
});

/**
 * The one page guard. Below the level: a 404 — for the staff and admin areas whoever asks, so
 * they do not announce themselves (proxy.ts sends cookie-less visitors to sign in first; a
 * session that stopped working, e.g. a disabled account, lands here). For the account pages a
 * visitor goes to sign in and comes back to `returnTo`.
 */
export async function requirePage(level: Exclude<Level, 'public'>, returnTo = '/'): Promise<PublicUser> {
  const user = await currentUser();
  if (!user && (level === 'user' || level === 'publisher'))
    redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!user || !can(user, level)) notFound();
  return user;
}
