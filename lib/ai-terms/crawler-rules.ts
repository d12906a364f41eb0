import { z } from 'zod';

/*
 * The crawler rules staff add to robots.txt. Only the four RFC 9309 lines that shape crawling are
 * accepted — User-agent, Allow, Disallow (RFC 9309) and Crawl-delay (widely read) — so nothing typed
 * here can add another directive (a second License: or Sitemap: line, a Host:) or break the file
 * with control characters. Rules must open with a User-agent line: a rule outside a group means
 * nothing to a crawler.
 */
const MAX_LINES = 200;
const LINE = /^(user-agent|allow|disallow|crawl-delay)\s*:\s*(.*)$/i;
const CANONICAL: Record<string, string> = {
  'user-agent': 'User-agent',
  allow: 'Allow',
  disallow: 'Disallow',
  'crawl-delay': 'Crawl-delay',
};

export type RuleCheck = { ok: true; rules: string } | { ok: false; message: string };

/** The rules in canonical spelling, blank lines kept between groups; or why a line is refused. */
export function checkCrawlerRules(text: string): RuleCheck {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > MAX_LINES) return { ok: false, message: `At most ${MAX_LINES} lines.` };
  const out: string[] = [];
  let inGroup = false;
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    const where = `Line ${i + 1}`;
    if (line === '') {
      if (out.length && out.at(-1) !== '') out.push('');
      continue;
    }
    const m = LINE.exec(line);
    if (!m) return { ok: false, message: `${where}: only User-agent, Allow, Disallow and Crawl-delay lines.` };
    const key = CANONICAL[m[1]!.toLowerCase()]!;
    const value = m[2]!.trim();
    if (/[\u0000-\u001f\u007f#]/.test(value)) return { ok: false, message: `${where}: no control characters or #.` };
    if (key === 'User-agent') {
      if (!/^[A-Za-z0-9_*.-]{1,100}$/.test(value)) return { ok: false, message: `${where}: a crawler's name, or *.` };
      inGroup = true;
    } else if (!inGroup) {
      return { ok: false, message: `${where}: start with a User-agent line.` };
    } else if (key === 'Crawl-delay') {
      if (!/^\d{1,4}(\.\d{1,2})?$/.test(value)) return { ok: false, message: `${where}: Crawl-delay is seconds.` };
    } else if (value !== '' && !/^[/*][^\s]{0,500}$/.test(value)) {
      return { ok: false, message: `${where}: a path starting with / (or *).` };
    }
    out.push(`${key}: ${value}`);
  }
  while (out.at(-1) === '') out.pop();
  return { ok: true, rules: out.join('\n') };
}

/** Zod for the form and the action: the canonical text, or the field's message. */
export const crawlerRulesSchema = z
  .string()
  .max(20_000, 'At most 20,000 characters.')
  .transform((text, ctx) => {
    const r = checkCrawlerRules(text);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.rules;
  });
