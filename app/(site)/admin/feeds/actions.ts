'use server';

import { revalidatePath } from 'next/cache';
import type { FeedRun } from '@/db/schema';
import { adminAction, staffAction } from '@/lib/actions/builders';
import { revalidateVisitorPages } from '@/lib/catalogue/visitor-cache';
import { AppError } from '@/lib/errors';
import { addFeed, describeRun, pollFeedNow, removeFeed, setFeedActive } from '@/lib/feeds/admin';
import { feedActiveSchema, feedIdSchema, feedInputSchema, feedSettingsSchema } from '@/lib/feeds/schema';
import { setSetting } from '@/lib/settings';

// Thin: the builders authorize and parse with lib/feeds/schema.ts; lib/feeds/admin.ts acts.

function refreshed(run?: FeedRun | null): void {
  revalidatePath('/admin/feeds');
  revalidatePath('/admin');
  if (run && run.imported + run.updated > 0) revalidateVisitorPages(); // new articles in the catalogue
}

export const addFeedAction = staffAction(feedInputSchema, async (input, user) => {
  const { run } = await addFeed(input, user.id);
  refreshed(run);
  return `Feed registered and polled. ${describeRun(run)}`;
});

export const pollFeedAction = staffAction(feedIdSchema, async ({ id }) => {
  const run = await pollFeedNow(id);
  refreshed(run);
  // A poll that failed is logged and shown red; the form says so as a failure.
  if (run?.outcome === 'error') throw new AppError('conflict', describeRun(run));
  return describeRun(run);
});

export const setFeedActiveAction = staffAction(feedActiveSchema, ({ id, active }) => {
  setFeedActive(id, active);
  refreshed();
  return active ? 'Polling resumed.' : 'Polling paused.';
});

export const removeFeedAction = staffAction(feedIdSchema, ({ id }) => {
  removeFeed(id);
  refreshed();
  return 'Feed removed; its articles stay in the catalogue.';
});

/** Admin only: may the poller fetch from private addresses (docs/DESIGN.md, "Feeds")? */
export const saveFeedSettingsAction = adminAction(feedSettingsSchema, async ({ allowPrivate }) => {
  setSetting('feedsAllowPrivateAddresses', allowPrivate);
  refreshed();
  return allowPrivate ? 'Feeds on private addresses are allowed.' : 'Feeds on private addresses are refused.';
});
