import { beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshDb } from '../helpers/db';
import { accountTokens, licenseRequests, organizations, outbox, users } from '@/db/schema';
import { registerSchema } from '@/lib/validation/auth';
import type { Db } from '@/db/client';
import * as register from '@/lib/auth/register';
import * as verification from '@/lib/auth/email-verification';
import { toPublicUser } from '@/lib/auth/users';
import { catalogueRequestSchema } from '@/lib/catalogue-licences/form';
import { submitCatalogueRequest, submitRequest } from '@/lib/requests/create';
import { makeArticle, makeOrg, makeUser } from '../helpers/factories';
import { formFor, tomorrow } from '../helpers/requests';

const valid = {
  name: 'Rita Reporter',
  email: 'rita@example.org',
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

const input = (over: Partial<typeof valid> = {}) => registerSchema.parse({ ...valid, ...over });
const mails = () => db.select().from(outbox).all();
const tokenFrom = (text: string) => /verify-email\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe('registration without account enumeration', () => {
  it('answers a new and an existing email exactly alike; the owner is told by mail', async () => {
    const first = await register.registerAccount(input(), '10.0.0.1', db);
    expect(verification.verifyEmailToken(tokenFrom(mails()[0]!.text)!, db)).toBe('verified');
    const again = await register.registerAccount(
      input({ email: 'RITA@example.org', name: 'Mallory', organizationName: 'Other' }),
      '10.0.0.2',
      db,
    );
    expect(again).toEqual(first);
    expect(first).toEqual({ ok: true, message: register.REGISTERED_MESSAGE });
    expect(db.select({ n: count() }).from(users).get()!.n).toBe(1);
    expect(db.select({ n: count() }).from(organizations).get()!.n).toBe(1);
    const [verify, attempt] = mails();
    expect(verify).toMatchObject({ to: 'rita@example.org', kind: 'email_verification' });
    expect(verify!.html).toContain('<a href="http://');
    expect(tokenFrom(verify!.text)).toBeTruthy();
    expect(attempt).toMatchObject({ to: 'rita@example.org', kind: 'registration_attempt' });
    expect(attempt!.text).toMatch(/someone tried to register/i);
    expect(tokenFrom(attempt!.text)).toBeUndefined();
  });

  it('an owner who never confirmed gets a fresh link instead; the answer is the same', async () => {
    const first = await register.registerAccount(input(), '10.0.0.1', db);
    expect(await register.registerAccount(input(), '10.0.0.2', db)).toEqual(first);
    expect(mails().map((m) => m.kind)).toEqual(['email_verification', 'email_verification']);
  });

  it('a new account starts unverified; only a hash of the token is stored', async () => {
    await register.registerAccount(input(), '10.0.0.1', db);
    const user = db.select().from(users).get()!;
    expect(user.emailVerifiedAt).toBeNull();
    const token = tokenFrom(mails()[0]!.text)!;
    const row = db.select().from(accountTokens).get()!;
    expect(row.tokenHash).not.toContain(token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('limits registrations per address', async () => {
    for (let i = 0; i < register.REGISTRATIONS_PER_HOUR; i++) {
      expect(await register.registerAccount(input({ email: `r${i}@example.org` }), '10.0.0.9', db)).toMatchObject({
        ok: true,
      });
    }
    const refused = await register.registerAccount(input({ email: 'one-more@example.org' }), '10.0.0.9', db);
    expect(refused).toMatchObject({ ok: false });
    expect(db.select().from(users).where(eq(users.email, 'one-more@example.org')).get()).toBeUndefined();
    expect(await register.registerAccount(input({ email: 'elsewhere@example.org' }), '10.0.0.10', db)).toMatchObject({
      ok: true,
    });
  }, 60_000);
});

describe('the verification link', () => {
  async function registered() {
    await register.registerAccount(input(), '10.0.0.1', db);
    return tokenFrom(mails()[0]!.text)!;
  }

  it('verifies once; reused it says so', async () => {
    const token = await registered();
    expect(verification.verifyEmailToken(token, db)).toBe('verified');
    expect(db.select().from(users).get()!.emailVerifiedAt).not.toBeNull();
    expect(verification.verifyEmailToken(token, db)).toBe('used');
  });

  it('refuses an expired token and a wrong one', async () => {
    const token = await registered();
    expect(verification.verifyEmailToken(`${token.slice(0, -2)}xx`, db)).toBe('invalid');
    expect(verification.verifyEmailToken('', db)).toBe('invalid');
    expect(verification.verifyEmailToken(token, db, Date.now() + 24 * 3600_000 + 1000)).toBe('expired');
    expect(db.select().from(users).get()!.emailVerifiedAt).toBeNull();
  });

  it('send the link again: a new mail, rate limited', async () => {
    await registered();
    const user = db.select().from(users).get()!;
    expect(await verification.resendVerification(user, '10.0.0.1', db)).toMatchObject({ ok: true });
    expect(mails().filter((m) => m.kind === 'email_verification')).toHaveLength(2);
    for (let i = 0; i < 5; i++) await verification.resendVerification(user, '10.0.0.1', db);
    expect(await verification.resendVerification(user, '10.0.0.1', db)).toMatchObject({ ok: false });
    expect(mails().filter((m) => m.kind === 'email_verification').length).toBeLessThanOrEqual(
      1 + verification.RESENDS_PER_HOUR,
    );
  });
});

describe('an unverified publisher cannot submit', () => {
  it('a request and a catalogue-licence request are refused with the reason, nothing is stored; once confirmed both go through', async () => {
    const { UNVERIFIED_MESSAGE } = verification;
    makeArticle(db, { slug: 'verified-only', section: 'News' });
    const row = makeUser(db, { organizationId: makeOrg(db).id, verified: false });
    const user = toPublicUser(row);
    const form = formFor(['verified-only']);
    const catalogue = catalogueRequestSchema.parse({
      options: {
        selection: { sections: ['News'], tags: [], from: null, to: null, ongoing: false },
        use: 'ai-input',
        territory: 'worldwide',
        duration: '1y',
      },
      publicationName: 'Answer Engine',
      startDate: tomorrow(),
      acceptTerms: true,
      idempotencyKey: crypto.randomUUID(),
    });
    // The rule lives in submitRequest and submitCatalogueRequest, so the forms and POST /api/requests all meet it.
    await expect(submitRequest(form, user, db)).rejects.toMatchObject({
      code: 'forbidden',
      message: UNVERIFIED_MESSAGE,
    });
    await expect(submitCatalogueRequest(catalogue, user, db)).rejects.toMatchObject({
      code: 'forbidden',
      message: UNVERIFIED_MESSAGE,
    });
    expect(db.select().from(licenseRequests).all()).toEqual([]);

    // The same forms are accepted once the address is confirmed: the refusal was the confirmation alone.
    const verified = { ...user, emailVerifiedAt: new Date().toISOString() };
    await expect(submitRequest(form, verified, db)).resolves.toMatchObject({ duplicate: false });
    await expect(submitCatalogueRequest(catalogue, verified, db)).resolves.toMatchObject({ duplicate: false });
  });
});
