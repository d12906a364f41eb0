import { checkCrawlerRules } from './crawler-rules';

export type RobotsInput = { site: string; publisherName: string; crawlerRules: string };

/**
 * robots.txt: the RSL discovery line (`License:`, RSL 1.0 § robots.txt: the absolute URL of the
 * licence file), the sitemap, the desk's own rules (its signed-in and API areas are not for
 * crawling), then the staff's rules — checked again here, so a stored value that predates a rule
 * can still add nothing but crawler lines.
 */
export function robotsTxt({ site, publisherName, crawlerRules }: RobotsInput): string {
  const checked = checkCrawlerRules(crawlerRules);
  const staff = checked.ok && checked.rules ? `\n${checked.rules}\n` : '';
  return (
    `# ${publisherName.replace(/[\r\n]+/g, ' ')} licensing desk. AI terms: RSL 1.0 at /license.xml, TDMRep at /.well-known/tdmrep.json.\n` +
    `License: ${site}/license.xml\n` +
    `Sitemap: ${site}/sitemap.xml\n` +
    `\nUser-agent: *\nDisallow: /admin\nDisallow: /account\nDisallow: /api/\nAllow: /\n` +
    staff
  );
}
