import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { messages, outbox } from '@/db/schema';
import { toPublicUser } from '@/lib/auth/users';
import { articlesForForm, searchLicensableArticles } from '@/lib/requests/articles';
import { postMessage } from '@/lib/requests/messages';
import { currentFee, getRequestForViewer, listOrgRequests } from '@/lib/requests/queries';
import { transition } from '@/lib/requests/transition';
import { freshDb } from '../helpers/db';
import { makeArticle, makeOrg, makeUser } from '../helpers/factories';
import { desk, submit } from '../helpers/requests';

let db: Db;
let d: ReturnType<typeof desk>;
beforeEach(() => {
  db = freshDb();
  d = desk(db);
  vi.spyOn(console, 'log').mockImplementation(() => {});
});

const colleague = () => toPublicUser(makeUser(db, { organizationId: d.org.id, name: 'Cole League' }));
const stranger = () => toPublicUser(makeUser(db, { organizationId: makeOrg(db).id }));

describe('listOrgRequests', () => {
  it('pages 20 at a time, newest first, filters by status and shows only the organisation’s own', async () => {
    for (let i = 0; i < 23; i++)
      await submit(db, d.publisher, [d.slugs[i % 2]!], { duration: 'perpetual', publicationName: `Pub ${i}` });
    for (let i = 0; i < 2; i++) await submit(db, d.publisher, d.slugs.slice(0, 1)); // auto-approved
    await submit(db, stranger(), d.slugs, { duration: 'perpetual' });

    const p1 = await listOrgRequests(d.org.id, {}, db);
    expect(p1).toMatchObject({ total: 25, page: 1, pageCount: 2, perPage: 20 });
    expect(p1.rows).toHaveLength(20);
    expect(p1.byStatus).toEqual({ submitted: 23, approved: 2 });
    const p2 = await listOrgRequests(d.org.id, { page: 2 }, db);
    expect(p2.rows).toHaveLength(5);
    expect(p2.rows.at(-1)!.publicationName).toBe('Pub 0');
    expect((await listOrgRequests(d.org.id, { page: 99 }, db)).page).toBe(2);
    expect((await listOrgRequests(d.org.id, { page: -1 }, db)).page).toBe(1);

    const approved = await listOrgRequests(d.org.id, { status: 'approved' }, db);
    expect(approved.rows.map((r) => r.status)).toEqual(['approved', 'approved']);
    expect(approved.total).toBe(2);
    expect((await listOrgRequests(d.org.id, { status: 'rejected' }, db)).rows).toEqual([]);
  });

  it('shows the fee that applies: agreed, else a counter-offer on the table, else the quote', async () => {
    const { request } = await submit(db, d.publisher, d.slugs, { duration: 'perpetual' });
    expect(currentFee(request)).toBe(54000);
    const c = await transition(
      { reference: request.reference, action: 'counter', expectedVersion: request.version, fee: 40000 },
      d.staff,
      db,
    );
    expect(currentFee(c.request)).toBe(40000);
    const a = await transition(
      { reference: request.reference, action: 'accept_counter', expectedVersion: c.request.version },
      d.publisher,
      db,
    );
    expect(currentFee(a.request)).toBe(40000);
    const [row] = (await listOrgRequests(d.org.id, {}, db)).rows;
    expect(row).toMatchObject({ status: 'approved', agreedFee: 40000, quoteTotal: 54000 });
  });
});

describe('getRequestForViewer', () => {
  it('shows the organisation’s members and staff everything; anyone else nothing', async () => {
    const { request } = await submit(db, d.publisher, d.slugs, { duration: 'perpetual' });
    const view = await getRequestForViewer(request.reference, colleague(), db);
    expect(view?.articles.map((a) => a.slug)).toEqual(d.slugs);
    expect(view?.requester.id).toBe(d.publisher.id);
    expect(view?.organization.id).toBe(d.org.id);
    expect(await getRequestForViewer(request.reference, d.staff, db)).toBeDefined();
    expect(await getRequestForViewer(request.reference, stranger(), db)).toBeUndefined();
    expect(await getRequestForViewer(request.reference, null, db)).toBeUndefined();
    expect(await getRequestForViewer('RR-2026-999999', d.staff, db)).toBeUndefined();
  });

  it('gives the trail with actor names, the thread with author names and the licence', async () => {
    const { request } = await submit(db, d.publisher, d.slugs, { duration: 'perpetual' });
    await postMessage(request.reference, d.publisher, 'Can we run it on Sunday?', db);
    await postMessage(request.reference, d.staff, 'Yes.', db);
    await transition(
      { reference: request.reference, action: 'approve', expectedVersion: request.version },
      d.staff,
      db,
    );
    const view = (await getRequestForViewer(request.reference, d.publisher, db))!;
    expect(view.events.map((e) => [e.action, e.actorName, e.actorRole])).toEqual([
      ['submit', d.publisher.name, 'publisher'],
      ['start_review', d.staff.name, 'staff'],
      ['approve', d.staff.name, 'staff'],
    ]);
    expect(view.messages.map((m) => [m.body, m.authorRole])).toEqual([
      ['Can we run it on Sunday?', 'publisher'],
      ['Yes.', 'staff'],
    ]);
    expect(view.license?.code).toMatch(/^LIC-/);
    expect(view.request.status).toBe('approved');
  });

  it('marks system actions with no actor', async () => {
    const { request } = await submit(db, d.publisher, d.slugs.slice(0, 1));
    const view = (await getRequestForViewer(request.reference, d.publisher, db))!;
    expect(view.events.at(-1)).toMatchObject({ action: 'auto_approve', actorId: null, actorName: null });
  });
});

