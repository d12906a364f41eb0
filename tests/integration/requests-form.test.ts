import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { licenseRequests, outbox } from '@/db/schema';
import { toPublicUser } from '@/lib/auth/users';
import { listOrgRequests } from '@/lib/requests/queries';
import { ONLY_PUBLISHERS, requestForm, requestFormInvalid, requestFormValues } from '@/lib/requests/submit-form';
import { formFields } from '@/lib/actions/form-data';
import { isAppError } from '@/lib/errors';
import { submitRequest } from '@/lib/requests/create';
import { submitRequestAction } from '@/app/(site)/republish/actions';
import type { PublicUser } from '@/db/schema';
import { freshDb } from '../helpers/db';
import { act } from '../helpers/session';
import { makeArticle, makeOrg, makeUser } from '../helpers/factories';
import { desk, tomorrow } from '../helpers/requests';

vi.mock('@/lib/auth/session', async () => (await import('../helpers/session')).mockSession());
vi.mock('next/cache', async (importOriginal) => (await import('../helpers/session')).mockCache(importOriginal));

let db: Db;
let d: ReturnType<typeof desk>;
beforeEach(() => {
  db = freshDb();
  d = desk(db);
  vi.spyOn(console, 'log').mockImplementation(() => {});
});

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

function form(over: Record<string, string | string[] | undefined> = {}) {
  const fields: Record<string, string | string[] | undefined> = {
    article: d.slugs,
    use: 'web',
    audience: '25,000',
    territory: 'country',
    territoryDetail: 'United Kingdom',
    duration: '1y',
    startDate: tomorrow(),
    portion: 'full',
    publicationName: 'The Test Times',
    publicationUrl: 'https://testtimes.example/news',
    notes: '',
    acceptTerms: 'on',
    idempotencyKey: randomUUID(),
    ...over,
  };
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields))
    for (const item of v === undefined ? [] : Array.isArray(v) ? v : [v]) fd.append(k, item);
  return fd;
}

/**
 * The submit action's steps after the session check (fields → schema → submitRequest), returning
 * what the action decides on before it redirects: the reference and whether it was a repeat.
 * The action itself (refusals, redirect) is called through act() below.
 */
async function submitRequestForm(fd: FormData, user: PublicUser) {
  const fields = formFields(fd);
  const values = requestFormValues(fields);
  const parsed = requestForm.safeParse(fields);
  if (!parsed.success) return { ok: false as const, values, ...requestFormInvalid(parsed.error) };
  try {
    const { request, duplicate } = await submitRequest(parsed.data, user);
    return { ok: true as const, reference: request.reference, status: request.status, duplicate };
  } catch (e) {
    if (isAppError(e)) return { ok: false as const, values, message: e.message, errors: e.fields };
    throw e;
  }
}

const requestCount = () => db.select({ n: count() }).from(licenseRequests).get()!.n;
const mailCount = () => db.select({ n: count() }).from(outbox).get()!.n;

