import Link from 'next/link';
import { currentUser, isStaff } from '@/lib/auth/session';
import { SignOutButton } from './SignOutButton';

export async function Header() {
  const user = await currentUser();
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
            {user && user.role === 'publisher' && (
              <>
                <li><Link href="/account/requests">My requests</Link></li>
                <li><Link href="/account/licenses">My licences</Link></li>
              </>
            )}
            {isStaff(user) && <li><Link href="/admin">Desk admin</Link></li>}
          </ul>
        </nav>
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
      </div>
    </header>
  );
}
