import type { PublicUser } from '@/db/schema';

/**
 * The access levels of the desk, each including the ones before it except that a publisher and
 * staff are siblings: staff review requests, publishers (an account of an organisation) make them.
 *   public    anyone, signed in or not
 *   user      any signed-in, enabled account
 *   publisher a publisher account linked to an organisation (who may request licences)
 *   staff     staff and admins
 *   admin     admins only
 */
export const LEVELS = ['public', 'user', 'publisher', 'staff', 'admin'] as const;
export type Level = (typeof LEVELS)[number];

type Who = Pick<PublicUser, 'role' | 'organizationId'> | null | undefined;

/** The one authorization check. Pure: usable in lib, scripts, tests and components. */
export function can(user: Who, level: Level): boolean {
  switch (level) {
    case 'public':
      return true;
    case 'user':
      return !!user;
    case 'publisher':
      return user?.role === 'publisher' && user.organizationId !== null && user.organizationId !== undefined;
    case 'staff':
      return user?.role === 'staff' || user?.role === 'admin';
    case 'admin':
      return user?.role === 'admin';
  }
}
