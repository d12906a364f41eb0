import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { freshDb } from '../helpers/db';
import { makeOrg, makeUser } from '../helpers/factories';
import { desk, submit } from '../helpers/requests';
import { accountTokens, licenses, organizationEvents, organizations, outbox, users } from '@/db/schema';
import { openDatabase, setDatabase, type Db } from '@/db/client';

// The session layer decodes a JWT into { user: { id } }; that step is replaced by a fixed session,
// so currentUser()'s own reading of the account row — what makes a removal take effect — is real.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: number } } }));
// The decoded cookie (lib/auth/session-token.ts) as sign-in makes it: a live session row, its id in the token.
vi.mock('@/lib/auth/session-token', async () => {
  const { createSession } = await import('@/lib/auth/sessions');
  return {
    logSessionReads: false,
    sessionToken: async () =>
      session.current ? { uid: session.current.user.id, sid: createSession(session.current.user.id, 'test') } : null,
  };
});
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => {} }));
process.env.NEXTAUTH_SECRET ??= 'test-secret-for-org-colleagues';

const actions = await import('@/app/(site)/account/organisation/actions');
const joinActions = await import('@/app/(site)/join/actions');
const { viewInvitation, listPendingInvitations } = await import('@/lib/orgs/invitations');
const { changeMemberRole, LAST_OWNER } = await import('@/lib/orgs/members');
const { billingProfile } = await import('@/lib/orgs/profile');
const { listOrgEvents } = await import('@/lib/orgs/events');
const { currentUser } = await import('@/lib/auth/session');
const { can } = await import('@/lib/auth/can');
const { toPublicUser } = await import('@/lib/auth/users');
const { findLicenseFor } = await import('@/lib/licenses/queries');
const { listOrgRequests } = await import('@/lib/requests/queries');
const { transition } = await import('@/lib/requests/transition');
const { TOKEN_TTL_MS } = await import('@/lib/auth/tokens');

let db: Db;
beforeEach(() => {
  db = freshDb();
  session.current = null;
});

const fd = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
/** Calls an action with `user`'s session (null: a visitor). */
function as<S>(
  action: (prev: never, fd: FormData) => Promise<S>,
  user: { id: number } | null,
  fields: Record<string, string> = {},
): Promise<S> {
  session.current = user ? { user: { id: user.id } } : null;
  return action(null as never, fd(fields));
}
const row = (id: number) => db.select().from(users).where(eq(users.id, id)).get()!;

