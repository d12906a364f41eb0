import Link from 'next/link';
import type { PublicUser } from '@/db/schema';
import { currentUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/can';
import { SessionStatus } from './SessionStatus';
import { SessionLinks } from './SessionLinks';

/** The header for whoever is signed in (reads the session, so the page renders per request). */
export async function Header() {
  return <HeaderView user={await currentUser()} />;
}

/**
 * The header itself: `user: null` is the visitor's header (the cached visitor pages);
 * `user: undefined` is for pages that cannot read the session on the server: the browser asks.
 */
export function HeaderView({ user }: { user: PublicUser | null | undefined }) {
  return (
    <header className="site-header">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <div className="container header-row">
        <Link href="/" className="brand">
          Republish Desk
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            <li><Link href="/articles">Articles</Link></li>
            {can(user, 'publisher') && (
              <>
                <li><Link href="/account/requests">My requests</Link></li>
                <li><Link href="/account/licenses">My licences</Link></li>
              </>
            )}
            {can(user, 'staff') && <li><Link href="/admin">Desk admin</Link></li>}
          </ul>
        </nav>
        <div className="session">{user === undefined ? <SessionStatus /> : <SessionLinks name={user?.name ?? null} />}</div>
      </div>
    </header>
  );
}
