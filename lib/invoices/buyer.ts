import 'server-only';
import { eq } from 'drizzle-orm';
import type { Conn } from '@/db/client';
import { organizations } from '@/db/schema';
import { countryCode } from './countries';
import type { InvoiceBuyer } from './draft';
import { billingProfile } from '@/lib/orgs/profile';

export type { InvoiceBuyer };

/**
 * The buyer on an invoice: the organisation's billing profile (lib/orgs/profile.ts). Until the profile
 * names a country, the one typed at registration stands in (free text, mapped to a code for the VAT rule).
 */
export function invoiceBuyer(conn: Conn, organizationId: number): InvoiceBuyer {
  const p = billingProfile(organizationId, conn);
  const registered = p.country
    ? null
    : (conn
        .select({ country: organizations.country })
        .from(organizations)
        .where(eq(organizations.id, organizationId))
        .get()?.country ?? null);
  return {
    name: p.name,
    address: p.addressLines,
    country: p.country ?? registered ?? '',
    countryCode: p.country ?? countryCode(registered),
    vatNumber: p.vatNumber,
    email: p.billingEmail,
  };
}
