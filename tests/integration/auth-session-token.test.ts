import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encode } from 'next-auth/jwt';
import { freshDb } from '../helpers/db';
import { makeOrg, makeUser } from '../helpers/factories';

process.env.NEXTAUTH_URL ??= 'http://localhost:3000';

// Pages read the session through sessionToken()/currentUser() (lib/auth/session-token.ts), not
// next-auth's route: a real encrypted JWT in the cookie jar, decoded by the real code.
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock('next/headers', async () => ({
  headers: async () => new Headers(),
  cookies: async () => ({
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
  }),
}));

const { currentUser } = await import('@/lib/auth/session');
const { authSecret } = await import('@/lib/auth/secret');
const { createSession, revokeSession } = await import('@/lib/auth/sessions');

const COOKIE = 'next-auth.session-token';
let lines: string[];
beforeEach(() => {
  jar.clear();
  lines = [];
  for (const level of ['error', 'warn', 'log'] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => lines.push(args.map(String).join(' ')));
});
afterEach(() => vi.restoreAllMocks());

describe('the session a page reads', () => {
  it('is the live session row’s user; a revoked row signs nobody in', async () => {
    const db = freshDb();
    const user = makeUser(db, { organizationId: makeOrg(db).id });
    const sid = createSession(user.id, 'test', db);
    jar.set(COOKIE, await encode({ token: { uid: user.id, role: user.role, sid }, secret: authSecret() }));
    expect((await currentUser())?.id).toBe(user.id);
    revokeSession(sid, db);
    expect(await currentUser()).toBeNull();
  });

  it('a forged cookie is nobody, logged as one short line without a stack', async () => {
    freshDb();
    jar.set(COOKIE, 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.forged.forged.forged.forged');
    expect(await currentUser()).toBeNull();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[auth\] JWT_SESSION_ERROR/);
    expect(lines[0]).not.toMatch(/\n|\bat /);
  });
});
