import Link from 'next/link';
import { can } from '@/lib/auth/can';
import { requirePage } from '@/lib/auth/session';

// Inside app/(site), which brings the header. The layout hides the admin area from non-staff; every
// page and action still checks for itself, because layouts are not re-rendered on every navigation.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePage('staff', '/admin');
  return (
    <div className="admin">
      <nav aria-label="Desk admin" className="admin-nav">
        <ul className="nav-list">
          <li>
            <Link href="/admin">Dashboard</Link>
          </li>
          <li>
            <Link href="/admin/requests">Requests</Link>
          </li>
          <li>
            <Link href="/admin/invoices">Invoices</Link>
          </li>
          <li>
            <Link href="/admin/articles">Articles</Link>
          </li>
          <li>
            <Link href="/admin/rate-card">Rate card</Link>
          </li>
          <li>
            <Link href="/admin/ai">AI terms</Link>
          </li>
          <li>
            <Link href="/admin/usage">Usage</Link>
          </li>
          <li>
            <Link href="/admin/outbox">Outbox</Link>
          </li>
          <li>
            <Link href="/admin/feeds">Feeds</Link>
          </li>
          <li>
            <Link href="/admin/embed">Embed</Link>
          </li>
          {can(user, 'admin') && (
            <>
              <li>
                <Link href="/admin/users">Users</Link>
              </li>
              <li>
                <Link href="/admin/settings">Settings</Link>
              </li>
            </>
          )}
        </ul>
      </nav>
      {children}
    </div>
  );
}
