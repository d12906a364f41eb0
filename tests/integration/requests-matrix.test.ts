import { beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshDb } from '../helpers/db';
import { desk, submit } from '../helpers/requests';
import { licenses, licenseRequests, REQUEST_STATUSES, requestEvents, type RequestStatus } from '@/db/schema';
import { ACTIONS, canTake, type Action } from '@/lib/requests/machine';
import { transition } from '@/lib/requests/transition';
import type { Db } from '@/db/client';

let db: Db;
let d: ReturnType<typeof desk>;
beforeAll(() => {
  db = freshDb();
  d = desk(db);
});

/** A request forced into `status` (perpetual, so it is never auto-approved). */
async function requestIn(status: RequestStatus) {
  const { request } = await submit(db, d.publisher, d.slugs, { duration: 'perpetual' });
  return db
    .update(licenseRequests)
    .set({ status, counterFee: status === 'countered' ? 9900 : null })
    .where(eq(licenseRequests.id, request.id))
    .returning()
    .get();
}

const actorFor = (action: Action) =>
  ACTIONS[action].by === 'staff' ? d.staff : ACTIONS[action].by === 'publisher' ? d.publisher : null;
const events = (id: number) =>
  db.select().from(requestEvents).where(eq(requestEvents.requestId, id)).orderBy(requestEvents.id).all();

const cases = (Object.keys(ACTIONS) as Action[]).flatMap((action) =>
  REQUEST_STATUSES.map((status) => ({ action, status, legal: canTake(action, status) })),
);

describe('every action from every status', () => {
  it.each(cases.filter((c) => c.legal))('$action from $status → allowed', async ({ action, status }) => {
    const req = await requestIn(status);
    const before = events(req.id).length;
    const { request } = await transition(
      {
        reference: req.reference,
        action,
        expectedVersion: req.version,
        note: 'A reason',
        fee: action === 'counter' ? 1000 : undefined,
      },
      actorFor(action),
      db,
    );
    expect(request.status).toBe(ACTIONS[action].to);
    expect(request.version).toBe(req.version + 1);
    const added = events(req.id).slice(before);
    expect(added.at(-1)).toMatchObject({ action, toStatus: ACTIONS[action].to, note: 'A reason' });
    // Staff acting on a fresh request first take it into review.
    if (ACTIONS[action].by === 'staff' && status === 'submitted' && action !== 'start_review') {
      expect(added.map((e) => `${e.fromStatus}→${e.toStatus}`)).toEqual([
        'submitted→in_review',
        `in_review→${ACTIONS[action].to}`,
      ]);
    } else {
      expect(added).toHaveLength(1);
    }
  });

  it.each(cases.filter((c) => !c.legal))(
    '$action from $status → refused, nothing written',
    async ({ action, status }) => {
      const req = await requestIn(status);
      const before = events(req.id).length;
      const licencesBefore = db.select({ n: count() }).from(licenses).get()!.n;
      await expect(
        transition(
          { reference: req.reference, action, expectedVersion: req.version, note: 'A reason', fee: 1000 },
          actorFor(action),
          db,
        ),
      ).rejects.toMatchObject({ code: 'illegal_transition' });
      expect(db.select().from(licenseRequests).where(eq(licenseRequests.id, req.id)).get()).toMatchObject({
        status,
        version: req.version,
      });
      expect(events(req.id)).toHaveLength(before);
      expect(db.select({ n: count() }).from(licenses).get()!.n).toBe(licencesBefore);
    },
  );

  it('the illegal-transition message names the action and the status', async () => {
    const req = await requestIn('approved');
    await expect(
      transition({ reference: req.reference, action: 'reject', expectedVersion: req.version, note: 'x' }, d.staff, db),
    ).rejects.toThrow('Cannot reject a request that is approved.');
  });

  it.each(Object.keys(ACTIONS) as Action[])('%s by the wrong kind of actor → forbidden', async (action) => {
    const from = ACTIONS[action].from[0];
    const req = await requestIn(from);
    const wrong =
      ACTIONS[action].by === 'staff'
        ? [d.publisher, null]
        : ACTIONS[action].by === 'publisher'
          ? [d.staff, null]
          : [d.staff, d.publisher];
    for (const actor of wrong) {
      await expect(
        transition({ reference: req.reference, action, expectedVersion: req.version, note: 'x', fee: 1000 }, actor, db),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(db.select().from(licenseRequests).where(eq(licenseRequests.id, req.id)).get()?.status).toBe(from);
  });
});

describe('decision time', () => {
  it('revoking or expiring a licence keeps the time the request was decided', async () => {
    for (const end of ['revoke', 'expire'] as const) {
      const req = await requestIn('in_review');
      const approved = await transition(
        { reference: req.reference, action: 'approve', expectedVersion: req.version },
        d.staff,
        db,
      );
      expect(approved.request.decidedAt).toBeTruthy();
      await new Promise((r) => setTimeout(r, 5));
      const after = await transition(
        { reference: req.reference, action: end, expectedVersion: approved.request.version, note: 'Reason' },
        end === 'revoke' ? d.staff : null,
        db,
      );
      expect(after.request.decidedAt).toBe(approved.request.decidedAt);
    }
  });
});
