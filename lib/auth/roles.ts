import type { PublicUser } from '@/db/schema';

/** Pure role check, usable outside request scope (scripts, lib, tests). */
export const isStaff = (user: Pick<PublicUser, 'role'> | null | undefined): boolean =>
  user?.role === 'staff' || user?.role === 'admin';
