import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
// next-auth's request core (what its route handler calls), reached by path: the package does not export it.
import { AuthHandler } from '../../node_modules/next-auth/core';
import { freshDb } from '../helpers/db';
import { authOptions } from '@/lib/auth/options';

// Every console line the handler writes, as printed (a multi-line argument counts per line).
// Set as a deployment sets it; without it next-auth warns once about the missing URL.
process.env.NEXTAUTH_URL ??= 'http://localhost:3000';
let lines: string[];
beforeEach(() => {
  freshDb();
  lines = [];
  for (const level of ['error', 'warn', 'log', 'info', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(
        ...args
          .map((a) => (a instanceof Error ? String(a.stack) : typeof a === 'string' ? a : JSON.stringify(a)))
          .join(' ')
          .split('\n'),
      );
    });
  }
});
afterEach(() => vi.restoreAllMocks());

function sessionWithCookie(token: string) {
  return AuthHandler({
    req: {
      action: 'session',
      method: 'GET',
      origin: 'http://localhost:3000',
      headers: {},
      cookies: { 'next-auth.session-token': token },
    },
    options: authOptions,
  });
}

describe('a forged session cookie', () => {
  it('is refused and logged as one line, without a stack trace', async () => {
    const res = await sessionWithCookie('eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.forged.forged.forged.forged');
    expect(res.body).toEqual({});
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/JWT_SESSION_ERROR/);
    expect(lines[0]).not.toMatch(/\bat /);
  });

  it('a thousand of them write a thousand short lines', async () => {
    for (let i = 0; i < 1000; i++) await sessionWithCookie(`garbage-${i}`);
    expect(lines).toHaveLength(1000);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(300);
  });
});
