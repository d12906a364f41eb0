import { Chrome } from '@/app/ui/shell/Chrome';

/**
 * Pages for visitors (no session cookie), rendered once and cached for every visitor (ISR):
 * proxy.ts rewrites /articles and /articles/[slug] here, so the /visitor addresses stay out of
 * the address bar. Nothing below may read the session, cookies or headers: Next would refuse to
 * serve the page. Staff changes to articles, notices, the rate card and settings revalidate them at
 * once (lib/catalogue/visitor-cache.ts); anything else (imports, embargoes lifting) within the
 * pages' `revalidate`, a minute.
 */
export default function VisitorLayout({ children }: { children: React.ReactNode }) {
  return <Chrome mode="visitor">{children}</Chrome>;
}
