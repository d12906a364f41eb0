import type { Metadata } from 'next';
import Link from 'next/link';
import { ConfirmLinkForm } from '@/app/ui/auth/ConfirmLinkForm';
import { CHANGE_MESSAGES, checkChangeToken } from '@/lib/auth/change-email';
import { confirmEmailChangeAction } from './actions';

export const metadata: Metadata = { title: 'Confirm your new email address', referrer: 'no-referrer' };

/** Opening the link only checks it (mail scanners open links too); the button moves the account. */
export default async function ChangeEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const check = checkChangeToken(token);
  const retry = (
    <p>
      <Link href="/account/settings">Ask for a new link from your account settings</Link>
    </p>
  );
  return (
    <section>
      <h1>Confirm your new email address</h1>
      {check.ok ? (
        <>
          <p>
            Your account will use <strong>{check.row.email}</strong> from now on, to sign in and for every mail.
          </p>
          <ConfirmLinkForm
            action={confirmEmailChangeAction}
            token={token as string}
            label="Confirm my email address"
            done={
              <p>
                <Link href="/account/settings">Account settings</Link>
              </p>
            }
            retry={retry}
          />
        </>
      ) : (
        <>
          <p className="notice error" role="alert" data-testid="link-outcome">
            {CHANGE_MESSAGES[check.reason]}
          </p>
          {retry}
        </>
      )}
    </section>
  );
}