describe('postMessage', () => {
  it('a publisher writes to the desk, staff to the requester; both kept with a mail', async () => {
    const { request } = await submit(db, d.publisher, d.slugs, { duration: 'perpetual' });
    await postMessage(request.reference, colleague(), '  A question  ', db);
    await postMessage(request.reference, d.staff, 'An answer', db);
    const mails = db
      .select()
      .from(outbox)
      .where(eq(outbox.requestId, request.id))
      .all()
      .filter((m) => m.kind.startsWith('message'));
    expect(mails.map((m) => [m.kind, m.to])).toEqual([
      ['message_to_desk', 'desk@harbourledger.example'],
      ['message_to_publisher', d.publisher.email],
    ]);
    expect(mails[0]!.text).toContain('A question');
    expect(
      db
        .select()
        .from(messages)
        .all()
        .map((m) => m.body),
    ).toEqual(['A question', 'An answer']);
  });

  it('refuses other organisations as not found, and empty or huge messages; writes nothing then', async () => {
    const { request } = await submit(db, d.publisher, d.slugs, { duration: 'perpetual' });
    const before = db.select({ n: count() }).from(outbox).get()!.n;
    await expect(postMessage(request.reference, stranger(), 'Hello', db)).rejects.toMatchObject({ code: 'not_found' });
    await expect(postMessage('RR-2026-424242', d.staff, 'Hello', db)).rejects.toMatchObject({ code: 'not_found' });
    await expect(postMessage(request.reference, d.publisher, '   ', db)).rejects.toMatchObject({ code: 'invalid' });
    await expect(postMessage(request.reference, d.publisher, 'x'.repeat(4001), db)).rejects.toThrow(/4,000|message/);
    expect(db.select({ n: count() }).from(messages).get()!.n).toBe(0);
    expect(db.select({ n: count() }).from(outbox).get()!.n).toBe(before);
  });
});

describe('articles for the form', () => {
  it('searches licensable articles by title or slug, never hidden, embargoed or syndicated ones', async () => {
    makeArticle(db, { slug: 'harbour-wall-plan', title: 'Harbour wall plan approved' });
    makeArticle(db, { slug: 'wire-harbour', title: 'Harbour wire story', rightsStatus: 'syndicated_in' });
    makeArticle(db, { slug: 'future-harbour', title: 'Harbour future', embargoUntil: '2099-01-01T00:00:00Z' });
    makeArticle(db, { slug: 'pct-100', title: '100% harbour' });
    expect((await searchLicensableArticles('HARBOUR', {}, db)).map((a) => a.slug).sort()).toEqual([
      'harbour-wall-plan',
      'pct-100',
    ]);
    expect((await searchLicensableArticles('wall-plan', {}, db)).map((a) => a.slug)).toEqual(['harbour-wall-plan']);
    expect((await searchLicensableArticles('%', {}, db)).map((a) => a.slug)).toEqual(['pct-100']);
    expect(await searchLicensableArticles('harbour', { exclude: ['harbour-wall-plan', 'pct-100'] }, db)).toEqual([]);
    expect(await searchLicensableArticles('  ', {}, db)).toEqual([]);
  });

  it('opens the form with the asked articles and explains the rest without leaking embargoed titles', async () => {
    makeArticle(db, { slug: 'wire-copy', title: 'Wire copy', rightsStatus: 'syndicated_in' });
    makeArticle(db, { slug: 'secret', title: 'Secret title', embargoUntil: '2099-01-01T00:00:00Z' });
    const { articles, problems } = await articlesForForm(
      ['second-story', 'first-story', 'second-story', 'wire-copy', 'secret', 'nope'],
      db,
    );
    expect(articles.map((a) => a.slug)).toEqual(['second-story', 'first-story']);
    expect(problems).toHaveLength(3);
    expect(problems.join(' ')).toMatch(/Wire copy.*secret.*nope/s);
    expect(problems.join(' ')).not.toMatch(/Secret title/);
  });
});