/** The newest invitation link mailed to `email`, as its reader would copy it. */
function mailedToken(email: string): string {
  const mail = db
    .select()
    .from(outbox)
    .where(and(eq(outbox.to, email), eq(outbox.kind, 'org_invitation')))
    .all()
    .at(-1);
  const token = mail && /\/join\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no invitation for ${email}`);
  expect(mail!.html).toContain(`/join?token=${token}`);
  return token;
}

function team() {
  const org = makeOrg(db, { name: 'Northbank Daily' });
  const owner = toPublicUser(
    makeUser(db, { organizationId: org.id, name: 'Olive Owner', email: 'olive@northbank.example' }),
  );
  const member = toPublicUser(
    makeUser(db, { organizationId: org.id, orgRole: 'member', name: 'Max Member', email: 'max@northbank.example' }),
  );
  const other = makeOrg(db, { name: 'Open Coast Trust' });
  const otherOwner = toPublicUser(makeUser(db, { organizationId: other.id, email: 'otto@opencoast.example' }));
  return { org, owner, member, other, otherOwner };
}

async function invite(owner: { id: number }, email: string, role = 'member') {
  const r = await as(actions.inviteMemberAction, owner, { email, role });
  expect(r).toMatchObject({ ok: true });
  return mailedToken(email.toLowerCase());
}

describe('inviting a colleague', () => {
  it('mails a single-use link; registering from it joins the organisation as the invited role, verified, no new organisation', async () => {
    const { org, owner } = team();
    const token = await invite(owner, 'Nina@Northbank.example', 'owner');
    expect(listPendingInvitations(org.id, db)).toMatchObject([{ email: 'nina@northbank.example', role: 'owner' }]);
    expect(viewInvitation(token, db)).toMatchObject({
      ok: true,
      email: 'nina@northbank.example',
      organization: 'Northbank Daily',
      inviter: 'Olive Owner',
    });
    const orgsBefore = db.select({ n: count() }).from(organizations).get()!.n;

    const r = await as(joinActions.registerFromInvitationAction, null, {
      token,
      name: 'Nina New',
      password: 'a long enough secret',
    });
    expect(r).toMatchObject({ ok: true });
    const nina = db.select().from(users).where(eq(users.email, 'nina@northbank.example')).get()!;
    expect(nina).toMatchObject({ organizationId: org.id, orgRole: 'owner', role: 'publisher', name: 'Nina New' });
    expect(nina.emailVerifiedAt).not.toBeNull();
    expect(db.select({ n: count() }).from(organizations).get()!.n).toBe(orgsBefore);
    expect(listPendingInvitations(org.id, db)).toEqual([]);

    // Reused: refused, nothing created.
    const again = await as(joinActions.registerFromInvitationAction, null, {
      token,
      name: 'Mallory',
      password: 'a long enough secret',
    });
    expect(again).toMatchObject({ ok: false, code: 'gone' });
    expect(listOrgEvents(org.id, db).map((e) => e.kind)).toEqual(['member_joined', 'member_invited']);
  });

  it('an expired link says so; a made-up one is not found; the form cannot pick another address or organisation', async () => {
    const { owner, other } = team();
    const token = await invite(owner, 'late@example.org');
    db.update(accountTokens)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .run();
    expect(viewInvitation(token, db)).toMatchObject({ ok: false, reason: 'expired' });
    const r = await as(joinActions.registerFromInvitationAction, null, {
      token,
      name: 'Late',
      password: 'a long enough secret',
      email: 'someone-else@example.org',
      organizationId: String(other.id),
    });
    expect(r).toMatchObject({ ok: false, code: 'gone', message: expect.stringMatching(/expired/) });
    expect(
      await as(joinActions.registerFromInvitationAction, null, {
        token: 'x'.repeat(43),
        name: 'X',
        password: 'a long enough secret',
      }),
    ).toMatchObject({ ok: false, code: 'not_found' });
    expect(db.select().from(users).where(eq(users.email, 'late@example.org')).get()).toBeUndefined();
    expect(TOKEN_TTL_MS.join_organization).toBe(7 * 24 * 3600 * 1000);
  });

  it('signed in: only the invited address accepts; an account in another organisation is told to leave it first', async () => {
    const { org, owner, otherOwner } = team();
    const stranger = toPublicUser(
      makeUser(db, { email: 'stranger@example.org', organizationId: null, orgRole: null, verified: false }),
    );
    const token = await invite(owner, 'stranger@example.org');

    // Wrong account: refused, and the link still works for the right one.
    expect(await as(joinActions.acceptInvitationAction, otherOwner, { token })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const t2 = await invite(owner, 'otto@opencoast.example');
    const inOther = await as(joinActions.acceptInvitationAction, otherOwner, { token: t2 });
    expect(inOther).toMatchObject({ ok: false, code: 'conflict', message: expect.stringMatching(/Leave it first/) });
    expect(row(otherOwner.id).organizationId).not.toBe(org.id);

    expect(await as(joinActions.acceptInvitationAction, stranger, { token })).toMatchObject({ ok: true });
    expect(row(stranger.id)).toMatchObject({ organizationId: org.id, orgRole: 'member' });
    expect(row(stranger.id).emailVerifiedAt).not.toBeNull();
    expect(await as(joinActions.acceptInvitationAction, stranger, { token })).toMatchObject({
      ok: false,
      code: 'gone',
    });
    // A visitor cannot accept at all.
    expect(await as(joinActions.acceptInvitationAction, null, { token: t2 })).toMatchObject({
      ok: false,
      code: 'unauthorized',
    });
  });

  it('an owner whose own address is not confirmed yet cannot invite: the desk mails nobody on an unproven word', async () => {
    const org = makeOrg(db, { name: 'Unproven Gazette' });
    const owner = toPublicUser(makeUser(db, { organizationId: org.id, verified: false }));
    expect(await as(actions.inviteMemberAction, owner, { email: 'target@example.org', role: 'member' })).toMatchObject({
      ok: false,
      code: 'forbidden',
      message: expect.stringMatching(/confirm your email address/),
    });
    expect(db.select().from(outbox).all()).toEqual([]);
    expect(listPendingInvitations(org.id, db)).toEqual([]);
    db.update(users).set({ emailVerifiedAt: new Date().toISOString() }).where(eq(users.id, owner.id)).run();
    await invite(owner, 'target@example.org');
  });

  it('owners withdraw a pending invitation; the link stops working', async () => {
    const { org, owner } = team();
    const token = await invite(owner, 'withdrawn@example.org');
    const [pending] = listPendingInvitations(org.id, db);
    expect(await as(actions.revokeInvitationAction, owner, { invitationId: String(pending!.id) })).toMatchObject({
      ok: true,
    });
    expect(viewInvitation(token, db)).toMatchObject({ ok: false, reason: 'used' });
    expect(listOrgEvents(org.id, db)[0]).toMatchObject({ kind: 'invitation_revoked', actorName: 'Olive Owner' });
  });
});

describe('only owners manage', () => {
  it('a member, an owner of another organisation and a visitor are refused every owner action', async () => {
    const { org, owner, member, otherOwner } = team();
    await invite(owner, 'pending@example.org');
    const invitationId = String(listPendingInvitations(org.id, db)[0]!.id);
    const attempts: [Parameters<typeof as>[0], Record<string, string>][] = [
      [actions.inviteMemberAction, { email: 'x@example.org', role: 'owner' }],
      [actions.changeMemberRoleAction, { userId: String(owner.id), role: 'member' }],
      [actions.removeMemberAction, { userId: String(owner.id) }],
      [actions.revokeInvitationAction, { invitationId }],
      [actions.saveOrgProfileAction, { legalName: 'Hijacked Ltd' }],
    ];
    for (const [action, fields] of attempts) {
      expect(await as(action, member, fields)).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await as(action, null, fields)).toMatchObject({ ok: false, code: 'unauthorized' });
      // Another organisation's owner: its people and invitations do not exist for them.
      const foreign = await as(action, otherOwner, fields);
      if (action !== actions.inviteMemberAction && action !== actions.saveOrgProfileAction)
        expect(foreign).toMatchObject({ ok: false, code: 'not_found' });
    }
    expect(row(owner.id).orgRole).toBe('owner');
    expect(db.select().from(organizations).where(eq(organizations.id, org.id)).get()!.legalName).toBeNull();
    expect(listPendingInvitations(org.id, db)).toHaveLength(1);
  });

  it('owners change roles and every change is an event with who and what', async () => {
    const { org, owner, member } = team();
    const { listMembers } = await import('@/lib/orgs/members');
    expect(listMembers(org.id, db).map((m) => [m.email, m.orgRole])).toEqual([
      ['olive@northbank.example', 'owner'],
      ['max@northbank.example', 'member'],
    ]);
    expect(await as(actions.changeMemberRoleAction, owner, { userId: String(member.id), role: 'owner' })).toMatchObject(
      { ok: true },
    );
    expect(row(member.id).orgRole).toBe('owner');
    expect(listOrgEvents(org.id, db)[0]).toMatchObject({
      kind: 'role_changed',
      actorName: 'Olive Owner',
      detail: { email: 'max@northbank.example', from: 'member', to: 'owner' },
    });
  });
});

describe('always at least one owner', () => {
  it('the last owner cannot be demoted, removed, or leave', async () => {
    const { owner, member } = team();
    for (const [action, fields] of [
      [actions.changeMemberRoleAction, { userId: String(owner.id), role: 'member' }],
      [actions.removeMemberAction, { userId: String(owner.id) }],
      [actions.leaveOrganizationAction, {}],
    ] as const) {
      expect(await as(action, owner, fields)).toMatchObject({ ok: false, code: 'conflict', message: LAST_OWNER });
    }
    expect(row(owner.id)).toMatchObject({ orgRole: 'owner' });
    // A member may leave.
    expect(await as(actions.leaveOrganizationAction, member, {})).toMatchObject({ ok: true });
    expect(row(member.id)).toMatchObject({ organizationId: null, orgRole: null });
  });

  it('someone who registered an organisation of their own can still join a colleague’s: alone in it, with no requests, they may leave it', async () => {
    const { org, owner } = team();
    // Registered before the invitation came: the owner of a new organisation, alone in it.
    const own = makeOrg(db, { name: 'Duplicate Daily' });
    const solo = toPublicUser(makeUser(db, { organizationId: own.id, email: 'solo@northbank.example' }));
    const strayInvitation = await invite(solo, 'friend@example.org');
    const token = await invite(owner, 'solo@northbank.example');
    expect(await as(joinActions.acceptInvitationAction, solo, { token })).toMatchObject({
      ok: false,
      code: 'conflict',
      message: expect.stringMatching(/Leave it first/),
    });

    expect(await as(actions.leaveOrganizationAction, solo, {})).toMatchObject({ ok: true });
    // Nobody is left there to own what its open invitations would bring in.
    expect(viewInvitation(strayInvitation, db)).toMatchObject({ ok: false, reason: 'used' });
    expect(await as(joinActions.acceptInvitationAction, solo, { token })).toMatchObject({ ok: true });
    expect(row(solo.id)).toMatchObject({ organizationId: org.id, orgRole: 'member' });

    // An organisation with requests keeps its last owner, even alone: its licences would be nobody's.
    const d = desk(db);
    await submit(db, d.publisher, d.slugs);
    expect(await as(actions.leaveOrganizationAction, d.publisher, {})).toMatchObject({
      ok: false,
      code: 'conflict',
      message: LAST_OWNER,
    });
    expect(row(d.publisher.id).organizationId).toBe(d.org.id);
  });

  it('two owners demoting each other at once, on two connections: one wins, one owner remains', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-owners-'));
    const file = path.join(dir, 'desk.db');
    const a = openDatabase(file);
    const b = openDatabase(file);
    try {
      const org = makeOrg(a);
      const one = toPublicUser(makeUser(a, { organizationId: org.id }));
      const two = toPublicUser(makeUser(a, { organizationId: org.id }));
      const outcomes = await Promise.allSettled([
        Promise.resolve().then(() => changeMemberRole({ userId: two.id, role: 'member' }, one, a)),
        Promise.resolve().then(() => changeMemberRole({ userId: one.id, role: 'member' }, two, b)),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      const owners = b
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.organizationId, org.id), eq(users.orgRole, 'owner')))
        .get()!.n;
      expect(owners).toBe(1);
    } finally {
      a.$client.close();
      b.$client.close();
      setDatabase(db);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('members and removal', () => {
  it('a member sees and acts on the organisation’s requests and licences; removed, an open session no longer does', async () => {
    const d = desk(db);
    const colleague = toPublicUser(
      makeUser(db, { organizationId: d.org.id, orgRole: 'member', email: 'col@testtimes.example' }),
    );
    const { request } = await submit(db, d.publisher, d.slugs, { duration: 'perpetual' });
    await transition(
      { reference: request.reference, action: 'approve', expectedVersion: request.version },
      d.staff,
      db,
    );
    const { code } = db.select().from(licenses).where(eq(licenses.requestId, request.id)).get()!;

    // The colleague's session, opened before anything changes.
    session.current = { user: { id: colleague.id } };
    const before = (await currentUser())!;
    expect(can(before, 'publisher')).toBe(true);
    expect(listOrgRequests(before.organizationId!, {}, db).rows.map((r) => r.reference)).toContain(request.reference);
    expect(await findLicenseFor(code, before, db)).toBeDefined();
    // … and acts: submits a request of the organisation.
    const own = await submit(db, before, d.slugs);
    expect(own.request.organizationId).toBe(d.org.id);

    expect(await as(actions.removeMemberAction, d.publisher, { userId: String(colleague.id) })).toMatchObject({
      ok: true,
    });
    expect(db.select().from(outbox).where(eq(outbox.kind, 'org_removed')).get()).toMatchObject({
      to: 'col@testtimes.example',
    });

    // The same session, next request: no organisation, no publisher level, no licence.
    session.current = { user: { id: colleague.id } };
    const after = (await currentUser())!;
    expect(after).toMatchObject({ id: colleague.id, organizationId: null, orgRole: null });
    expect(can(after, 'publisher')).toBe(false);
    expect(await findLicenseFor(code, after, db)).toBeUndefined();
    expect(await as(actions.leaveOrganizationAction, colleague, {})).toMatchObject({ ok: false, code: 'forbidden' });
    expect(db.select().from(organizationEvents).all().at(-1)).toMatchObject({
      kind: 'member_removed',
      actorId: d.publisher.id,
    });
  });
});

describe('the organisation profile', () => {
  it('owners save it; each change is recorded before → after; bad input is refused at the field with what was typed', async () => {
    const { org, owner } = team();
    const bad = await as(actions.saveOrgProfileAction, owner, {
      legalName: 'Northbank Media Ltd',
      billingCountry: 'DE',
      vatNumber: 'GB123456789',
      billingEmail: 'not-an-email',
      websites: 'northbank.example\nnot a website',
    });
    expect(bad).toMatchObject({
      ok: false,
      code: 'invalid',
      values: { legalName: 'Northbank Media Ltd', vatNumber: 'GB123456789' },
    });
    expect(Object.keys((bad as { errors: object }).errors).sort()).toEqual(['billingEmail', 'websites']);
    const badVat = await as(actions.saveOrgProfileAction, owner, { billingCountry: 'DE', vatNumber: 'GB123456789' });
    expect(badVat).toMatchObject({ ok: false, errors: { vatNumber: expect.stringMatching(/DE VAT/) } });
    expect(await as(actions.saveOrgProfileAction, owner, { billingCountry: 'XX' })).toMatchObject({
      ok: false,
      errors: { billingCountry: expect.any(String) },
    });

    const ok = await as(actions.saveOrgProfileAction, owner, {
      legalName: 'Northbank Media Ltd',
      billingLine1: '1 Quay Street',
      billingCity: 'London',
      billingPostcode: 'EC1A 1AA',
      billingCountry: 'GB',
      vatNumber: 'gb 123 4567 89',
      billingEmail: 'Accounts@Northbank.example',
      websites: 'https://www.northbank.example/news\nnorthbank.example, weekly.northbank.example',
    });
    expect(ok).toMatchObject({ ok: true });
    expect(billingProfile(org.id, db)).toEqual({
      organizationId: org.id,
      name: 'Northbank Media Ltd',
      addressLines: ['1 Quay Street', 'EC1A 1AA London'],
      country: 'GB',
      countryName: 'United Kingdom',
      vatNumber: 'GB123456789',
      billingEmail: 'accounts@northbank.example',
    });
    const saved = db.select().from(organizations).where(eq(organizations.id, org.id)).get()!;
    expect(saved.domains).toEqual(['northbank.example', 'weekly.northbank.example']);
    const [event] = listOrgEvents(org.id, db);
    expect(event).toMatchObject({ kind: 'profile_changed', actorName: 'Olive Owner' });
    expect((event!.detail as { changes: Record<string, unknown> }).changes).toMatchObject({
      legalName: [null, 'Northbank Media Ltd'],
      vatNumber: [null, 'GB123456789'],
      domains: ['example.org', 'northbank.example, weekly.northbank.example'],
    });
    // Saving the same again records nothing.
    await as(actions.saveOrgProfileAction, owner, {
      ...Object.fromEntries(Object.entries(saved).map(([k, v]) => [k, String(v ?? '')])),
      websites: saved.domains.join('\n'),
    });
    expect(listOrgEvents(org.id, db).filter((e) => e.kind === 'profile_changed')).toHaveLength(1);
  });

  it('an organisation without a profile bills under its name', () => {
    const org = makeOrg(db, { name: 'Plain Org' });
    expect(billingProfile(org.id, db)).toEqual({
      organizationId: org.id,
      name: 'Plain Org',
      addressLines: [],
      country: null,
      countryName: null,
      vatNumber: null,
      billingEmail: null,
    });
  });
});

afterEach(() => {
  session.current = null;
});

describe('the public verification page’s licensee (issue 14 item 5, issue 16 bug 6)', () => {
  it('names the legal name frozen at issue and the websites the licence names', async () => {
    const { verifyLicense } = await import('@/lib/licenses/queries');
    const d = desk(db);
    const licensed = async (slug: string) => {
      const { request } = await submit(db, d.publisher, [slug], { duration: 'perpetual' });
      await transition(
        { reference: request.reference, action: 'approve', expectedVersion: request.version },
        d.staff,
        db,
      );
      return db.select().from(licenses).where(eq(licenses.requestId, request.id)).get()!;
    };
    const before = await licensed('first-story');
    await as(actions.saveOrgProfileAction, d.publisher, {
      legalName: 'Test Times Publishing Ltd',
      websites: 'testtimes.example\nhttps://www.weekly-times.example/',
    });
    const second = await licensed('second-story');
    expect(await verifyLicense(second.code, db)).toMatchObject({
      licensee: 'Test Times Publishing Ltd',
      websites: ['testtimes.example', 'weekly-times.example'],
    });
    // A licence issued before the profile was filled in keeps the name it was issued under.
    expect(await verifyLicense(before.code, db)).toMatchObject({
      licensee: d.org.name,
      websites: ['testtimes.example'],
    });
  });
});
