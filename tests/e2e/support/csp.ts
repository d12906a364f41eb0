import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';

/**
 * Collects every Content-Security-Policy violation in a browser context: the page's own
 * `securitypolicyviolation` events (forwarded through the console) and Chromium's console errors
 * for blocked scripts ("Refused to execute …"). Assert the list is empty at the end.
 */
export async function watchCsp(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.documentURI}`),
    );
  });
  context.on('console', (msg) => {
    const text = msg.text();
    if (/CSP violation|Content Security Policy/i.test(text)) violations.push(`${msg.page()?.url() ?? ''}: ${text}`);
  });
  return violations;
}

/** A page in a new context (`options`: e.g. a phone's viewport) whose CSP violations are added to `into`. */
export async function pageWatchingCsp(
  browser: Browser,
  into: string[],
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext(options);
  const violations = await watchCsp(context);
  context.on('close', () => into.push(...violations));
  return context.newPage();
}
