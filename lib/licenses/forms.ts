import 'server-only';
import { getDb, type Db } from '@/db/client';
import type { PublicUser } from '@/db/schema';
import { errorState, refusal } from '@/lib/admin/guard';
import { isStaff } from '@/lib/auth/roles';
import { articleNoticeSchema, markPaidSchema } from '@/lib/validation/license';
import { fieldErrors, submittedValues, type FormState } from '@/lib/validation/errors';
import { formatDate } from './labels';
import { markArticle } from './notices';
import { markPaid } from './payment';

// The form handlers behind the staff actions: they take the user (the 'use server' wrappers pass
// currentUser()), so authorization and validation are tested without a browser.

export async function articleNoticeForm(user: PublicUser | null, formData: FormData, db: Db = getDb()): Promise<FormState> {
  if (!isStaff(user)) return refusal();
  const values = submittedValues(formData);
  const parsed = articleNoticeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), message: 'Please correct the marked fields.', values };
  const { articleId, kind, note } = parsed.data;
  try {
    const { notified } = await markArticle(articleId, kind, note, user, db);
    const who = notified === 0 ? 'No licence in force holds it.' : `${notified} licensee${notified === 1 ? ' was' : 's were'} notified.`;
    return { ok: true, message: `Article marked ${kind}. ${who}` };
  } catch (e) {
    return errorState(e, values);
  }
}

export async function markPaidForm(user: PublicUser | null, formData: FormData, db: Db = getDb()): Promise<FormState> {
  if (!isStaff(user)) return refusal();
  const parsed = markPaidSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), message: 'Unknown licence.' };
  try {
    const { license, alreadyPaid } = await markPaid(parsed.data.code, user, db);
    return { ok: true, message: alreadyPaid ? `Invoice ${license.invoiceRef} was already marked paid on ${formatDate(license.paidAt)}.` : `Invoice ${license.invoiceRef} marked paid.` };
  } catch (e) {
    return errorState(e);
  }
}
