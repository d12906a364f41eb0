import 'server-only';
import { getServerSession } from 'next-auth';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import type { PublicUser } from '@/db/schema';
import { authOptions } from './options';
import { can, type Level } from './can';
import { getUserById } from './users';

/**
 * The signed-in user, read fresh from the database: a disabled or deleted account, or a changed
 * role, takes effect on the next request even though the JWT is still valid.
 */
// cache(): header, layout and page each ask; one render decodes the session and reads the row once.
export const currentUser = cache(async (): Promise<PublicUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = getUserById(id);
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
