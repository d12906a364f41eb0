import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { organizations, users, type PublicUser, type Role, type User } from '@/db/schema';
import { toHost, type RegisterInput } from '@/lib/validation/auth';
import { hashPassword } from './password';

export class EmailTakenError extends Error {
  constructor() {
    super('An account with this email already exists.');
  }
}

export function toPublicUser(user: User): PublicUser {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { passwordHash, ...rest } = user;
  return rest;
}

/** For the sign-in check only: the one place a hash leaves the table. */
export async function findUserWithHash(email: string): Promise<User | undefined> {
  return getDb().select().from(users).where(eq(users.email, email.toLowerCase())).get();
}

export async function getUserById(id: number): Promise<PublicUser | undefined> {
  const row = getDb().select().from(users).where(eq(users.id, id)).get();
  return row && toPublicUser(row);
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Error && /UNIQUE constraint failed: users\.email/.test(e.message);
}

/** Creates the publisher and their organisation together, or neither. */
export async function registerPublisher(input: RegisterInput): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  const host = input.website ? toHost(input.website) : null;
  const db = getDb();
  try {
    return db.transaction((tx) => {
      const org = tx
        .insert(organizations)
        .values({
          name: input.organizationName,
          type: input.organizationType,
          country: input.country,
          domains: host ? [host] : [],
        })
        .returning()
        .get();
      const user = tx
        .insert(users)
        .values({ email: input.email, name: input.name, passwordHash, role: 'publisher', organizationId: org.id })
        .returning()
        .get();
      return toPublicUser(user);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new EmailTakenError();
    throw e;
  }
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
      })
      .returning()
      .get();
    return toPublicUser(row);
  } catch (e) {
    if (isUniqueViolation(e)) throw new EmailTakenError();
    throw e;
  }
}

