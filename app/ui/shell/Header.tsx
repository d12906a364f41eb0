import Link from 'next/link';
import type { PublicUser } from '@/db/schema';
import { currentUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/can';
import { SessionStatus } from './SessionStatus';
import { SessionLinks } from './SessionLinks';

/**
 * How the header learns who is signed in, which decides how the page may be rendered:
 * - `session`: reads the session on the server, so the page renders per request (app/(site));
 * - `visitor`: nobody is signed in, nothing is read: the cached visitor pages (app/(visitor));
 * - `browser`: the server must not read the session, the browser asks /api/me (the root
 *   not-found page, which Next renders into every page's payload, cached ones included).
 */
export type HeaderMode = 'session' | 'visitor' | 'browser';

export async function Header({ mode }: { mode: HeaderMode }) {
  const user = mode === 'session' ? await currentUser() : null;
  const sessionPart =
    mode === 'browser' ? (
      <SessionStatus />
    ) : (
      <SessionLinks name={user?.name ?? null} accountLinks={<AccountLinks user={user} />} />
    );
  return <HeaderBar user={user} sessionPart={sessionPart} />;
}

/**
 * The header keeps to the links used every day; the rest sit in the account menu, so a publisher's
 * header stays one row of links on a phone (issue 16).
 */
function AccountLinks({ user }: { user: PublicUser | null }) {
  return (
    <>
      {can(user, 'publisher') && (
        <>
          <li>
            <Link href="/account/organisation">Organisation</Link>
          </li>
          <li>
            <Link href="/account/invoices">Invoices</Link>
          </li>
          <li>
            <Link href="/account/api">API</Link>
          </li>
        </>
      )}
      {user && (
        <li>
          <Link href="/account/settings">Settings</Link>
        </li>
      )}
    </>
  );
}

function HeaderBar({ user, sessionPart }: { user: PublicUser | null; sessionPart: React.ReactNode }) {
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
            <li>
              <Link href="/articles">Articles</Link>
            </li>
            {can(user, 'publisher') && (
              <>
                <li>
                  <Link href="/account/requests">My requests</Link>
                </li>
                <li>
                  <Link href="/account/licenses">My licences</Link>
                </li>
              </>
            )}
            {can(user, 'staff') && (
              <li>
                <Link href="/admin">Desk admin</Link>
              </li>
            )}
          </ul>
        </nav>
        <div className="session">{sessionPart}</div>
      </div>
    </header>
  );
}
