import type { Metadata } from 'next';
import { SettingsForm } from '@/app/ui/admin/SettingsForm';
import { requirePage } from '@/lib/auth/session';
import { getSettings } from '@/lib/settings';
import { intToDecimal } from '@/lib/validation/amounts';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  await requirePage('admin', '/admin');
  const s = getSettings();
  return (
    <section aria-labelledby="settings-heading">
      <h1 id="settings-heading">Settings</h1>
      <SettingsForm
        initial={{
          autoApprovalEnabled: s.autoApproval.enabled,
          autoApprovalFeeLimit: intToDecimal(s.autoApproval.feeLimit, 2),
          autoApprovalUses: s.autoApproval.uses,
          deskEmail: s.deskEmail,
          publisherName: s.publisherName,
          publisherUrl: s.publisherUrl,
          paymentRequiredAbove: s.paymentRequiredAbove === null ? '' : intToDecimal(s.paymentRequiredAbove, 2),
          agencies: s.agencies.join('\n'),
          pixelSampleDays: String(s.pixelSampleDays),
          takedownHours: String(s.takedownHours),
          publisherDomains: s.publisherDomains.join('\n'),
          sellerLegalName: s.seller.legalName,
          sellerAddress: s.seller.address.join('\n'),
          sellerCountry: s.seller.country,
          sellerVatNumber: s.seller.vatNumber,
          bankDetails: s.seller.bankDetails.join('\n'),
          paymentTermsDays: String(s.paymentTermsDays),
          vatRateMilli: intToDecimal(s.vatRateMilli, 1),
        }}
      />
    </section>
  );
}
