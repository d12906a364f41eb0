import type { Role } from '@/db/schema';

declare module 'next-auth' {
  interface Session {
    user: { id: number; name?: string | null; email?: string | null; role: Role };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: number;
    role?: Role;
    /** The `sessions` row this JWT belongs to. */
    sid?: string;
  }
}
