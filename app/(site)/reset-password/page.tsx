import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetPasswordForm } from '@/app/ui/auth/ResetPasswordForm';
import { checkResetToken, RESET_LINK_MESSAGES } from '@/lib/auth/password-reset';

// The token is in the address: no Referer may carry it to another site.
export const metadata: Metadata = { title: 'Set a new password', referrer: 'no-referrer' };

/** Opening the link only checks it (GET never writes); the form's POST uses it. */
export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const check = checkResetToken(token);
  return (
    <section>
      <h1>Set a new password</h1>
      {check.ok ? (
        <>
          <p className="lead">
            For <strong>{check.row.email}</strong>. Every device signed in to this account will be signed out.
          </p>
          <ResetPasswordForm token={token as string} />
        </>
      ) : (
        <>
          <p className="notice error" role="alert" data-testid="link-outcome">
            {RESET_LINK_MESSAGES[check.reason]}
          </p>
          <p>
            <Link href="/forgot-password">Send a new link</Link>
          </p>
        </>
      )}
    </section>
  );
}
