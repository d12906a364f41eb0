import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb } from '../helpers/db';
import { makeUser } from '../helpers/factories';
import { desk, submit } from '../helpers/requests';
import type { PublicUser } from '@/db/schema';
import type { Db } from '@/db/client';

// Server actions are public endpoints: whoever calls them, they must check the session
// themselves. Here the session is whoever `who.current` is (the JWT decoding is replaced, the
// account checks are the real ones), and every exported action under app/(site)/admin is called.
const who = vi.hoisted(() => ({ current: null as PublicUser | null }));
vi.mock('@/lib/auth/session', async () => ({ currentUser: async () => who.current }));
vi.mock('next/cache', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  revalidatePath: () => {},
  refresh: () => {},
  updateTag: () => {},
  revalidateTag: () => {},
}));

const { toPublicUser } = await import('@/lib/auth/users');
const { rateCardFormValues } = await import('@/lib/rate-card/schema');
const { DEFAULT_RATE_CARD } = await import('@/lib/quote');
const { REFUSED } = await import('@/lib/errors');

type AnyAction = (...args: unknown[]) => Promise<unknown>;
// Every server-action module under app/(site)/admin, found by its directive (not its file name).
const sources = import.meta.glob<string>('/app/\\(site\\)/admin/**/*.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const allModules = import.meta.glob<Record<string, unknown>>('/app/\\(site\\)/admin/**/*.ts');
const modules = Object.fromEntries(
  Object.entries(allModules).filter(([path]) => /^['"]use server['"]/.test(sources[path]!.trimStart())),
);

let db: Db;
let d: ReturnType<typeof desk>;
let admin: PublicUser;
let target: PublicUser;
let reference: string;
let version: number;
beforeEach(async () => {
  db = freshDb();
  d = desk(db);
  admin = toPublicUser(makeUser(db, { role: 'admin' }));
  target = toPublicUser(makeUser(db, { role: 'staff' }));
  const req = (await submit(db, d.publisher, d.slugs, { duration: 'perpetual' })).request;
  reference = req.reference;
  version = req.version;
});

/** Fields that make every desk action valid, so a refusal can only come from the role check. */
function kitchenSink(): FormData {
  const f = new FormData();
  const fields: Record<string, string> = {
    reference,
    action: 'approve',
    version: String(version),
    note: 'A note',
    body: 'A message',
    id: '1',
    userId: String(target.id),
    role: 'admin',
    disabled: 'true',
    name: 'New Person',
    email: `new-${Date.now()}@desk.example`,
    generate: 'on',
    autoApprovalEnabled: 'on',
    autoApprovalFeeLimit: '10',
    autoApprovalUses: 'web',
    deskEmail: 'desk@x.example',
    publisherName: 'P',
    publisherUrl: 'https://p.example',
    paymentRequiredAbove: '',
    agencies: 'AFP',
    pixelSampleDays: '30',
    sellerLegalName: 'Harbour Ledger Media Ltd',
    sellerAddress: '1 Quay Street',
    sellerCountry: 'GB',
    sellerVatNumber: 'GB123456789',
    bankDetails: 'Sort code: 00-00-00',
    paymentTermsDays: '30',
    vatRateMilli: '20',
    ...rateCardFormValues({ ...DEFAULT_RATE_CARD, minimum: 9900 }),
  };
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

const changes = () => (db.$client.prepare('select total_changes() as n').get() as { n: number }).n;
const isRefusalThrow = (e: unknown) => {
  const digest = String((e as { digest?: string })?.digest ?? (e as Error)?.message ?? '');
  return /NEXT_HTTP_ERROR_FALLBACK;40[34]|NEXT_REDIRECT/.test(digest) || (e as Error)?.name === 'ForbiddenError';
};

async function call(fn: AnyAction) {
  try {
    return { result: await (fn.length >= 2 ? fn(null, kitchenSink()) : fn(kitchenSink())) };
  } catch (e) {
    return { thrown: e };
  }
}

async function allActions(): Promise<[string, AnyAction][]> {
  const out: [string, AnyAction][] = [];
  for (const [path, load] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(await load()))
      if (typeof value === 'function') out.push([`${path} ${name}`, value as AnyAction]);
  }
  return out;
}

describe('every server action under app/(site)/admin', () => {
  it('finds them all, whatever their file name', () => {
    expect(Object.keys(modules)).toEqual(
      expect.arrayContaining([
        '/app/(site)/admin/articles/notice-actions.ts',
        '/app/(site)/admin/invoices/actions.ts',
        '/app/(site)/admin/requests/[ref]/actions.ts',
      ]),
    );
    expect(Object.keys(modules).length).toBeGreaterThanOrEqual(8);
  });

  for (const [label, user] of [
    ['a publisher', () => d.publisher],
    ['a visitor', () => null],
  ] as const) {
    it(`refuses ${label} and changes nothing`, async () => {
      const actions = await allActions();
      expect(actions.length).toBeGreaterThanOrEqual(8);
      for (const [name, fn] of actions) {
        who.current = user();
        const before = changes();
        const r = await call(fn);
        expect(changes(), `${name} wrote to the database`).toBe(before);
        if ('thrown' in r) expect(isRefusalThrow(r.thrown), `${name} threw ${String(r.thrown)}`).toBe(true);
        else expect(r.result, name).toMatchObject({ ok: false });
      }
      who.current = null;
    });
  }

  it('staff are refused the admin-only actions (users, settings)', async () => {
    for (const [name, fn] of await allActions()) {
      if (!/\/(users|settings)\//.test(name)) continue;
      who.current = d.staff;
      const before = changes();
      const r = await call(fn);
      expect(changes(), name).toBe(before);
      expect('thrown' in r ? isRefusalThrow(r.thrown) : (r.result as { ok: boolean }).ok === false, name).toBe(true);
    }
    who.current = null;
  });

  it('the same calls work for the right role (the refusals above are the role check, not bad input)', async () => {
    const mine = (await allActions()).filter(([n]) =>
      /\/(requests\/\[ref\]|rate-card|settings|users|outbox)\/actions\.ts /.test(n),
    );
    expect(mine.length).toBeGreaterThanOrEqual(7);
    for (const [name, fn] of mine) {
      if (/retryMailAction|retryWebhookAction/.test(name)) continue; // needs a failed mail or delivery: admin-desk.test.ts, webhooks.test.ts
      if (/revokeStaffInvitationAction/.test(name)) continue; // needs an invitation; covered in admin-users.test.ts
      db = freshDb();
      d = desk(db);
      admin = toPublicUser(makeUser(db, { role: 'admin' }));
      target = toPublicUser(makeUser(db, { role: 'staff' }));
      const req = (await submit(db, d.publisher, d.slugs, { duration: 'perpetual' })).request;
      reference = req.reference;
      version = req.version;
      who.current = admin;
      const r = await call(fn);
      expect('result' in r ? r.result : r.thrown, name).toMatchObject({ ok: true });
    }
    who.current = null;
  });

  it('refusals say so plainly', async () => {
    const { decideAction } = (await modules['/app/(site)/admin/requests/[ref]/actions.ts']!()) as {
      decideAction: AnyAction;
    };
    who.current = d.publisher;
    expect(await decideAction(null, kitchenSink())).toEqual({
      ok: false,
      code: 'forbidden',
      errors: {},
      message: REFUSED,
    });
    who.current = null;
  });
});
