import type { Metadata } from 'next';
import Link from 'next/link';
import { ResendVerificationForm } from '@/app/ui/auth/ResendVerificationForm';
import { can } from '@/lib/auth/can';
import { requirePage } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Welcome' };

/**
 * Where a new account lands after its first sign-in (the registration result links here): what to
 * do first, in order. Reading only: the "send the link again" button posts its own action.
 */
export default async function WelcomePage() {
  const user = await requirePage('user', '/welcome');
  return (
    <section>
      <h1>Welcome, {user.name}</h1>
      <p className="lead">Three steps to your first licence.</p>
      <ol className="welcome-steps" data-testid="welcome-steps">
        <li>
          <h2>Confirm your email address</h2>
          {user.emailVerifiedAt ? (
            <p data-testid="email-confirmed">Done: {user.email} is confirmed.</p>
          ) : (
            <>
              <p>
                We sent a link to <strong>{user.email}</strong>. Open it to confirm your address: you can price and
                prepare requests now, and submit them once it is confirmed. No mail? Check your spam folder, or:
              </p>
              <ResendVerificationForm />
            </>
          )}
        </li>
        <li>
          <h2>Find an article</h2>
          <p>
            Search or browse <Link href="/articles">the articles you can republish</Link>. Each article page prices your
            use as you choose.
          </p>
        </li>
        <li>
          <h2>See how pricing works</h2>
          <p>
            Read <Link href="/#pricing">how pricing works</Link>: what the price depends on, and which requests are
            licensed at once.
          </p>
        </li>
      </ol>
      {can(user, 'publisher') && (
        <p>
          Ready? <Link href="/republish">Request to republish</Link> — or follow your requests under{' '}
          <Link href="/account/requests">My requests</Link>.
        </p>
      )}
    </section>
  );
}
