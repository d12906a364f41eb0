import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { articles, assets, feedRuns, feeds } from '@/db/schema';
import { addFeed, feedHealth, listFeeds, pollFeedNow, removeFeed, setFeedActive } from '@/lib/feeds/admin';
import { feedInputSchema } from '@/lib/feeds/schema';
import { nextPollMinutes, syncFeeds } from '@/lib/feeds/poll';
import { setSetting } from '@/lib/settings';
import { freshDb } from '../helpers/db';
import { itemUrl, rss, startFeedServer, type FeedServer } from '../helpers/feed-server';

// The acceptance of issue 19 item 3, against a real feed on a local HTTP server and the real migrations.

let server: FeedServer;
let db: Db;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  db = freshDb();
  await setSetting('feedsAllowPrivateAddresses', true, db); // the test feed is on 127.0.0.1
  server.items = [
    { slug: 'harbour-wall-repairs', title: 'Harbour wall repairs begin' },
    { slug: 'ferry-timetable', title: 'Winter ferry timetable published' },
  ];
  server.override = null;
  server.requests.length = 0;
  server.fullAnswers = 0;
});

const articleCount = () => db.get<{ n: number }>(sql`select count(*) as n from articles`)!.n;
const feedRow = (id: number) => db.select().from(feeds).where(eq(feeds.id, id)).get()!;
const register = (url = server.url) => addFeed(feedInputSchema.parse({ url, intervalMinutes: '10' }), null, { db });
/** Makes the feed due, as the clock would after its interval. */
const makeDue = (id: number) =>
  db
    .update(feeds)
    .set({ nextPollAt: new Date(Date.now() - 1000).toISOString() })
    .where(eq(feeds.id, id))
    .run();

