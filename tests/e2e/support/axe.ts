import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

/** The rule sets the journey holds every page to: WCAG 2.0/2.1 A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * axe-core on the page as it is now; one readable line per violation (the rule, its impact, its
 * help text and each offending node with what to fix), for an `expect(list, list.join('\n'))`.
 * `impacts` limits which violations count (default: every impact); `tags` limits the rules run
 * (default: every rule axe has).
 */
export async function axeViolations(
  page: Page,
  label: string,
  opts: { include?: string; impacts?: Impact[]; tags?: string[] } = {},
): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (opts.include) builder.include(opts.include);
  if (opts.tags) builder.withTags(opts.tags);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => !opts.impacts || opts.impacts.includes(v.impact as Impact))
    .map(
      (v) =>
        `${label} — ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`).join('\n')}`,
    );
}
