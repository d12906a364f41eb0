import { beforeEach, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { freshDb } from '../helpers/db';
import { organizations, users } from '@/db/schema';
import { getUserById } from '@/lib/auth/users';
import { registerAccount } from '@/lib/auth/register';
import { authorizeCredentials, GENERIC_LOGIN_ERROR } from '@/lib/auth/authorize';
import { registerSchema } from '@/lib/validation/auth';
import { fieldErrors } from '@/lib/errors';
import type { Db } from '@/db/client';

const valid = {
  name: 'Rita Reporter',
  email: 'Rita@Example.org',
  password: 'long enough pw',
  organizationName: 'The Valley Post',
  organizationType: 'commercial',
  country: 'United Kingdom',
  website: 'https://www.valleypost.example',
};

let db: Db;
beforeEach(() => {
  db = freshDb();
});

function rows() {
  return {
    users: db.select({ n: count() }).from(users).get()!.n,
    orgs: db.select({ n: count() }).from(organizations).get()!.n,
  };
}

describe('registration', () => {
  it('creates the publisher and the organisation, email lower-cased, website as host', async () => {
    await registerAccount(registerSchema.parse(valid), '10.0.0.1');
    const user = (await getUserById(1))!;
    expect(user).not.toHaveProperty('passwordHash');
    expect(user.email).toBe('rita@example.org');
    expect(user.role).toBe('publisher');
    const org = db.select().from(organizations).get()!;
    expect(org).toMatchObject({ name: 'The Valley Post', type: 'commercial', domains: ['valleypost.example'] });
    // Whoever registers the organisation is its first owner (issue 14 item 4), unconfirmed until the link.
    expect(user).toMatchObject({ organizationId: org.id, orgRole: 'owner', emailVerifiedAt: null });
  });

  it('writes nothing more for a taken email whatever its case', async () => {
    await registerAccount(registerSchema.parse(valid), '10.0.0.1');
    await registerAccount(registerSchema.parse({ ...valid, email: 'RITA@EXAMPLE.ORG' }), '10.0.0.1');
    expect(rows()).toEqual({ users: 1, orgs: 1 });
  });

  it('reports malformed email, short password and missing fields at their fields', () => {
    const res = registerSchema.safeParse({
      ...valid,
      email: 'not-an-email',
      password: 'short',
      organizationName: '',
      organizationType: 'pirate',
      website: 'javascript:alert(1)',
    });
    expect(res.success).toBe(false);
    const errors = fieldErrors(res.error!);
    expect(Object.keys(errors).sort()).toEqual([
      'email',
      'organizationName',
      'organizationType',
      'password',
      'website',
    ]);
    expect(errors.password).toMatch(/10 characters/);
  });
});

describe('sign-in (authorize step)', () => {
  beforeEach(async () => {
    await registerAccount(registerSchema.parse(valid), '10.0.0.1');
  });

  it('accepts the right password, any email case', async () => {
    const user = await authorizeCredentials({ email: 'RITA@example.org', password: valid.password }, '10.0.0.1');
    expect(user.email).toBe('rita@example.org');
    expect(user).not.toHaveProperty('passwordHash');
  });

  it('gives one generic message for a wrong password and an unknown email', async () => {
    await expect(
      authorizeCredentials({ email: 'rita@example.org', password: 'wrong password' }, '10.0.0.2'),
    ).rejects.toThrow(GENERIC_LOGIN_ERROR);
    await expect(
      authorizeCredentials({ email: 'nobody@example.org', password: 'wrong password' }, '10.0.0.2'),
    ).rejects.toThrow(GENERIC_LOGIN_ERROR);
  });

  it('refuses disabled accounts with the same message', async () => {
    const { eq } = await import('drizzle-orm');
    db.update(users).set({ disabled: true }).where(eq(users.email, 'rita@example.org')).run();
    await expect(
      authorizeCredentials({ email: 'rita@example.org', password: valid.password }, '10.0.0.3'),
    ).rejects.toThrow(GENERIC_LOGIN_ERROR);
    expect(await getUserById(1)).toMatchObject({ disabled: true });
  });

  it('throttles an (email, address) pair after five failures, even with the right password', async () => {
    const email = 'tess@example.org';
    await registerAccount(registerSchema.parse({ ...valid, email }), '10.0.0.1');
    for (let i = 0; i < 5; i++) {
      await expect(authorizeCredentials({ email, password: `wrong-${i}-xxxx` }, '10.1.0.1')).rejects.toThrow(
        GENERIC_LOGIN_ERROR,
      );
    }
    await expect(authorizeCredentials({ email, password: valid.password }, '10.1.0.1')).rejects.toThrow(
      /Too many attempts, try again in 15 minutes/,
    );
  });
});
