import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb } from '../helpers/db';
import { makeUser } from '../helpers/factories';
import { desk, submit } from '../helpers/requests';
import { licenseRequests, outbox, rateCards, requestEvents } from '@/db/schema';
import { retryMailAction } from '@/app/(site)/admin/outbox/actions';
import { saveRateCardAction } from '@/app/(site)/admin/rate-card/actions';
import { saveSettingsAction } from '@/app/(site)/admin/settings/actions';
import { listOutbox } from '@/lib/mail/outbox-desk';
import { listRateCardVersions } from '@/lib/rate-card/versions';
import { act } from '../helpers/session';
import { toPublicUser } from '@/lib/auth/users';
import { DEFAULT_RATE_CARD } from '@/lib/quote';
import { currentRateCard } from '@/lib/rate-card';
import { DEFAULT_SETTINGS, getSettings } from '@/lib/settings';
import { rateCardFormValues } from '@/lib/rate-card/schema';
import type { Db } from '@/db/client';

vi.mock('@/lib/auth/session', async () => (await import('../helpers/session')).mockSession());
vi.mock('next/cache', async (importOriginal) => (await import('../helpers/session')).mockCache(importOriginal));

let db: Db;
let d: ReturnType<typeof desk>;
let admin: ReturnType<typeof toPublicUser>;
beforeEach(() => {
  db = freshDb();
  d = desk(db);
  admin = toPublicUser(makeUser(db, { role: 'admin' }));
});

describe('rate card', () => {
  it('saving creates a new version; earlier requests keep the version they were quoted on', async () => {
    const before = (await submit(db, d.publisher, ['first-story'], { duration: 'perpetual' })).request;
    const values = {
      ...rateCardFormValues(DEFAULT_RATE_CARD),
      'baseFee.web': '300',
      'audienceBands.4.min': '5000000',
      'audienceBands.4.multiplier': '3.5',
    };
    const r = await act(saveRateCardAction, d.staff, values);
    expect(r).toMatchObject({ ok: true, message: expect.stringContaining('version 2') });
    const { version, card } = await currentRateCard(db);
    expect(version).toBe(2);
    expect(card.baseFee.web).toBe(30000);
    expect(card.audienceBands.at(-1)).toEqual({ min: 5_000_000, milli: 3500 });
    expect(db.select().from(rateCards).where(eq(rateCards.version, 1)).get()?.data).toEqual(DEFAULT_RATE_CARD);

    const after = (await submit(db, d.publisher, ['first-story'], { duration: 'perpetual' })).request;
    expect(after.rateCardVersion).toBe(2);
    expect(after.quoteTotal).toBe(before.quoteTotal! * 2);
    expect(db.select().from(licenseRequests).where(eq(licenseRequests.id, before.id)).get()).toMatchObject({
      rateCardVersion: 1,
      quoteTotal: before.quoteTotal,
    });
    expect((await listRateCardVersions(db)).map((v) => [v.version, v.createdBy])).toEqual([
      [2, d.staff.name],
      [1, null],
    ]);
  });

  it('refuses bad values at their fields and saves nothing', async () => {
    const values = {
      ...rateCardFormValues(DEFAULT_RATE_CARD),
      'licenseeType.education': '0',
      'territory.region': '1.2345',
      minimum: '-5',
    };
    const r = await act(saveRateCardAction, d.staff, values);
    expect(r).toMatchObject({
      ok: false,
      errors: {
        'licenseeType.education': expect.any(String),
        'territory.region': expect.any(String),
        minimum: expect.any(String),
      },
      values: { minimum: '-5' },
    });
    const order = {
      ...rateCardFormValues(DEFAULT_RATE_CARD),
      'audienceBands.2.min': '5000',
      'volume.1.minArticles': '2',
    };
    expect(await act(saveRateCardAction, d.staff, order)).toMatchObject({
      ok: false,
      errors: {
        'audienceBands.2.min': expect.stringMatching(/above/),
        'volume.1.minArticles': expect.stringMatching(/above/),
      },
    });
    const first = { ...rateCardFormValues(DEFAULT_RATE_CARD), 'audienceBands.0.min': '100' };
    expect(await act(saveRateCardAction, d.staff, first)).toMatchObject({
      ok: false,
      errors: { 'audienceBands.0.min': expect.stringMatching(/start at 0/) },
    });
    expect((await currentRateCard(db)).version).toBe(1);
  });
});

