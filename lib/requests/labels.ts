/**
 * The words people read for the options of a use — the request form's own words, used by every
 * page, mail, licensed copy and PDF. Codes (`1y`, `country`, `commercial`) stay in the database
 * and the JSON API; nothing a person reads shows one. Pure: safe in client components.
 */
import type { Duration, OrgType, Portion, Territory, Use } from '@/db/enums';

export const USE_LABELS: Record<Use, string> = {
  web: 'Website',
  print: 'Print',
  newsletter: 'Newsletter',
  broadcast: 'Broadcast',
  academic: 'Academic',
  internal: 'Internal use',
  'ai-train': 'AI training',
  'ai-input': 'AI answers (retrieval)',
  'ai-index': 'AI search index',
};
export const TERRITORY_LABELS: Record<Territory, string> = {
  country: 'One country',
  region: 'One region',
  worldwide: 'Worldwide',
};
export const DURATION_LABELS: Record<Duration, string> = { '30d': '30 days', '1y': '1 year', perpetual: 'Perpetual' };
export const PORTION_LABELS: Record<Portion, string> = { full: 'Full text', excerpt: 'Excerpt (up to 300 words)' };
export const LICENSEE_LABELS: Record<OrgType, string> = {
  commercial: 'Commercial outlet',
  'non-profit': 'Non-profit',
  education: 'Education',
  individual: 'Individual',
  ai_developer: 'AI developer',
};

/** "One country: Ireland", or just the territory when there is no detail (worldwide). */
export function territoryText(territory: Territory, detail: string): string {
  return detail && territory !== 'worldwide'
    ? `${TERRITORY_LABELS[territory]}: ${detail}`
    : TERRITORY_LABELS[territory];
}

export function audienceText(audience: number): string {
  return `Audience of ${audience.toLocaleString('en-GB')} a month`;
}

const OPTION_LABELS: Record<string, Record<string, string>> = {
  licenseeType: LICENSEE_LABELS,
  territory: TERRITORY_LABELS,
  duration: DURATION_LABELS,
  portion: PORTION_LABELS,
};

/**
 * A price factor's words. Quotes stored before the factors carried their code (`value`) have
 * labels such as "Duration: 1y"; those are read back into the same words.
 */
export function factorLabel(f: { name: string; label: string; value?: string }): string {
  const labels = OPTION_LABELS[f.name];
  if (!labels)
    return f.name === 'audience' ? f.label.replace(/^Audience ([\d,]+)\/month$/, 'Audience of $1 a month') : f.label;
  const code = f.value ?? /^[A-Za-z ]+: (.+)$/.exec(f.label)?.[1];
  return (code && labels[code]) || f.label;
}
