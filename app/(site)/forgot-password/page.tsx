import type { Metadata } from 'next';
import Link from 'next/link';
import { ForgotPasswordForm } from '@/app/ui/auth/ForgotPasswordForm';

export const metadata: Metadata = { title: 'Forgotten password' };

export default function ForgotPasswordPage() {
  return (
    <section>
      <h1>Forgotten password</h1>
      <p className="lead">Enter the email address of your account. We will send you a link to set a new password.</p>
      <ForgotPasswordForm />
      <p>
        Remembered it? <Link href="/login">Sign in</Link>.
      </p>
    </section>
  );
}
