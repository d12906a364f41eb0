import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Conn, type Db } from '@/db/client';
import { organizations, type Organization, type PublicUser } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { countryName } from '@/lib/validation/countries';
import { recordOrgEvent } from './events';
import { requireOwner } from './members';
import type { OrgProfileInput } from './schemas';

/** The columns the profile form edits, in the order people read them. */
export const PROFILE_FIELDS = [
  'legalName',
  'billingLine1',
  'billingLine2',
  'billingCity',
  'billingPostcode',
  'billingCountry',
  'vatNumber',
  'billingEmail',
  'domains',
] as const;
type ProfileField = (typeof PROFILE_FIELDS)[number];

export const PROFILE_LABELS: Record<ProfileField, string> = {
  legalName: 'Legal name',
  billingLine1: 'Address line 1',
  billingLine2: 'Address line 2',
  billingCity: 'Town or city',
  billingPostcode: 'Postcode',
  billingCountry: 'Country',
  vatNumber: 'VAT or tax number',
  billingEmail: 'Billing email',
  domains: 'Websites',
};

export type OrgProfile = Pick<Organization, 'id' | 'name' | 'type' | 'country' | ProfileField>;

export function getOrgProfile(organizationId: number, conn: Conn = getDb()): OrgProfile | undefined {
  return conn
    .select({
      id: organizations.id,
      name: organizations.name,
      type: organizations.type,
      country: organizations.country,
      legalName: organizations.legalName,
      billingLine1: organizations.billingLine1,
      billingLine2: organizations.billingLine2,
      billingCity: organizations.billingCity,
      billingPostcode: organizations.billingPostcode,
      billingCountry: organizations.billingCountry,
      vatNumber: organizations.vatNumber,
      billingEmail: organizations.billingEmail,
      domains: organizations.domains,
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .get();
}

const asText = (v: string | string[] | null): string | null => (Array.isArray(v) ? v.join(', ') || null : v);

/**
 * Owners save the profile. Only the fields that changed are written, and one profile_changed event
 * records each of them as [before, after] — who and when are the event's own columns.
 */
export function updateOrgProfile(input: OrgProfileInput, actor: PublicUser, db: Db = getDb()): string {
  return db.transaction(
    (tx) => {
      const me = requireOwner(tx, actor);
      const before = getOrgProfile(me.organizationId, tx)!;
      const after: Record<ProfileField, string | string[] | null> = {
        legalName: input.legalName,
        billingLine1: input.billingLine1,
        billingLine2: input.billingLine2,
        billingCity: input.billingCity,
        billingPostcode: input.billingPostcode,
        billingCountry: input.billingCountry,
        vatNumber: input.vatNumber,
        billingEmail: input.billingEmail,
        domains: input.websites,
      };
      const changes: Record<string, [string | null, string | null]> = {};
      const set: Partial<typeof organizations.$inferInsert> = {};
      for (const field of PROFILE_FIELDS) {
        const was = asText(before[field]);
        const now = asText(after[field]);
        if (was === now) continue;
        changes[field] = [was, now];
        Object.assign(set, { [field]: after[field] });
      }
      if (Object.keys(changes).length === 0) return 'Nothing changed.';
      tx.update(organizations).set(set).where(eq(organizations.id, me.organizationId)).run();
      recordOrgEvent(tx, me.organizationId, me.id, 'profile_changed', { changes });
      return 'Organisation profile saved.';
    },
    { behavior: 'immediate' },
  );
}

/**
 * What an invoice needs to name and address the licensee (issue 15 reads it through this, never the
 * columns): the legal name, else the organisation's name; the address lines that are filled in, in
 * order (line 1, line 2, "postcode city"); the billing country as ISO 3166-1 alpha-2 (null when not
 * set) with its English name; the VAT or tax number (upper-case, no spaces, EU/UK with its prefix)
 * or null; the billing email or null (send invoices to the requester then).
 *
 *   { organizationId: 7, name: 'Northbank Media Ltd', addressLines: ['1 Quay St', 'EC1A 1AA London'],
 *     country: 'GB', countryName: 'United Kingdom', vatNumber: 'GB123456789', billingEmail: 'accounts@…' }
 */
export type BillingProfile = {
  organizationId: number;
  name: string;
  addressLines: string[];
  country: string | null;
  countryName: string | null;
  vatNumber: string | null;
  billingEmail: string | null;
};

export function billingProfile(orgId: number, conn: Conn = getDb()): BillingProfile {
  const org = getOrgProfile(orgId, conn);
  if (!org) throw notFound('No such organisation.');
  const cityLine = [org.billingPostcode, org.billingCity].filter(Boolean).join(' ');
  return {
    organizationId: org.id,
    name: org.legalName || org.name,
    addressLines: [org.billingLine1, org.billingLine2, cityLine].filter((l): l is string => !!l),
    country: org.billingCountry,
    countryName: org.billingCountry ? countryName(org.billingCountry) : null,
    vatNumber: org.vatNumber,
    billingEmail: org.billingEmail,
  };
}
