import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { PublicUser } from '@/db/schema';
import { act, form } from '../helpers/session';

vi.mock('@/lib/auth/session', async () => (await import('../helpers/session')).mockSession());
vi.mock('next/cache', async (importOriginal) => (await import('../helpers/session')).mockCache(importOriginal));

const { adminAction, publicAction, publisherAction, staffAction, userAction } = await import('@/lib/actions/builders');
const { formFields } = await import('@/lib/actions/form-data');
const { AppError, REFUSED, conflict, invalid } = await import('@/lib/errors');
const { redirect } = await import('next/navigation');

// Accounts as currentUser() gives them (no session, no database: the builder only reads the role
// and the organisation).
const account = (role: PublicUser['role'], organizationId: number | null = null): PublicUser =>
  ({
    id: 1,
    email: `${role}@x.example`,
    name: role,
    role,
    organizationId,
    disabled: false,
    createdAt: '2026-01-01T00:00:00Z',
  }) as PublicUser;
const WHO = {
  visitor: null,
  'user without organisation': account('publisher'),
  publisher: account('publisher', 7),
  staff: account('staff'),
  admin: account('admin'),
} as const;
type Who = keyof typeof WHO;

const ran = vi.fn();
const schema = z.object({ name: z.string().min(1, 'Enter a name.') });
const BUILDERS = {
  public: publicAction(schema, (input) => void ran(input)),
  user: userAction(schema, (input) => void ran(input)),
  publisher: publisherAction(schema, (input) => void ran(input)),
  staff: staffAction(schema, (input) => void ran(input)),
  admin: adminAction(schema, (input) => void ran(input)),
};
const ALLOWED: Record<keyof typeof BUILDERS, Who[]> = {
  public: ['visitor', 'user without organisation', 'publisher', 'staff', 'admin'],
  user: ['user without organisation', 'publisher', 'staff', 'admin'],
  publisher: ['publisher'],
  staff: ['staff', 'admin'],
  admin: ['admin'],
};

describe('each builder refuses the levels below it, before running anything', () => {
  for (const [level, action] of Object.entries(BUILDERS) as [keyof typeof BUILDERS, (typeof BUILDERS)['public']][]) {
    for (const who of Object.keys(WHO) as Who[]) {
      const allowed = ALLOWED[level].includes(who);
      it(`${level}Action ${allowed ? 'runs' : 'refuses'} for a ${who}`, async () => {
        ran.mockClear();
        const state = await act(action, WHO[who], { name: 'Ann' });
        if (allowed) {
          expect(state).toEqual({ ok: true });
          expect(ran).toHaveBeenCalledOnce();
        } else {
          expect(state).toMatchObject({
            ok: false,
            code: who === 'visitor' ? 'unauthorized' : 'forbidden',
            errors: {},
          });
          expect(ran).not.toHaveBeenCalled();
        }
      });
    }
  }

  it('staff and admin actions give visitors the same plain refusal as other accounts', async () => {
    expect(await act(BUILDERS.staff, null, { name: 'x' })).toMatchObject({ message: REFUSED });
    expect(await act(BUILDERS.admin, WHO.staff, { name: 'x' })).toMatchObject({ message: REFUSED });
  });
});

describe('input', () => {
  it('invalid input: field messages, the form message, and what was typed (never a password)', async () => {
    const action = publicAction(
      z.object({ name: z.string().min(3, 'Too short.'), password: z.string() }),
      () => 'done',
    );
    expect(await act(action, null, { name: 'ab', password: 'secret-secret' })).toEqual({
      ok: false,
      code: 'invalid',
      errors: { name: 'Too short.' },
      message: 'Please correct the marked fields.',
      values: { name: 'ab' },
    });
  });

  it('FormData becomes a prototype-less object: __proto__, constructor and prototype are never assigned', async () => {
    const fd = form({ name: 'Ann', __proto__: 'x', constructor: 'y', prototype: 'z', $ACTION_ID_abc: '' });
    fd.append('__proto__', 'again');
    const fields = formFields(fd);
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect(Object.keys(fields)).toEqual(['name']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    let seen: unknown;
    await act(
      publicAction(z.object({ name: z.string() }).passthrough(), (input) => void (seen = input)),
      null,
      fd,
    );
    expect(seen).toEqual({ name: 'Ann' });
  });

  it('a repeated name is a list, a single one a string', () => {
    expect({ ...formFields(form({ uses: ['web', 'print'], one: 'x' })) }).toEqual({ uses: ['web', 'print'], one: 'x' });
  });
});

describe('errors and results', () => {
  it('a domain error keeps its code, message and field messages', async () => {
    const fails = (e: Error) =>
      publicAction(schema, () => {
        throw e;
      });
    expect(await act(fails(conflict('Someone else got there first.')), null, { name: 'a' })).toMatchObject({
      ok: false,
      code: 'conflict',
      message: 'Someone else got there first.',
      values: { name: 'a' },
    });
    expect(await act(fails(invalid({ name: 'Taken.' }, 'Pick another.')), null, { name: 'a' })).toMatchObject({
      code: 'invalid',
      errors: { name: 'Taken.' },
      message: 'Pick another.',
    });
    expect(await act(fails(new AppError('not_found', 'Request not found.')), null, { name: 'a' })).toMatchObject({
      code: 'not_found',
      message: 'Request not found.',
    });
  });

  it('an unexpected error is logged once and answered with the action’s own sentence', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const action = publicAction(
      schema,
      () => {
        throw new Error('SQLITE_BUSY');
      },
      { failure: 'Could not save.' },
    );
    expect(await act(action, null, { name: 'a' })).toEqual({
      ok: false,
      code: 'error',
      errors: {},
      message: 'Could not save.',
      values: { name: 'a' },
    });
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it('redirect() goes through (Next handles it), and nothing is revalidated', async () => {
    const revalidate = vi.fn();
    const action = publicAction(schema, () => redirect('/somewhere'), { revalidate });
    await expect(act(action, null, { name: 'a' })).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT/),
    });
    expect(revalidate).not.toHaveBeenCalled();
  });

  it('a message, or a message with extras, on success; revalidation with the input and result', async () => {
    const revalidate = vi.fn();
    const action = publicAction(schema, (input) => ({ message: `Hello ${input.name}.`, extra: 1 }), { revalidate });
    expect(await act(action, null, { name: 'Ann' })).toEqual({ ok: true, message: 'Hello Ann.', extra: 1 });
    expect(revalidate).toHaveBeenCalledWith({ name: 'Ann' }, { message: 'Hello Ann.', extra: 1 });
  });

  it('plain-argument actions validate their arguments and answer the fallback otherwise', async () => {
    const search = publicAction.call(z.tuple([z.string().max(5)]), ([q]) => [q.toUpperCase()], [] as string[]);
    expect(await search('abc')).toEqual(['ABC']);
    expect(await search('too long')).toEqual([]);
    expect(await search(42)).toEqual([]);
    const staffOnly = staffAction.call(z.tuple([]), () => 'secret', 'refused');
    expect(await staffOnly()).toBe('refused');
  });
});
