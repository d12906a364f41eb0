import 'server-only';
import { getDb, type Db } from '@/db/client';
import { settings } from '@/db/schema';
import { settingValue, type SiteSettings } from '@/lib/settings';
import type { SettingsInput } from '@/lib/validation/admin';

/** Writes several settings together, or none. */
export function writeSettings(values: Partial<SiteSettings>, db: Db = getDb()): void {
  const now = new Date().toISOString();
  db.transaction((tx) => {
    for (const [key, value] of Object.entries(values)) {
      tx.insert(settings)
        .values({ key, value: settingValue(value), updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value: settingValue(value), updatedAt: now } })
        .run();
    }
  });
}

/** Admin only: auto-approval rules and the desk's other settings. */
export function saveSettingsForm(v: SettingsInput, db: Db = getDb()): string {
  writeSettings(
    {
      autoApproval: { enabled: v.autoApprovalEnabled, feeLimit: v.autoApprovalFeeLimit, uses: v.autoApprovalUses },
      deskEmail: v.deskEmail,
      publisherName: v.publisherName,
      publisherUrl: v.publisherUrl,
      paymentRequiredAbove: v.paymentRequiredAbove,
      agencies: v.agencies,
      pixelSampleDays: v.pixelSampleDays,
      publisherDomains: v.publisherDomains,
      ...(v.takedownHours === undefined ? {} : { takedownHours: v.takedownHours }),
      seller: {
        legalName: v.sellerLegalName,
        address: v.sellerAddress,
        country: v.sellerCountry,
        vatNumber: v.sellerVatNumber,
        bankDetails: v.bankDetails,
      },
      paymentTermsDays: v.paymentTermsDays,
      vatRateMilli: v.vatRateMilli,
    },
    db,
  );
  return 'Settings saved.';
}
