import path from 'node:path';
import { expect, test } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '../../db/client';
import { articles, feedRuns, feeds } from '../../db/schema';
import { setSetting } from '../../lib/settings';
import { itemUrl, rss, startFeedServer, type FeedServer } from '../helpers/feed-server';
import { signIn } from './helpers';

// /admin/feeds as the publisher's web team would use it, against a feed on a local HTTP server.
// The articles are dated 2001 so they stay out of the newest-first lists other specs look at.

let feed: FeedServer;
test.beforeAll(async () => {
  feed = await startFeedServer([
    {
      slug: `feed-e2e-boathouse-${Date.now()}`,
      title: 'Feed test: the old boathouse is for sale',
      date: '2001-02-03T10:00:00Z',
    },
  ]);
});
test.afterAll(() => feed.close());

test('staff register a feed; it imports; a broken feed shows red here and on the dashboard', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'admin@demo.test');
  await page.goto('/admin/feeds');
  await expect(page.getByRole('heading', { name: 'Feeds', level: 1 })).toBeVisible();

  // A feed on 127.0.0.1 is refused while private addresses are not allowed.
  await page.getByLabel('Feed address').fill(feed.url);
  await page.getByRole('button', { name: 'Register feed' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Feed registered' })).toContainText(
    '127.0.0.1 is a loopback address',
  );
  const row = page.getByTestId('feed-row').filter({ hasText: feed.url });
  await expect(row.locator('.badge')).toHaveText('Failing');
  await expect(page.getByTestId('feeds-failing')).toBeVisible();
  expect(feed.requests).toHaveLength(0);

  // The admin allows private addresses (a feed on the intranet); the next poll imports.
  await page.getByLabel('Allow feeds on private addresses').check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Feeds on private addresses are allowed.')).toBeVisible();
  await row.getByRole('button', { name: /Poll now/ }).click();
  await expect(row.getByRole('status')).toHaveText('Imported 1, updated 0, skipped 0.');
  await expect(row.locator('.badge')).toHaveText('OK');
  await expect(page.getByTestId('feeds-failing')).toHaveCount(0);

  const slug = feed.items[0]!.slug;
  const article = await page.request.get(`/articles/${slug}`);
  expect(article.status()).toBe(200);
  expect(await article.text()).toContain('Feed test: the old boathouse is for sale');

  // Polled again: the server answers 304 and nothing is re-imported.
  await row.getByRole('button', { name: /Poll now/ }).click();
  await expect(row.getByRole('status')).toHaveText('Unchanged since the last poll (304).');

  // The feed breaks: red on the page and on the dashboard, and nothing from it is imported.
  feed.override = (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(rss([{ slug: 'feed-e2e-half', title: 'Half' }]).replace('</channel>', ''));
  await row.getByRole('button', { name: /Poll now/ }).click();
  await expect(row.getByRole('alert')).toContainText('Nothing was imported');
  await page.reload();
  await expect(row.locator('.badge')).toHaveText('Failing');
  await expect(row).toHaveClass(/row-bad/);
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect((await page.request.get(`/articles/feed-e2e-half`)).status()).toBe(404);
  await page.goto('/admin');
  await expect(page.getByTestId('dashboard-feeds-failing')).toContainText('1 feed is failing');

  // Tidy up for the other specs: the feed goes (its article stays), private addresses are refused again.
  await page.goto('/admin/feeds');
  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: /Remove/ }).click();
  await expect(page.getByTestId('feed-row').filter({ hasText: feed.url })).toHaveCount(0);
  await page.getByLabel('Allow feeds on private addresses').uncheck();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Feeds on private addresses are refused.')).toBeVisible();
  expect(itemUrl(slug)).toContain(slug);
});

test('the running server polls a due feed by itself (the scheduler started with the server)', async () => {
  test.setTimeout(120_000);
  const db: Db = openDatabase(path.join(process.env.E2E_DATA_DIR!, 'desk.db'));
  const slug = `feed-e2e-scheduled-${Date.now()}`;
  feed.override = null;
  feed.items = [{ slug, title: 'Feed test: the scheduled poll', date: '2001-02-04T10:00:00Z' }];
  await setSetting('feedsAllowPrivateAddresses', true, db);
  const row = db
    .insert(feeds)
    .values({ url: `${feed.origin}/scheduled.xml`, nextPollAt: new Date(Date.now() - 1000).toISOString() })
    .returning()
    .get();
  try {
    // The server's timer ticks every 30 s; nobody presses anything.
    await expect
      .poll(() => db.select().from(feeds).where(eq(feeds.id, row.id)).get()?.lastOutcome, {
        timeout: 60_000,
        intervals: [1000],
      })
      .toBe('fetched');
    expect(
      db
        .select()
        .from(articles)
        .where(eq(articles.canonicalUrl, itemUrl(slug)))
        .get(),
    ).toMatchObject({ title: 'Feed test: the scheduled poll' });
    expect(db.select().from(feedRuns).where(eq(feedRuns.feedId, row.id)).all()).toHaveLength(1);
  } finally {
    db.delete(feeds).where(eq(feeds.id, row.id)).run();
    await setSetting('feedsAllowPrivateAddresses', false, db);
    db.$client.close();
  }
});
