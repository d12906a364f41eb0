import type { Metadata } from 'next';
import { InviteStaffForm, UserRowControls } from '@/app/ui/admin/UserForms';
import { ActionButton } from '@/app/ui/organisation/ActionButton';
import { listStaffInvitations } from '@/lib/users/staff-invitations';
import { revokeStaffInvitationAction } from './actions';
import { formatDay } from '@/app/ui/requests/dates';
import { listUsers } from '@/lib/users/accounts';
import { requirePage } from '@/lib/auth/session';
import { Pager } from '@/app/ui/shell/Pager';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const me = await requirePage('admin', '/admin');
  const { q, page: pageParam } = await searchParams;
  const page = Math.max(1, Number.parseInt(pageParam ?? '1', 10) || 1);
  const list = listUsers({ q: q?.slice(0, 100), page });
  const invitations = listStaffInvitations();
  const href = (p: number) =>
    `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) }).toString()}`;

  return (
    <section aria-labelledby="users-heading">
      <h1 id="users-heading">Users</h1>
      <div className="two-col">
        <div>
          <form method="get" action="/admin/users" className="search-box" role="search" aria-label="Search users">
            <label htmlFor="users-q" className="sr-only">
              Name or email
            </label>
            <input id="users-q" type="search" name="q" defaultValue={q} placeholder="Name or email" />
            <button type="submit" className="button secondary">
              Search
            </button>
          </form>
          {list.rows.length === 0 ? (
            <div className="empty-state">
              <h2>No accounts found</h2>
            </div>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="sr-only">Accounts, staff and admins first</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Role</th>
                    <th scope="col">Status</th>
                    <th scope="col">Manage</th>
                  </tr>
                </thead>
                <tbody>
                  {list.rows.map((u) => (
                    <tr key={u.id} data-testid={`user-${u.email}`}>
                      <th scope="row">
                        {u.name}
                        <br />
                        <span className="muted break">{u.email}</span>
                        {u.organization && <span className="muted"> · {u.organization}</span>}
                        <br />
                        <span className="muted">since {formatDay(u.createdAt)}</span>
                      </th>
                      <td>{u.role}</td>
                      <td>
                        {u.disabled ? (
                          <span className="badge bad">Disabled</span>
                        ) : (
                          <span className="badge ok">Active</span>
                        )}
                      </td>
                      <td>
                        {u.id === me.id ? (
                          <span className="muted">You</span>
                        ) : (
                          <UserRowControls
                            key={`${u.role}-${u.disabled}`}
                            userId={u.id}
                            name={u.name}
                            role={u.role}
                            disabled={u.disabled}
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager page={page} hasNext={list.hasNext} href={href} />
        </div>
        <aside aria-labelledby="new-staff-heading">
          <h2 id="new-staff-heading">Invite staff</h2>
          <InviteStaffForm />
          <h3>Pending invitations</h3>
          {invitations.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul className="plain-list" data-testid="staff-invitations">
              {invitations.map((i) => (
                <li key={i.id}>
                  <span className="break">{i.email}</span> as {i.role}, until {formatDay(i.expiresAt)}{' '}
                  <ActionButton
                    action={revokeStaffInvitationAction}
                    fields={{ invitationId: i.id }}
                    label="Withdraw"
                    srLabel={`the invitation to ${i.email}`}
                  />
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </section>
  );
}
