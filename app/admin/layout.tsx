import Link from 'next/link';
import { SessionChrome } from '@/app/ui/shell/Chrome';
import { requireStaff } from '@/lib/auth/session';

// The layout hides the admin area from non-staff; every page and action still checks for itself,
// because layouts are not re-rendered on every navigation.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireStaff();
  return (
    <SessionChrome>
      <div className="admin">
        <nav aria-label="Desk admin" className="admin-nav">
          <ul className="nav-list">
            <li><Link href="/admin">Dashboard</Link></li>
            <li><Link href="/admin/requests">Requests</Link></li>
            <li><Link href="/admin/articles">Articles</Link></li>
            <li><Link href="/admin/rate-card">Rate card</Link></li>
            <li><Link href="/admin/usage">Usage</Link></li>
            <li><Link href="/admin/outbox">Outbox</Link></li>
            <li><Link href="/admin/embed">Embed</Link></li>
            {user.role === 'admin' && (
              <>
                <li><Link href="/admin/users">Users</Link></li>
                <li><Link href="/admin/settings">Settings</Link></li>
              </>
            )}
          </ul>
        </nav>
        {children}
      </div>
    </SessionChrome>
  );
}
