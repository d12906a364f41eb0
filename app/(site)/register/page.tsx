import type { Metadata } from 'next';
import Link from 'next/link';
import { RegisterForm } from '@/app/ui/auth/RegisterForm';
import { safeCallbackUrl } from '@/lib/auth/callback-url';

export const metadata: Metadata = { title: 'Register' };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <section>
      <h1>Register your organisation</h1>
      <p className="lead">An account lets you request licences, follow them and download licensed copies.</p>
      <RegisterForm callbackUrl={safeCallbackUrl(callbackUrl)} />
      <p>
        Already registered? <Link href="/login">Sign in</Link>.
      </p>
    </section>
  );
}
