import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, setDatabase, type Db } from '@/db/client';
import { authorizeCredentials, GENERIC_LOGIN_ERROR } from '@/lib/auth/authorize';
import { createUser } from '@/lib/auth/users';

// A database file, not :memory:, so that a "restart" (a new connection) can be tried.
let dir: string;
let db: Db;
const ADMIN = 'admin@desk.example';
const PASSWORD = 'the admin password';

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-lockout-'));
  db = openDatabase(path.join(dir, 'desk.db'));
  setDatabase(db);
  await createUser({ email: ADMIN, name: 'Admin', password: PASSWORD, role: 'admin' });
});
afterEach(() => {
  db.$client.close();
  setDatabase(undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

const attempt = (password: string, address: string) => authorizeCredentials({ email: ADMIN, password }, address);

async function fail(address: string, times: number) {
  for (let i = 0; i < times; i++) await attempt(`wrong guess ${i}`, address).catch(() => undefined);
}

describe('sign-in limits', { timeout: 60_000 }, () => {
  it('ten wrong passwords from A, B and C do not lock the owner out: the right one from D signs in', async () => {
    await fail('10.0.0.1', 5);
    await fail('10.0.0.2', 3);
    await fail('10.0.0.3', 2);
    const user = await attempt(PASSWORD, '10.0.0.4');
    expect(user.email).toBe(ADMIN);
  });

  it('blocks the (email, address) pair that keeps failing, even with the right password, and a restart keeps it', async () => {
    await fail('10.0.0.1', 5);
    await expect(attempt(PASSWORD, '10.0.0.1')).rejects.toThrow(/Too many attempts/);
    // A new connection to the same file, as after a restart or in a second server process.
    db.$client.close();
    db = openDatabase(path.join(dir, 'desk.db'));
    setDatabase(db);
    await expect(attempt(PASSWORD, '10.0.0.1')).rejects.toThrow(/Too many attempts/);
    expect((await attempt(PASSWORD, '10.0.0.9')).email).toBe(ADMIN);
  });

  it('blocks an address that fails across many accounts', async () => {
    for (let i = 0; i < 20; i++) {
      await authorizeCredentials({ email: `someone-${i}@example.org`, password: 'wrong guess xx' }, '10.9.9.9').catch(
        () => undefined,
      );
    }
    await expect(attempt(PASSWORD, '10.9.9.9')).rejects.toThrow(/Too many attempts/);
    expect((await attempt(PASSWORD, '10.0.0.4')).email).toBe(ADMIN);
  });

  it('slows guessing one email from addresses that have failed: a growing wait, not a lockout', async () => {
    for (let i = 0; i < 8; i++) await fail(`10.1.0.${i}`, 1);
    // 10.1.0.0 failed before: it must wait, and is told so instead of getting a verdict on its guess.
    await expect(attempt(PASSWORD, '10.1.0.0')).rejects.toThrow(/Too many attempts/);
    // A clean address gets an answer at once.
    await expect(attempt('another wrong one', '10.2.0.1')).rejects.toThrow(GENERIC_LOGIN_ERROR);
    expect((await attempt(PASSWORD, '10.2.0.2')).email).toBe(ADMIN);
  });
});