describe('submitting the request form', () => {
  it('stores a two-article request the organisation then finds, at the server-computed fee', async () => {
    const res = await submitRequestForm(form(), d.publisher);
    expect(res).toMatchObject({ ok: true, status: 'submitted', duplicate: false });
    const { rows } = await listOrgRequests(d.org.id, {});
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reference: res.ok && res.reference, quoteTotal: 27000, status: 'submitted' });
    expect(rows[0]!.articles.map((a) => a.slug)).toEqual(d.slugs);
  });

  it('prices with the organisation’s type, ignoring any licensee type or total sent with the form', async () => {
    const np = makeOrg(db, { type: 'non-profit' });
    const user = toPublicUser(makeUser(db, { organizationId: np.id }));
    const res = await submitRequestForm(form({ licenseeType: 'commercial', total: '1', quoteTotal: '1' }), user);
    expect(res.ok).toBe(true);
    const { rows } = await listOrgRequests(np.id, {});
    // £270 × 0.5 = £135: under the auto-approval limit, so it is approved at once.
    expect(rows[0]).toMatchObject({ quoteTotal: 13500, agreedFee: 13500, status: 'approved' });
    const commercial = await submitRequestForm(form({ licenseeType: 'non-profit', total: '1' }), d.publisher);
    expect(commercial.ok && (await listOrgRequests(d.org.id, {}, db)).rows[0]!.quoteTotal).toBe(27000);
  });

  it('reports every bad field at once, keeps the input and writes nothing', async () => {
    const res = await act(
      submitRequestAction,
      d.publisher,
      form({
        audience: '-3',
        publicationName: '  ',
        publicationUrl: 'javascript:alert(1)',
        territoryDetail: '',
        startDate: yesterday(),
        translation: 'on',
        translationLanguage: '',
        acceptTerms: undefined,
        use: 'billboard',
        notes: 'Please hurry',
      }),
    );
    expect(res?.ok).toBe(false);
    if (!res || res.ok) return;
    expect(Object.keys(res.errors).sort()).toEqual([
      'acceptTerms',
      'audience',
      'publicationName',
      'publicationUrl',
      'startDate',
      'territoryDetail',
      'translationLanguage',
      'use',
    ]);
    expect(res.errors.publicationUrl).toMatch(/http/);
    expect(res.errors.startDate).toMatch(/past/);
    expect(res.errors.territoryDetail).toBe('Which country?');
    expect(res.values).toMatchObject({
      audience: '-3',
      publicationUrl: 'javascript:alert(1)',
      notes: 'Please hurry',
      articles: d.slugs.join(','),
      translation: 'on',
    });
    expect(requestCount()).toBe(0);
    expect(mailCount()).toBe(0);
  });

  it('asks which region for a regional licence, and nothing for a worldwide one', async () => {
    const region = await submitRequestForm(form({ territory: 'region', territoryDetail: '' }), d.publisher);
    expect(!region.ok && region.errors.territoryDetail).toBe('Which region?');
    expect((await submitRequestForm(form({ territory: 'worldwide', territoryDetail: '' }), d.publisher)).ok).toBe(true);
  });

  it('wants the audience as a positive whole number', async () => {
    for (const [audience, msg] of [
      ['2.5', /whole number/],
      ['lots', /whole number/],
      ['', /whole number/],
      ['0', /at least 1/],
    ] as const) {
      const res = await submitRequestForm(form({ audience }), d.publisher);
      expect(!res.ok && res.errors.audience).toMatch(msg);
    }
    expect(requestCount()).toBe(0);
  });

  it('refuses unlicensable and unknown articles by name, and more than twenty', async () => {
    makeArticle(db, { slug: 'wire-copy', title: 'Wire copy', rightsStatus: 'syndicated_in' });
    const res = await submitRequestForm(form({ article: ['first-story', 'wire-copy', 'made-up'] }), d.publisher);
    expect(!res.ok && res.errors.articles).toMatch(/Wire copy.*syndicated.*made-up/s);
    const none = await submitRequestForm(form({ article: [] }), d.publisher);
    expect(!none.ok && none.errors.articles).toMatch(/at least one/);
    const many = await submitRequestForm(
      form({ article: Array.from({ length: 21 }, (_, i) => `story-${i}`) }),
      d.publisher,
    );
    expect(!many.ok && many.errors.articles).toMatch(/At most 20/);
    expect(requestCount()).toBe(0);
  });

  it('makes one request from repeated submissions of one form', async () => {
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => submitRequestForm(form({ idempotencyKey: key }), d.publisher)),
    );
    const refs = new Set(results.map((r) => r.ok && r.reference));
    expect(refs.size).toBe(1);
    expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
    const again = await submitRequestForm(form({ idempotencyKey: key }), d.publisher);
    expect(again).toMatchObject({ ok: true, duplicate: true });
    expect(requestCount()).toBe(1);
  });

  it('a form without its key is refused as expired', async () => {
    const res = await act(submitRequestAction, d.publisher, form({ idempotencyKey: undefined }));
    expect(res).toMatchObject({ ok: false, message: expect.stringMatching(/expired/) });
    expect(requestCount()).toBe(0);
  });

  it('only publishers with an organisation can submit', async () => {
    expect(await act(submitRequestAction, d.staff, form())).toMatchObject({ ok: false, message: ONLY_PUBLISHERS });
    expect(await act(submitRequestAction, null, form())).toMatchObject({
      ok: false,
      message: expect.stringMatching(/sign in/),
    });
    const loner = toPublicUser(makeUser(db, { organizationId: null }));
    expect((await act(submitRequestAction, loner, form()))?.ok).toBe(false);
    expect(requestCount()).toBe(0);
  });

  it('the action stores the request and shows it (a redirect, which the builder lets through)', async () => {
    const thrown = await act(submitRequestAction, d.publisher, form()).then(
      () => null,
      (e: { digest?: string }) => e,
    );
    const ref = db.select().from(licenseRequests).get()!.reference;
    expect(thrown?.digest).toMatch(new RegExp(`^NEXT_REDIRECT;.*;/account/requests/${ref}\\?received=1;`));
  });

  it('the action keeps what was typed when a field is wrong', async () => {
    const res = await act(submitRequestAction, d.publisher, form({ publicationName: ' ' }));
    expect(res).toMatchObject({
      ok: false,
      code: 'invalid',
      errors: { publicationName: expect.any(String) },
      values: { articles: d.slugs.join(','), publicationName: ' ' },
    });
  });
});
