import 'server-only';
import { sql } from 'drizzle-orm';
import type { Conn } from '@/db/client';
import type { AiSectionPolicy } from '@/db/enums';
import { aiPolicyOf, type AiSettings } from '@/lib/settings';

/** One URL pattern of the publisher's articles and the AI policy that applies to it. */
export type ContentPattern = { pattern: string; policy: AiSectionPolicy; sections: string[] };

/**
 * When one URL pattern covers sections with different policies, a machine can only be told one
 * answer: the strictest (reserve, then license, then allow) — never "allowed" for an article that
 * is not.
 */
const STRICTNESS: AiSectionPolicy[] = ['reserve', 'license', 'allow'];
export const strictest = (policies: AiSectionPolicy[]): AiSectionPolicy =>
  STRICTNESS.find((p) => policies.includes(p)) ?? 'license';

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/**
 * The folder a section's articles live in, read from their canonical URLs (the shared prefix of the
 * first and last URL in sort order is the shared prefix of all), cut at its last '/'. The demo
 * desk's `https://harbourledger.example/climate/<slug>` gives `https://harbourledger.example/climate/`.
 * A prefix that is only the origin says nothing about the section: null.
 */
export function sectionFolder(lowest: string, highest: string): string | null {
  const prefix = commonPrefix(lowest, highest);
  const folder = prefix.slice(0, prefix.lastIndexOf('/') + 1);
  const origin = /^https?:\/\/[^/]+\//i.exec(folder)?.[0];
  return origin && folder.length > origin.length ? folder : null;
}

export type SectionRow = { section: string; lowest: string; highest: string };

/** Every section with the lowest and highest canonical URL of its articles. */
export function sectionRows(conn: Conn): SectionRow[] {
  return conn.all<SectionRow>(sql`
    select section, min(canonical_url) as lowest, max(canonical_url) as highest
    from articles group by section order by section`);
}

/**
 * The publisher's article URL patterns (RFC 9309 style, `*` for any path) with their policy:
 * one per section folder; sections whose articles share no folder of their own fall under the
 * publisher's site as a whole (`<publisherUrl>/*`), with the strictest of their policies.
 */
export function contentPatterns(rows: SectionRow[], ai: AiSettings, publisherUrl: string): ContentPattern[] {
  const site = `${publisherUrl.replace(/\/+$/, '')}/*`;
  const byPattern = new Map<string, { policies: AiSectionPolicy[]; sections: string[] }>();
  for (const row of rows) {
    const folder = sectionFolder(row.lowest, row.highest);
    const pattern = folder ? `${folder}*` : site;
    const entry = byPattern.get(pattern) ?? { policies: [], sections: [] };
    entry.policies.push(aiPolicyOf(ai, row.section));
    entry.sections.push(row.section);
    byPattern.set(pattern, entry);
  }
  // Two folders of which one holds the other cannot have different answers either: fold the inner one in.
  const patterns = [...byPattern.keys()];
  for (const inner of patterns) {
    const outer = patterns.find((p) => p !== inner && byPattern.has(p) && inner.startsWith(p.slice(0, -1)));
    if (outer && byPattern.has(inner)) {
      const o = byPattern.get(outer)!;
      const i = byPattern.get(inner)!;
      o.policies.push(...i.policies);
      o.sections.push(...i.sections);
      byPattern.delete(inner);
    }
  }
  if (byPattern.size === 0) byPattern.set(site, { policies: [ai.defaultPolicy], sections: [] });
  return [...byPattern.entries()]
    .map(([pattern, e]) => ({ pattern, policy: strictest(e.policies), sections: e.sections.sort() }))
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** The desk's own article pages mix every section: the strictest policy of them all. */
export function deskArticlesPolicy(rows: SectionRow[], ai: AiSettings): AiSectionPolicy {
  return strictest(rows.length ? rows.map((r) => aiPolicyOf(ai, r.section)) : [ai.defaultPolicy]);
}
