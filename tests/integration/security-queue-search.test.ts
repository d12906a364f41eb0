import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../helpers/db';
import { desk, submit } from '../helpers/requests';
import { requestsCsv } from '@/lib/requests/csv';
import { listQueue } from '@/lib/requests/queue';
import { parseQueueFilters } from '@/lib/validation/admin-queue';
import type { Db } from '@/db/client';

// Found by tests/e2e/security-matrix.spec.ts: a queue search matching no organisation on the
// default (open) view was a 500 ("no query solution": the open view names its index).
let db: Db;
let d: ReturnType<typeof desk>;
beforeEach(() => {
  db = freshDb();
  d = desk(db);
});

async function csv(p: Record<string, string>): Promise<string> {
  let out = '';
  for await (const chunk of requestsCsv(parseQueueFilters(p), db)) out += chunk;
  return out;
}

describe('queue search with words that match nothing, or hostile ones', () => {
  for (const q of ['"', 'no such outlet', "' OR '1'='1", '%', '_', '\\', '🙂', 'NEAR', '*']) {
    it(`q=${JSON.stringify(q)}: an empty page in every view, not an error`, async () => {
      await submit(db, d.publisher, d.slugs, { duration: 'perpetual' });
      for (const status of ['open', 'all', 'submitted', 'approved']) {
        const page = await listQueue(parseQueueFilters({ q, status }), db);
        expect(page.rows, `${status}`).toEqual([]);
        expect((await csv({ q, status })).split('\r\n').filter(Boolean)).toHaveLength(1);
      }
    });
  }

  it('the same search still finds what it should', async () => {
    const { request } = await submit(db, d.publisher, d.slugs, { duration: 'perpetual' });
    const name = d.org.name.slice(0, 6);
    expect((await listQueue(parseQueueFilters({ q: name }), db)).rows.map((r) => r.reference)).toEqual([
      request.reference,
    ]);
    expect(
      (await listQueue(parseQueueFilters({ q: request.reference.toLowerCase() }), db)).rows.map((r) => r.reference),
    ).toEqual([request.reference]);
  });
});
