import 'server-only';
import { getDb, type Db } from '@/db/client';
import { aiPolicyOf, getSettings } from '@/lib/settings';
import { siteUrl } from '@/lib/site';
import { tdmHeaders } from './tdmrep';

/**
 * The TDMRep values of an article page of this section (`tdm-reservation`, `tdm-policy`). The article
 * pages write them as <meta name> tags (TDMRep's HTML technique) through their metadata; the page
 * cache lifts them into response headers of the visitors' cached copies (lib/ai-terms/tdm-meta.js),
 * and saving the AI settings revalidates those copies, so they follow the staff's current policy.
 */
export function sectionTdmValues(section: string, db: Db = getDb()): Record<string, string> {
  return tdmHeaders(siteUrl(), aiPolicyOf(getSettings(db).ai, section));
}
