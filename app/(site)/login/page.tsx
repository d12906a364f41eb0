import type { Metadata } from 'next';
import Link from 'next/link';
import { LoginForm } from '@/app/ui/auth/LoginForm';
import { safeCallbackUrl } from '@/lib/auth/callback-url';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <section>
      <h1>Sign in</h1>
      <LoginForm callbackUrl={safeCallbackUrl(callbackUrl)} />
      <p>
        <Link href="/forgot-password">Forgotten your password?</Link>
      </p>
      <p>
        New here?{' '}
        <Link
          href={`/register${callbackUrl ? `?callbackUrl=${encodeURIComponent(safeCallbackUrl(callbackUrl))}` : ''}`}
        >
          Register your organisation
        </Link>
        .
      </p>
    </section>
  );
}
