import 'server-only';
import { getDb, type Db } from '@/db/client';
import { writeSettings } from '@/lib/settings/write';
import type { AiSettingsInput } from './form';

/** Staff: the per-section AI policies, the default and the crawler rules, saved together. */
export function saveAiSettings(input: AiSettingsInput, db: Db = getDb()): string {
  // A null-prototype record: a section named like an Object method is just a section.
  const sections: Record<string, AiSettingsInput['defaultPolicy']> = Object.create(null);
  for (const [s, p] of Object.entries(input.sections)) sections[s] = p;
  writeSettings(
    { ai: { sections: { ...sections }, defaultPolicy: input.defaultPolicy, crawlerRules: input.crawlerRules } },
    db,
  );
  return 'AI terms saved. robots.txt, /license.xml and the TDMRep files say so now.';
}
