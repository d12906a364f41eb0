import 'server-only';
import { getServerSession } from 'next-auth';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import type { PublicUser } from '@/db/schema';
import { authOptions } from './options';
import { isStaff } from './roles';
import { getUserById } from './users';

export { isStaff };

/**
 * The signed-in user, read fresh from the database: a disabled or deleted account, or a changed
 * role, takes effect on the next request even though the JWT is still valid.
 */
// cache(): header, layout and page each ask; one render decodes the session and reads the row once.
export const currentUser = cache(async (): Promise<PublicUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getUserById(id);
  return user && !user.disabled ? user : null;
});

/** Pages and actions for signed-in users; visitors go to sign in and come back. */
export async function requireUser(returnTo = '/'): Promise<PublicUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** Staff pages and actions: anyone else gets a 404, so the admin area does not announce itself. */
export async function requireStaff(): Promise<PublicUser> {
  const user = await currentUser();
  if (!isStaff(user)) notFound();
  return user!;
}

export async function requireAdmin(): Promise<PublicUser> {
  const user = await currentUser();
  if (user?.role !== 'admin') notFound();
  return user;
}
