import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { count, sql } from 'drizzle-orm';
import { openDatabase, setDatabase, type Db } from '@/db/client';
import { licenses, licenseRequests } from '@/db/schema';
import { transition } from '@/lib/requests/transition';
import { desk, submit } from '../helpers/requests';

// These run on a real database file with several connections, as separate server processes would.
let dir: string;
const connections: Db[] = [];
function fileDb(): { file: string; open: () => Db } {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-rel-'));
  const file = path.join(dir, 'desk.db');
  return {
    file,
    open: () => {
      const db = openDatabase(file);
      connections.push(db);
      return db;
    },
  };
}
afterEach(() => {
  for (const c of connections.splice(0)) c.$client.close();
  setDatabase(undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('reliability', () => {
  it('50 concurrent submissions with one idempotency key make one request', async () => {
    const { open } = fileDb();
    const pool = [open(), open(), open(), open(), open()];
    setDatabase(pool[0]);
    const d = desk(pool[0]!);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        submit(pool[i % pool.length]!, d.publisher, d.slugs, {
          idempotencyKey: 'one-key-for-all',
          duration: 'perpetual',
        }),
      ),
    );
    expect(new Set(results.map((r) => r.request.reference)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(pool[0]!.select({ n: count() }).from(licenseRequests).get()!.n).toBe(1);
  });

  it('50 concurrent approvals of one request make one licence', async () => {
    const { open } = fileDb();
    const pool = [open(), open(), open()];
    setDatabase(pool[0]);
    const d = desk(pool[0]!);
    const { request } = await submit(pool[0]!, d.publisher, d.slugs, { duration: 'perpetual' });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        transition(
          { reference: request.reference, action: 'approve', expectedVersion: request.version },
          d.staff,
          pool[i % pool.length],
        ),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(pool[1]!.select({ n: count() }).from(licenses).get()!.n).toBe(1);
  });

  it('npm run db:backup makes a copy that restores to a working desk', async () => {
    const { file, open } = fileDb();
    const db = open();
    setDatabase(db);
    const d = desk(db);
    const { request } = await submit(db, d.publisher, d.slugs);
    const out = path.join(dir, 'backup.db');
    const log = execFileSync(path.resolve('node_modules/.bin/tsx'), ['scripts/backup.ts', '--out', out], {
      env: { ...process.env, DATA_DIR: path.dirname(file) },
      encoding: 'utf8',
    });
    expect(log).toMatch(/integrity ok/);
    // Restore: the backup becomes the desk database of a fresh DATA_DIR.
    const restoredDir = path.join(dir, 'restored');
    fs.mkdirSync(restoredDir);
    fs.copyFileSync(out, path.join(restoredDir, 'desk.db'));
    const restored = openDatabase(path.join(restoredDir, 'desk.db'));
    connections.push(restored);
    expect(restored.get<{ integrity_check: string }>(sql`pragma integrity_check`)?.integrity_check).toBe('ok');
    expect(
      restored
        .select()
        .from(licenseRequests)
        .all()
        .map((r) => r.reference),
    ).toEqual([request.reference]);
    setDatabase(restored);
    const again = await submit(restored, d.publisher, d.slugs);
    expect(again.request.reference).not.toBe(request.reference);
  });
});
