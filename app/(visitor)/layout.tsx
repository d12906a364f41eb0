import { VisitorChrome } from '@/app/ui/shell/Chrome';

/**
 * Pages for visitors (no session cookie), rendered once and cached for every visitor (ISR):
 * proxy.ts rewrites /articles and /articles/[slug] here, so these addresses never appear in the
 * browser. Nothing below may read the session, cookies or headers, or the cache is lost.
 * Staff changes to articles, the rate card and settings revalidate them at once
 * (lib/catalogue/visitor-cache.ts); anything else (imports, embargoes lifting) within REVALIDATE_SECONDS.
 */
export default function VisitorLayout({ children }: { children: React.ReactNode }) {
  return <VisitorChrome>{children}</VisitorChrome>;
}
