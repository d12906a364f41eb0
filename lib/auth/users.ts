import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users, type PublicUser, type Role, type User } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { hashPassword } from './password';

/** A conflict on the email field: forms show it at the field, scripts print the message. */
export class EmailTakenError extends AppError {
  constructor() {
    super('conflict', 'An account with this email already exists.', {
      email: 'An account with this email already exists.',
    });
  }
}

export function toPublicUser(user: User): PublicUser {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { passwordHash, ...rest } = user;
  return rest;
}

/** For the sign-in check only: the one place a hash leaves the table. */
export function findUserWithHash(email: string): User | undefined {
  return getDb().select().from(users).where(eq(users.email, email.toLowerCase())).get();
}

export function getUserById(id: number): PublicUser | undefined {
  const row = getDb().select().from(users).where(eq(users.id, id)).get();
  return row && toPublicUser(row);
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Error && /UNIQUE constraint failed: users\.email/.test(e.message);
}

export async function createUser(input: {
  email: string;
  name: string;
  password: string;
  role: Role;
  organizationId?: number | null;
}): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    const row = getDb()
      .insert(users)
      .values({
        email: input.email.toLowerCase(),
        name: input.name,
        passwordHash,
        role: input.role,
        organizationId: input.organizationId ?? null,
        orgRole: input.organizationId ? 'owner' : null,
        // Made by an admin or on the command line with a known address: verified from the start.
        emailVerifiedAt: new Date().toISOString(),
      })
      .returning()
      .get();
    return toPublicUser(row);
  } catch (e) {
    if (isUniqueViolation(e)) throw new EmailTakenError();
    throw e;
  }
}
