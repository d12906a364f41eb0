import 'server-only';
import { getDb, type Db } from '@/db/client';
import { currentRateCard } from '@/lib/rate-card';
import { getSettings } from '@/lib/settings';
import { siteUrl } from '@/lib/site';
import { licenseXml } from './license-xml';
import { robotsTxt } from './robots';
import { contentPatterns, deskArticlesPolicy, sectionRows } from './sections';
import { tdmPolicy, tdmrepJson } from './tdmrep';

/*
 * What the desk tells machines, read from the current rate card and settings on every call: the
 * files are never stored or cached, so they cannot disagree with a quote made the same moment.
 * docs/DESIGN.md § AI and catalogue licences.
 */
function inputs(db: Db) {
  const settings = getSettings(db);
  const rows = sectionRows(db);
  return {
    site: siteUrl(),
    settings,
    patterns: contentPatterns(rows, settings.ai, settings.publisherUrl),
    deskPolicy: deskArticlesPolicy(rows, settings.ai),
  };
}

export function currentLicenseXml(db: Db = getDb()): string {
  const { site, settings, patterns, deskPolicy } = inputs(db);
  return licenseXml({
    site,
    publisherName: settings.publisherName,
    deskEmail: settings.deskEmail,
    card: currentRateCard(db).card,
    patterns,
    deskPolicy,
  });
}

export function currentRobotsTxt(db: Db = getDb()): string {
  const s = getSettings(db);
  return robotsTxt({ site: siteUrl(), publisherName: s.publisherName, crawlerRules: s.ai.crawlerRules });
}

export function currentTdmrep(db: Db = getDb()) {
  const { site, patterns, deskPolicy } = inputs(db);
  return tdmrepJson(site, patterns, deskPolicy);
}

export function currentTdmPolicy(db: Db = getDb()) {
  const s = getSettings(db);
  return tdmPolicy({
    site: siteUrl(),
    publisherName: s.publisherName,
    publisherUrl: s.publisherUrl,
    deskEmail: s.deskEmail,
  });
}