describe('the catalogue follows the publisher’s feed', () => {
  it('registering a feed imports its articles at once, with the importer’s rules', async () => {
    server.items.push({
      slug: 'lamp-room',
      title: 'Lamp room reopens',
      body: '<p>The lamp room reopens.</p><script>alert(1)</script><figure><img src="https://harbourledger.example/lamp.jpg"><figcaption>The lamp. Photo: AFP/Jo Lin</figcaption></figure>',
    });
    const { feed, run } = await register();
    expect(run).toMatchObject({ outcome: 'fetched', httpStatus: 200, imported: 3, updated: 0, skipped: [] });
    expect(articleCount()).toBe(3);
    const lamp = db
      .select()
      .from(articles)
      .where(eq(articles.canonicalUrl, itemUrl('lamp-room')))
      .get()!;
    expect(lamp.body).not.toContain('<script');
    expect(db.select().from(assets).where(eq(assets.articleId, lamp.id)).all()).toMatchObject([
      { rightsHolder: 'AFP' },
    ]);
    expect(feedRow(feed.id)).toMatchObject({
      lastOutcome: 'fetched',
      failures: 0,
      etag: expect.stringMatching(/^"/),
      lastModified: expect.any(String),
    });
    // Not due again until its interval has passed: the scheduler leaves it alone.
    expect(new Date(feedRow(feed.id).nextPollAt).getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
    expect((await syncFeeds({ db })).feeds).toBe(0);
  });

  it('a new item is imported on the next poll; an unchanged feed is answered 304 and nothing is re-imported', async () => {
    const { feed } = await register();
    makeDue(feed.id);
    let summary = await syncFeeds({ db });
    expect(summary).toMatchObject({ feeds: 1, unchanged: 1, imported: 0, updated: 0 });
    expect(server.requests.at(-1)!['if-none-match']).toBe(feedRow(feed.id).etag);
    expect(server.fullAnswers).toBe(1);

    server.items.unshift({ slug: 'new-pier', title: 'New pier opens to walkers' });
    makeDue(feed.id);
    summary = await syncFeeds({ db });
    expect(summary).toMatchObject({ feeds: 1, imported: 1, updated: 2, errors: 0 });
    expect(articleCount()).toBe(3);
    expect(
      db
        .select()
        .from(articles)
        .where(eq(articles.canonicalUrl, itemUrl('new-pier')))
        .get(),
    ).toMatchObject({ title: 'New pier opens to walkers' });

    const runs = db
      .select()
      .from(feedRuns)
      .where(eq(feedRuns.feedId, feed.id))
      .all()
      .map((r) => r.outcome);
    expect(runs).toEqual(['fetched', 'unchanged', 'fetched']);
  });

  it('a malformed feed is logged and shown red, imports nothing, backs off, and keeps no validators', async () => {
    const { feed } = await register();
    const before = articleCount();
    const good = rss([{ slug: 'would-be-first', title: 'Would be imported if the file were whole' }]);
    server.override = (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml', etag: '"broken"' })
        .end(good.replace('</channel>', '</chanel>'));
    makeDue(feed.id);
    const summary = await syncFeeds({ db });
    expect(summary).toMatchObject({ feeds: 1, errors: 1, imported: 0 });
    expect(articleCount()).toBe(before);
    const row = feedRow(feed.id);
    expect(row).toMatchObject({
      lastOutcome: 'error',
      failures: 1,
      lastError: expect.stringContaining('Nothing was imported'),
    });
    expect(row.etag).not.toBe('"broken"');
    const wait = new Date(row.nextPollAt).getTime() - Date.now();
    expect(wait).toBeGreaterThan(19 * 60_000); // 10 minutes doubled
    expect(listFeeds(db)[0]).toMatchObject({ failing: true, runs: [{ outcome: 'error' }, { outcome: 'fetched' }] });
    expect(feedHealth(db)).toEqual({ total: 1, active: 1, failing: 1 });

    // Fixed (back to the copy imported before): the validators of that copy still stand, so 304; green again.
    server.override = null;
    await pollFeedNow(feed.id, { db });
    expect(feedRow(feed.id)).toMatchObject({ lastOutcome: 'unchanged', failures: 0, lastError: null });
    expect(feedHealth(db).failing).toBe(0);
  });

  it('an article the rules refuse is skipped with the reason; the others are imported', async () => {
    server.override = (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          rss([{ slug: 'fine', title: 'Fine' }]).replace(
            '</channel>',
            '<item><title>No link</title><description>x</description></item></channel>',
          ),
        );
    const { run } = await register();
    expect(run).toMatchObject({
      outcome: 'fetched',
      imported: 1,
      skipped: [{ place: expect.stringMatching(/^item 2/), reason: expect.stringContaining('no link') }],
    });
  });

  it('a server error and a refused address are logged as errors', async () => {
    server.override = (_req, res) => res.writeHead(500).end();
    const { feed, run } = await register();
    expect(run).toMatchObject({ outcome: 'error', httpStatus: 500, error: expect.stringMatching(/HTTP 500/) });
    await setSetting('feedsAllowPrivateAddresses', false, db);
    const again = await pollFeedNow(feed.id, { db });
    expect(again).toMatchObject({
      outcome: 'error',
      error: expect.stringMatching(/127\.0\.0\.1 is a loopback address/),
    });
    expect(feedRow(feed.id).failures).toBe(2);
  });

  it('refuses a feed registered twice, and bad addresses at the schema', async () => {
    await register();
    await expect(register()).rejects.toMatchObject({
      code: 'invalid',
      fields: { url: 'This feed is already registered.' },
    });
    expect(feedInputSchema.safeParse({ url: 'javascript:alert(1)' }).success).toBe(false);
    expect(feedInputSchema.safeParse({ url: 'https://x.example/feed', intervalMinutes: '0' }).success).toBe(false);
    expect(feedInputSchema.parse({ url: ' https://x.example/feed ' })).toEqual({
      url: 'https://x.example/feed',
      intervalMinutes: 10,
    });
  });

  it('paused feeds are not polled; removing a feed keeps its articles', async () => {
    const { feed } = await register();
    setFeedActive(feed.id, false, db);
    makeDue(feed.id);
    expect((await syncFeeds({ db })).feeds).toBe(0);
    setFeedActive(feed.id, true, db);
    expect((await syncFeeds({ db })).feeds).toBe(1);
    removeFeed(feed.id, db);
    expect(db.select().from(feedRuns).all()).toHaveLength(0);
    expect(articleCount()).toBe(2);
  });

  it('backs off by doubling the interval per failure, up to six hours', () => {
    expect([0, 1, 2, 3, 10, 100].map((f) => nextPollMinutes(10, f))).toEqual([10, 20, 40, 80, 360, 360]);
    expect(nextPollMinutes(720, 3)).toBe(720);
  });
});
