import { Chrome } from '@/app/ui/shell/Chrome';

/**
 * Every page rendered per request: the header reads the session and shows who is signed in. A new
 * page folder goes under app/(site) and gets this header; the cached visitor pages stay in
 * app/(visitor), which must never read the session.
 */
export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return <Chrome mode="session">{children}</Chrome>;
}
