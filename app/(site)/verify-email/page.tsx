import type { Metadata } from 'next';
import Link from 'next/link';
import { ConfirmLinkForm } from '@/app/ui/auth/ConfirmLinkForm';
import { ResendVerificationForm } from '@/app/ui/auth/ResendVerificationForm';
import { checkVerifyToken, VERIFY_MESSAGES } from '@/lib/auth/email-verification';
import { currentUser } from '@/lib/auth/session';
import { confirmEmailAction } from './actions';

export const metadata: Metadata = { title: 'Confirm your email', referrer: 'no-referrer' };

/**
 * Opening the link only looks the token up (GET never writes: mail scanners open every link);
 * the button posts it and verifies.
 */
export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const check = checkVerifyToken(token);
  const user = await currentUser();
  const retry =
    user && !user.emailVerifiedAt ? (
      <ResendVerificationForm />
    ) : (
      !user && (
        <p>
          <Link href="/login?callbackUrl=%2Frepublish">Sign in</Link>
        </p>
      )
    );
  return (
    <section>
      <h1>Confirm your email</h1>
      {check.ok ? (
        <>
          <p>
            Confirm that <strong>{check.row.email}</strong> is your email address.
          </p>
          <ConfirmLinkForm
            action={confirmEmailAction}
            token={token as string}
            label="Confirm my email address"
            done={
              <p>{user ? <Link href="/republish">Request to republish</Link> : <Link href="/login">Sign in</Link>}</p>
            }
            retry={retry}
          />
        </>
      ) : (
        <>
          <p className="notice error" role="alert" data-testid="link-outcome">
            {VERIFY_MESSAGES[check.reason]}
          </p>
          {retry}
        </>
      )}
    </section>
  );
}
