import type { Metadata } from 'next';
import { EmailForm, NameForm, PasswordForm } from '@/app/ui/account/AccountForms';
import { SignOutSessionsForm } from '@/app/ui/account/SignOutSessionsForm';
import { formatMoment } from '@/app/ui/requests/dates';
import { currentSessionId } from '@/lib/auth/current-session';
import { requirePage } from '@/lib/auth/session';
import { listSessions } from '@/lib/auth/sessions';

export const metadata: Metadata = { title: 'Account settings' };

export default async function AccountSettingsPage() {
  const user = await requirePage('user', '/account/settings');
  const [rows, sid] = [listSessions(user.id), await currentSessionId()];
  const others = rows.filter((s) => s.id !== sid).length;

  return (
    <>
      <h1>Account settings</h1>
      <section aria-labelledby="name-heading">
        <h2 id="name-heading">Your name</h2>
        <NameForm name={user.name} />
      </section>

      <section aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        <PasswordForm />
      </section>

      <section aria-labelledby="email-heading">
        <h2 id="email-heading">Email address</h2>
        <p data-testid="current-email">
          You sign in with <strong>{user.email}</strong>
          {user.emailVerifiedAt ? ' (confirmed).' : ' (not confirmed yet).'} To use another address, we send a link
          there; your address changes when you follow it, and we tell this address.
        </p>
        <EmailForm />
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Signed-in devices</h2>
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
    </>
  );
}
