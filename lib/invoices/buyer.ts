import 'server-only';
import { eq } from 'drizzle-orm';
import type { Conn } from '@/db/client';
import { organizations } from '@/db/schema';
import { countryCode } from './countries';
import type { InvoiceBuyer } from './draft';

export type { InvoiceBuyer };

/**
 * The organisation's billing details, falling back to its name and country while the billing
 * profile is empty.
 * MERGE NOTE: `billingProfile(orgId, conn)` in lib/orgs/profile.ts (the accounts work) reads the
 * same columns and should replace this read once both are on main.
 */
export function invoiceBuyer(conn: Conn, organizationId: number): InvoiceBuyer {
  const o = conn.select().from(organizations).where(eq(organizations.id, organizationId)).get();
  if (!o) throw new Error(`No organisation ${organizationId}`);
  const address = [o.billingLine1, o.billingLine2, o.billingCity, o.billingPostcode].filter(
    (l): l is string => !!l && l.trim() !== '',
  );
  const code = countryCode(o.billingCountry) ?? countryCode(o.country);
  return {
    name: o.legalName?.trim() || o.name,
    address,
    country: o.billingCountry ? o.billingCountry.toUpperCase() : o.country,
    countryCode: code,
    vatNumber: o.vatNumber?.trim() || null,
    email: o.billingEmail?.trim() || null,
  };
}