describe('settings and auto-approval', () => {
  const base = {
    autoApprovalEnabled: 'on',
    autoApprovalFeeLimit: '200',
    autoApprovalUses: ['web', 'print', 'newsletter', 'broadcast', 'academic', 'internal'],
    deskEmail: 'Desk@Ledger.example',
    publisherName: 'The Harbour Ledger',
    publisherUrl: 'https://harbourledger.example',
    paymentRequiredAbove: '',
    agencies: 'AFP\n  Reuters  \n\nAFP\nLocal Wire',
    pixelSampleDays: '30',
    takedownHours: '24',
    sellerLegalName: 'Harbour Ledger Media Ltd',
    sellerAddress: '1 Quay Street\n\n Bristol \nBS1 4XX',
    sellerCountry: 'gb',
    sellerVatNumber: 'GB 123 4567 89',
    bankDetails: 'Sort code: 00-00-00\nAccount number: 00000000',
    paymentTermsDays: '14',
    vatRateMilli: '17.5',
  };

  it('saves every setting (admin only)', async () => {
    expect(await act(saveSettingsAction, admin, base)).toMatchObject({ ok: true });
    const s = await getSettings(db);
    expect(s).toMatchObject({
      deskEmail: 'desk@ledger.example',
      paymentRequiredAbove: null,
      agencies: ['AFP', 'Reuters', 'Local Wire'],
      autoApproval: { enabled: true, feeLimit: 20000 },
      pixelSampleDays: 30,
      seller: {
        legalName: 'Harbour Ledger Media Ltd',
        address: ['1 Quay Street', 'Bristol', 'BS1 4XX'],
        country: 'GB',
        vatNumber: 'GB123456789',
        bankDetails: ['Sort code: 00-00-00', 'Account number: 00000000'],
      },
      paymentTermsDays: 14,
      vatRateMilli: 175,
    });
    await act(saveSettingsAction, admin, { ...base, pixelSampleDays: '7', takedownHours: '48' });
    expect(await getSettings(db)).toMatchObject({ pixelSampleDays: 7, takedownHours: 48 });
    // The publisher's other domains are on the form; saving must keep them (they were dropped).
    await act(saveSettingsAction, admin, {
      ...base,
      publisherDomains: 'news.harbourledger.example\nold-ledger.example',
    });
    expect((await getSettings(db)).publisherDomains).toEqual(['news.harbourledger.example', 'old-ledger.example']);
    expect(await act(saveSettingsAction, d.staff, { ...base, autoApprovalEnabled: '' })).toMatchObject({
      ok: false,
      message: 'You are not allowed to do that.',
    });
    expect((await getSettings(db)).autoApproval.enabled).toBe(true);
  });

  it('reports bad values at their fields and keeps what was typed', async () => {
    const r = await act(saveSettingsAction, admin, {
      ...base,
      deskEmail: 'nope',
      publisherUrl: 'javascript:alert(1)',
      autoApprovalFeeLimit: 'lots',
      autoApprovalUses: ['web', 'print'],
      pixelSampleDays: '0',
      vatRateMilli: '20.25',
      sellerCountry: 'United Kingdom',
    });
    expect(r).toMatchObject({
      ok: false,
      errors: {
        vatRateMilli: expect.any(String),
        sellerCountry: expect.any(String),
        deskEmail: expect.any(String),
        publisherUrl: expect.any(String),
        autoApprovalFeeLimit: expect.any(String),
        pixelSampleDays: expect.any(String),
      },
      values: { autoApprovalUses: 'web,print', deskEmail: 'nope', pixelSampleDays: '0' },
    });
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    // Two letters are not enough: the VAT rule needs a real ISO country.
    expect(await act(saveSettingsAction, admin, { ...base, sellerCountry: 'XX' })).toMatchObject({
      ok: false,
      errors: { sellerCountry: 'Enter the two-letter country code, e.g. GB.' },
    });
  });

  it('changing the rules changes what a submission gets, and the trail names the rule', async () => {
    const outcome = async () => (await submit(db, d.publisher, ['first-story'])).request.status; // £150, web, 1 year
    expect(await outcome()).toBe('approved');
    expect(db.select().from(requestEvents).where(eq(requestEvents.action, 'auto_approve')).get()?.note).toMatch(
      /Auto-approval rule: fee £150.00 ≤ £200.00/,
    );

    await act(saveSettingsAction, admin, { ...base, autoApprovalEnabled: '' });
    expect(await outcome()).toBe('submitted');
    await act(saveSettingsAction, admin, { ...base, autoApprovalFeeLimit: '149.99' });
    expect(await outcome()).toBe('submitted');
    await act(saveSettingsAction, admin, { ...base, autoApprovalUses: ['print'] });
    expect(await outcome()).toBe('submitted');
    await act(saveSettingsAction, admin, { ...base, autoApprovalFeeLimit: '150' });
    expect(await outcome()).toBe('approved');
  });
});

describe('outbox', () => {
  it('lists mails newest first with paging and a status filter; staff can retry a failed one', async () => {
    await submit(db, d.publisher, d.slugs, { duration: 'perpetual' });
    await new Promise((r) => setTimeout(r, 20)); // let the fire-and-forget delivery finish
    const all = await listOutbox({}, db);
    expect(all.rows.length).toBeGreaterThanOrEqual(2);
    expect(all.rows[0]!.id).toBeGreaterThan(all.rows[1]!.id);
    const failed = db
      .update(outbox)
      .set({ status: 'failed', attempts: 5, lastError: 'Connection refused' })
      .where(eq(outbox.id, all.rows[0]!.id))
      .returning()
      .get();
    expect((await listOutbox({ status: 'failed' }, db)).rows.map((m) => [m.id, m.lastError])).toEqual([
      [failed.id, 'Connection refused'],
    ]);

    expect(await act(retryMailAction, d.publisher, { id: String(failed.id) })).toMatchObject({
      ok: false,
      message: 'You are not allowed to do that.',
    });
    expect(await act(retryMailAction, d.staff, { id: String(failed.id) })).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(db.select().from(outbox).where(eq(outbox.id, failed.id)).get()).toMatchObject({
      lastError: null,
      status: 'logged',
    });
    expect(await act(retryMailAction, d.staff, { id: String(failed.id) })).toMatchObject({ ok: false });
  });
});

describe('settings storage', () => {
  it('stores a null setting (payment never required) and reads it back as null', async () => {
    const { getSetting, setSetting } = await import('@/lib/settings');
    await setSetting('paymentRequiredAbove', null, db);
    expect(await getSetting('paymentRequiredAbove', db)).toBeNull();
    expect((await getSettings(db)).paymentRequiredAbove).toBeNull();
    await setSetting('paymentRequiredAbove', 5000, db);
    expect(await getSetting('paymentRequiredAbove', db)).toBe(5000);
  });
});
