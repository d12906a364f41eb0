import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { organizations, settings, users, type OrgType, type Role } from '@/db/schema';
import { demoArticles, PUBLISHER } from './seed-data/articles';
import { seedDemoRequests } from './seed-requests';
import { hashPassword } from '@/lib/auth/password';
import { upsertArticle } from '@/lib/catalogue/write';
import { currentRateCard } from '@/lib/rate-card';
import { DEFAULT_AGENCIES } from '@/lib/settings';

export const DEMO_ORGS: { key: string; name: string; type: OrgType; country: string; domains: string[] }[] = [
  {
    key: 'northbank',
    name: 'Northbank Daily',
    type: 'commercial',
    country: 'United Kingdom',
    domains: ['northbank.example'],
  },
  {
    key: 'opencoast',
    name: 'Open Coast Trust',
    type: 'non-profit',
    country: 'Ireland',
    domains: ['opencoast.example'],
  },
  {
    key: 'aldery-uni',
    name: 'Aldery University Press',
    type: 'education',
    country: 'United Kingdom',
    domains: ['press.aldery-uni.example'],
  },
  {
    key: 'tidewire',
    name: 'Tidewire Newsletter',
    type: 'individual',
    country: 'Canada',
    domains: ['tidewire.example'],
  },
];

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; org?: string }[] = [
  { email: 'admin@demo.test', name: 'Ada Admin', role: 'admin' },
  { email: 'staff@demo.test', name: 'Sol Staff', role: 'staff' },
  { email: 'publisher@demo.test', name: 'Pat Publisher', role: 'publisher', org: 'northbank' },
  { email: 'nonprofit@demo.test', name: 'Nia Nonprofit', role: 'publisher', org: 'opencoast' },
];

const SEEDED_KEY = 'demoSeededAt';

export type SeedResult = { seeded: boolean; password?: string };

/**
 * Seeds the demo desk into an empty database, once: a marker in settings makes every later run
 * a no-op, so restarting never duplicates anything.
 */
export async function seedDemo(db: Db, password: string): Promise<SeedResult> {
  currentRateCard(db);
  if (db.select().from(settings).where(eq(settings.key, SEEDED_KEY)).get()) return { seeded: false };
  const passwordHash = await hashPassword(password);
  db.transaction((tx) => {
    const orgIds = new Map<string, number>();
    for (const o of DEMO_ORGS) {
      const row = tx
        .insert(organizations)
        .values({ name: o.name, type: o.type, country: o.country, domains: o.domains })
        .returning()
        .get();
      orgIds.set(o.key, row.id);
    }
    for (const a of DEMO_ACCOUNTS) {
      tx.insert(users)
        .values({
          email: a.email,
          name: a.name,
          role: a.role,
          passwordHash,
          organizationId: a.org ? orgIds.get(a.org) : null,
          orgRole: a.org ? 'owner' : null,
          emailVerifiedAt: new Date().toISOString(),
        })
        .onConflictDoNothing()
        .run();
    }
    for (const a of demoArticles) {
      upsertArticle(
        tx,
        {
          slug: a.slug,
          title: a.title,
          standfirst: a.standfirst,
          body: a.bodyHtml,
          authors: a.authors,
          section: a.section,
          tags: a.tags,
          publishedAt: a.publishedAt,
          canonicalUrl: `${PUBLISHER.baseUrl}/${a.section.toLowerCase()}/${a.slug}`,
          premiumMilli: a.premiumMilli,
          rightsStatus: a.rightsStatus,
          embargoUntil: a.embargoUntil,
          assets: a.assets,
        },
        DEFAULT_AGENCIES,
      );
    }
    tx.insert(settings).values({ key: SEEDED_KEY, value: new Date().toISOString() }).run();
  });
  // After the marker: requests go through the real submission and transitions (their own
  // transactions), and a restart never seeds them twice.
  await seedDemoRequests(db);
  return { seeded: true, password };
}

/** DEMO_PASSWORD, else the one kept from an earlier start, else a new random one. */
export function demoPassword(dir: string): string {
  if (process.env.DEMO_PASSWORD) return process.env.DEMO_PASSWORD;
  const kept = readCredentials(dir);
  return kept ?? `demo-${randomBytes(6).toString('base64url')}`;
}

export function credentialsFile(dir: string): string {
  return path.join(dir, 'demo-credentials.txt');
}

function readCredentials(dir: string): string | undefined {
  try {
    return /password: (\S+)/.exec(fs.readFileSync(credentialsFile(dir), 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

export function credentialsText(password: string, baseUrl: string): string {
  const lines = DEMO_ACCOUNTS.map(
    (a) => `  ${a.email.padEnd(22)} ${a.role}${a.org ? ` (${DEMO_ORGS.find((o) => o.key === a.org)!.name})` : ''}`,
  );
  return [`Demo sign-ins at ${baseUrl}/login`, ...lines, `  password: ${password}`, ''].join('\n');
}
