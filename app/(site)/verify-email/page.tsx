import type { Metadata } from 'next';
import Link from 'next/link';
import { ResendVerificationForm } from '@/app/ui/auth/ResendVerificationForm';
import { verifyEmailToken, type VerifyOutcome } from '@/lib/auth/email-verification';
import { currentUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Confirm your email', referrer: 'no-referrer' };

const MESSAGES: Record<VerifyOutcome, string> = {
  verified: 'Thank you: your email address is confirmed. You can now submit requests.',
  used: 'This link has been used already. If your address is confirmed, just sign in.',
  expired: 'This link has expired (links work for 24 hours). Sign in and send yourself a new one.',
  invalid: 'This link is not valid. Check that you copied the whole address, or send yourself a new one.',
};

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const outcome = verifyEmailToken(typeof token === 'string' ? token : '');
  const user = await currentUser();
  return (
    <section>
      <h1>Confirm your email</h1>
      <p
        className={`notice ${outcome === 'verified' ? 'success' : 'error'}`}
        role={outcome === 'verified' ? 'status' : 'alert'}
        data-testid="verify-outcome"
      >
        {MESSAGES[outcome]}
      </p>
      {outcome === 'verified' ? (
        <p>{user ? <Link href="/republish">Request to republish</Link> : <Link href="/login">Sign in</Link>}</p>
      ) : user && !user.emailVerifiedAt ? (
        <ResendVerificationForm />
      ) : (
        !user && (
          <p>
            <Link href="/login?callbackUrl=%2Frepublish">Sign in</Link>
          </p>
        )
      )}
    </section>
  );
}
