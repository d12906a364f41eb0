import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import { organizations, users, type OrgRole, type OrgType, type Role } from '@/db/schema';
import { upsertArticle, type ArticleInput } from '@/lib/catalogue/write';
import { DEFAULT_AGENCIES } from '@/lib/settings';

// A cheap hash keeps factories fast; real hashing is tested in the password tests.
export const FAKE_HASH = 'scrypt$16384$8$1$AAAA$AAAA';

export function makeOrg(
  db: Db,
  over: Partial<{ name: string; type: OrgType; domains: string[]; flagged: boolean }> = {},
) {
  return db
    .insert(organizations)
    .values({
      name: over.name ?? `Org ${randomUUID().slice(0, 6)}`,
      type: over.type ?? 'commercial',
      country: 'United Kingdom',
      domains: over.domains ?? ['example.org'],
      flagged: over.flagged ?? false,
    })
    .returning()
    .get();
}

/** A verified account unless `verified: false`. */
export function makeUser(
  db: Db,
  over: Partial<{
    email: string;
    name: string;
    role: Role;
    organizationId: number | null;
    orgRole: OrgRole | null;
    verified: boolean;
  }> = {},
) {
  return db
    .insert(users)
    .values({
      email: (over.email ?? `u-${randomUUID().slice(0, 8)}@example.org`).toLowerCase(),
      name: over.name ?? 'Test User',
      role: over.role ?? 'publisher',
      organizationId: over.organizationId ?? null,
      // Like registering: the first account of an organisation owns it.
      orgRole: over.orgRole !== undefined ? over.orgRole : over.organizationId ? 'owner' : null,
      passwordHash: FAKE_HASH,
      emailVerifiedAt: over.verified === false ? null : new Date().toISOString(),
    })
    .returning()
    .get();
}

let n = 0;
export function makeArticle(db: Db, over: Partial<ArticleInput> = {}) {
  n += 1;
  const slug = over.slug ?? `article-${n}-${randomUUID().slice(0, 6)}`;
  const input: ArticleInput = {
    slug,
    title: `Article ${n}`,
    standfirst: 'A standfirst.',
    body: '<p>Body text of the article about the harbour.</p>',
    authors: ['Jo Writer'],
    section: 'News',
    tags: ['harbour'],
    publishedAt: '2026-03-01T09:00:00.000Z',
    canonicalUrl: `https://harbourledger.example/news/${slug}`,
    assets: [],
    ...over,
  };
  return db.transaction((tx) => upsertArticle(tx, input, DEFAULT_AGENCIES));
}
