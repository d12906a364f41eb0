import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { getDb } from '@/db/client';
import { preparedFor } from '@/db/prepared';
import { settings, USES, type AiSectionPolicy, type Use } from '@/db/schema';
import { domainOf } from '@/lib/catalogue/canonical-url';

export const DEFAULT_AGENCIES = [
  'AFP',
  'AP',
  'Associated Press',
  'Reuters',
  'Getty',
  'Getty Images',
  'EPA',
  'EPA-EFE',
  'Anadolu',
  'Xinhua',
  'SANA',
  'IRNA',
  'TASS',
  'RIA Novosti',
  'KCNA',
  'WAM',
  'SPA',
];

export type SiteSettings = {
  publisherName: string;
  publisherUrl: string;
  deskEmail: string;
  autoApproval: { enabled: boolean; feeLimit: number; uses: Use[] };
  /** Downloads wait for payment when the fee is above this (minor units); null = never wait. */
  paymentRequiredAbove: number | null;
  agencies: string[];
  /** Days the raw pixel hit sample is kept before it is pruned (the daily counts stay). */
  pixelSampleDays: number;
  /**
   * The feed poller may fetch from loopback, private and link-local addresses (docs/DESIGN.md,
   * "Feeds"). Off by default: a feed URL must not become a way into the desk's own network.
   */
  feedsAllowPrivateAddresses: boolean;
  /**
   * Hosts the publisher's own articles live on, besides the publisher website's: a link to an
   * unknown article on one of them is "being added" (ask for it anyway), any other is not ours.
   */
  publisherDomains: string[];
  /**
   * Hours a licensee has to take a copy down after a withdrawal (kill) notice: frozen into each
   * licence's terms when it is issued, shown with every notice and in the signed verification.
   */
  takedownHours: number;
  /** The seller on every invoice (docs/DESIGN.md § Invoices and payments). */
  seller: SellerSettings;
  /** Days from issue to the invoice's due date. */
  paymentTermsDays: number;
  /** The domestic VAT rate in thousandths (200 = 20 %). */
  vatRateMilli: number;
  /** What the desk says to machines (docs/DESIGN.md § AI and catalogue licences). */
  ai: AiSettings;
};

export type AiSettings = {
  /** Per section; a section not listed takes `defaultPolicy`. */
  sections: Record<string, AiSectionPolicy>;
  defaultPolicy: AiSectionPolicy;
  /** Extra robots.txt lines staff write (per-crawler rules), added after the desk's own. */
  crawlerRules: string;
};

export type SellerSettings = {
  legalName: string;
  /** Postal address, one line each. */
  address: string[];
  /** ISO 3166-1 alpha-2: decides the VAT area (lib/invoices/vat.ts). */
  country: string;
  vatNumber: string;
  /** Bank details as printed on the invoice, one line each (account name, sort code, account number, IBAN, BIC). */
  bankDetails: string[];
};

export const DEFAULT_SETTINGS: SiteSettings = {
  publisherName: 'The Harbour Ledger',
  publisherUrl: 'https://harbourledger.example',
  deskEmail: 'desk@harbourledger.example',
  autoApproval: { enabled: true, feeLimit: 20000, uses: [...USES] },
  paymentRequiredAbove: 20000,
  agencies: DEFAULT_AGENCIES,
  pixelSampleDays: 30,
  feedsAllowPrivateAddresses: false,
  publisherDomains: [],
  takedownHours: 24,
  seller: {
    legalName: 'Harbour Ledger Media Ltd',
    address: ['1 Quay Street', 'Bristol', 'BS1 4XX', 'United Kingdom'],
    country: 'GB',
    vatNumber: 'GB123456789',
    bankDetails: ['Account name: Harbour Ledger Media Ltd', 'Sort code: 00-00-00', 'Account number: 00000000'],
  },
  paymentTermsDays: 30,
  vatRateMilli: 200,
  ai: { sections: {}, defaultPolicy: 'license', crawlerRules: '' },
};

/** A section's AI policy: licensed through catalogue licences, reserved (TDMRep: no mining), or allowed. */
export function aiPolicyOf(ai: AiSettings, section: string): AiSectionPolicy {
  return Object.hasOwn(ai.sections, section) ? ai.sections[section]! : ai.defaultPolicy;
}

type Key = keyof SiteSettings;

// Read on every submission: prepared once per connection (db/prepared.ts).
const allSettings = preparedFor((db) => db.select().from(settings).prepare());

export function getSettings(db: Db = getDb()): SiteSettings {
  const rows = allSettings(db).all();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value])) as Partial<SiteSettings>;
  return { ...DEFAULT_SETTINGS, ...stored };
}

/**
 * The JSON text of a setting as an SQL value. Drizzle's json mode would write a null value as SQL
 * NULL (refused by the column), so a setting that is null on purpose (payment never required)
 * is stored as the JSON text 'null'.
 */
export const settingValue = (value: unknown) => sql`${JSON.stringify(value)}`;

export function setSetting<K extends Key>(key: K, value: SiteSettings[K], db: Db = getDb()): void {
  db.insert(settings)
    .values({ key, value: settingValue(value) })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value: settingValue(value), updatedAt: new Date().toISOString() },
    })
    .run();
}

export function getSetting<K extends Key>(key: K, db: Db = getDb()): SiteSettings[K] {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  return row ? (row.value as SiteSettings[K]) : DEFAULT_SETTINGS[key];
}

/** The publisher's domains: the website's host and the listed ones (lower case, no www.). */
export function publisherDomains(s: Pick<SiteSettings, 'publisherUrl' | 'publisherDomains'>): string[] {
  const all = [domainOf(s.publisherUrl), ...s.publisherDomains.map(domainOf)];
  return [...new Set(all.filter((d): d is string => !!d))];
}
