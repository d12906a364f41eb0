import type { License } from '@/db/schema';
import { licenseState, STATE_LABELS, STATE_TONES } from '@/lib/licenses/status';

export function StatusBadge({ license }: { license: Pick<License, 'status' | 'validFrom' | 'validUntil'> }) {
  const state = licenseState(license);
  return (
    <span className={`badge ${STATE_TONES[state]}`} data-testid="license-status">
      {STATE_LABELS[state]}
    </span>
  );
}
