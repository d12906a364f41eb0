import Link from 'next/link';
import type { PublicUser } from '@/db/schema';
import { currentUser } from '@/lib/auth/session';
import { isStaff } from '@/lib/auth/roles';
import { SignOutButton } from './SignOutButton';

/** The header for whoever is signed in (reads the session, so the page renders per request). */
export async function Header() {
  return <HeaderView user={await currentUser()} />;
}

/**
 * The header itself: `user: null` is the visitor's header (the cached visitor pages);
 * `user: undefined` leaves out the session part, for pages that cannot know who is asking.
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
            {user?.role === 'publisher' && (
              <>
                <li><Link href="/account/requests">My requests</Link></li>
                <li><Link href="/account/licenses">My licences</Link></li>
              </>
            )}
            {isStaff(user) && <li><Link href="/admin">Desk admin</Link></li>}
          </ul>
        </nav>
        {user !== undefined && (
          <div className="session">
            {user ? (
              <>
                <span className="muted" data-testid="signed-in-as">{user.name}</span>
                <SignOutButton />
              </>
            ) : (
              <>
                <Link href="/login">Sign in</Link>
                <Link href="/register" className="button small">Register</Link>
              </>
            )}
          </div>
        )}
      </div>
    </header>
  );
}
