'use server';

import { revalidatePath } from 'next/cache';
import { errorState } from '@/lib/admin/guard';
import { requireAdmin, requireStaff } from '@/lib/auth/session';
import { revalidateVisitorPages } from '@/lib/catalogue/visitor-cache';
import { addFeed, describeRun, pollFeedNow, removeFeed, setFeedActive } from '@/lib/feeds/admin';
import { feedActiveSchema, feedIdSchema, feedInputSchema, feedSettingsSchema } from '@/lib/feeds/schema';
import { setSetting } from '@/lib/settings';
import { fieldErrors, submittedValues, type FormState } from '@/lib/validation/errors';
import type { FeedRun } from '@/db/schema';

// Thin wrappers: authorize, parse with lib/feeds/schema.ts, call lib/feeds/admin.ts.

const INVALID = 'Please correct the marked fields.';

function refreshed(run?: FeedRun | null): void {
  revalidatePath('/admin/feeds');
  revalidatePath('/admin');
  if (run && run.imported + run.updated > 0) revalidateVisitorPages(); // new articles in the catalogue
}

export async function addFeedAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireStaff();
  const values = submittedValues(formData);
  const parsed = feedInputSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), message: INVALID, values };
  try {
    const { run } = await addFeed(parsed.data, user.id);
    refreshed(run);
    return { ok: true, message: `Feed registered and polled. ${describeRun(run)}` };
  } catch (e) {
    return errorState(e, values);
  }
}

export async function pollFeedAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await requireStaff();
  const parsed = feedIdSchema.safeParse(submittedValues(formData));
  if (!parsed.success) return { ok: false, errors: {}, message: 'Unknown feed.' };
  try {
    const run = await pollFeedNow(parsed.data.id);
    refreshed(run);
    return run?.outcome === 'error' ? { ok: false, errors: {}, message: describeRun(run) } : { ok: true, message: describeRun(run) };
  } catch (e) {
    return errorState(e);
  }
}

export async function setFeedActiveAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await requireStaff();
  const parsed = feedActiveSchema.safeParse(submittedValues(formData));
  if (!parsed.success) return { ok: false, errors: {}, message: 'Unknown feed.' };
  try {
    setFeedActive(parsed.data.id, parsed.data.active);
    refreshed();
    return { ok: true, message: parsed.data.active ? 'Polling resumed.' : 'Polling paused.' };
  } catch (e) {
    return errorState(e);
  }
}

export async function removeFeedAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await requireStaff();
  const parsed = feedIdSchema.safeParse(submittedValues(formData));
  if (!parsed.success) return { ok: false, errors: {}, message: 'Unknown feed.' };
  try {
    removeFeed(parsed.data.id);
    refreshed();
    return { ok: true, message: 'Feed removed; its articles stay in the catalogue.' };
  } catch (e) {
    return errorState(e);
  }
}

/** Admin only: may the poller fetch from private addresses (docs/DESIGN.md, "Feeds")? */
export async function saveFeedSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await requireAdmin();
  const { allowPrivate: allow } = feedSettingsSchema.parse({ allowPrivate: formData.get('allowPrivate') === 'on' });
  try {
    await setSetting('feedsAllowPrivateAddresses', allow);
    refreshed();
    return { ok: true, message: allow ? 'Feeds on private addresses are allowed.' : 'Feeds on private addresses are refused.' };
  } catch (e) {
    return errorState(e);
  }
}
