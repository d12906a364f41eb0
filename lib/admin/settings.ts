import { getDb, type Db } from '@/db/client';
import { settings, type PublicUser } from '@/db/schema';
import { settingValue, type SiteSettings } from '@/lib/settings';
import { settingsInput, settingsSchema } from '@/lib/validation/admin';
import { fieldErrors, submittedValues, type FormState } from '@/lib/validation/errors';
import { adminOnly, errorState, refusal } from './guard';

/** Writes several settings together, or none. */
export function writeSettings(values: Partial<SiteSettings>, db: Db = getDb()): void {
  const now = new Date().toISOString();
  db.transaction((tx) => {
    for (const [key, value] of Object.entries(values)) {
      tx.insert(settings).values({ key, value: settingValue(value), updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value: settingValue(value), updatedAt: now } }).run();
    }
  });
}

/** Admin only: auto-approval rules and the desk's other settings. */
export async function saveSettingsForm(user: PublicUser | null, formData: FormData, db: Db = getDb()): Promise<FormState> {
  if (!adminOnly(user)) return refusal();
  // Repeated checkboxes: keep them all (submittedValues keeps one value per name).
  const values = { ...submittedValues(formData), autoApprovalUses: formData.getAll('autoApprovalUses').filter((u) => typeof u === 'string').join(',') };
  const parsed = settingsSchema.safeParse(settingsInput(formData));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), message: 'Please correct the marked fields.', values };
  const v = parsed.data;
  try {
    writeSettings(
      {
        autoApproval: { enabled: v.autoApprovalEnabled, feeLimit: v.autoApprovalFeeLimit, uses: v.autoApprovalUses },
        deskEmail: v.deskEmail,
        publisherName: v.publisherName,
        publisherUrl: v.publisherUrl,
        paymentRequiredAbove: v.paymentRequiredAbove,
        agencies: v.agencies,
        publisherDomains: v.publisherDomains,
      },
      db,
    );
    return { ok: true, message: 'Settings saved.' };
  } catch (e) {
    return errorState(e, values);
  }
}
