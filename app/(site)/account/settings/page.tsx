import type { Metadata } from 'next';
import { SignOutSessionsForm } from '@/app/ui/account/SignOutSessionsForm';
import { formatMoment } from '@/app/ui/requests/dates';
import { currentSessionId } from '@/lib/auth/current-session';
import { requirePage } from '@/lib/auth/session';
import { listSessions } from '@/lib/auth/sessions';

export const metadata: Metadata = { title: 'Signed-in devices' };

export default async function AccountSettingsPage() {
  const user = await requirePage('user', '/account/settings');
  const [rows, sid] = [listSessions(user.id), await currentSessionId()];
  const others = rows.filter((s) => s.id !== sid).length;

  return (
    <section aria-labelledby="sessions-heading">
      <h1 id="sessions-heading">Signed-in devices</h1>
      <p className="lead">
        Where your account is signed in. If you do not recognise one, sign out everywhere and change your password.
      </p>
      <div className="table-wrap">
        <table>
          <caption className="sr-only">Your active sessions, most recently used first</caption>
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last seen</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id} data-testid="session-row">
                <th scope="row">
                  {s.userAgent}
                  {s.id === sid && (
                    <>
                      {' '}
                      <span className="badge ok">This device</span>
                    </>
                  )}
                </th>
                <td>{formatMoment(s.createdAt)}</td>
                <td>{formatMoment(s.lastSeenAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SignOutSessionsForm others={others} />
    </section>
  );
}
