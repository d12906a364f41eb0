import 'server-only';
import { getDb, type Db } from '@/db/client';
import type { OrgType } from '@/db/enums';
import { currentRateCard } from '@/lib/rate-card';
import { getOrganization } from '@/lib/requests/queries';
import { getSettings } from '@/lib/settings';
import type { CatalogueOptions } from './form';
import { priceSelection, type SelectionPrice } from './price';

/**
 * The live price of a selection on the current rate card, for the form and GET /api/catalogue-quote:
 * an organisation's own type when `organizationId` is given (what submitting will store), else `licenseeType`.
 */
export function quoteCatalogue(
  options: CatalogueOptions,
  licenseeType: OrgType,
  organizationId: number | null,
  db: Db = getDb(),
): SelectionPrice & { licenseeType: OrgType; rateCardVersion: number } {
  const org = organizationId ? getOrganization(organizationId, db) : undefined;
  const type = org?.type ?? licenseeType;
  const { version, card } = currentRateCard(db);
  const price = priceSelection(db, options, type, card, getSettings(db).ai, new Date());
  return { ...price, licenseeType: type, rateCardVersion: version };
}
