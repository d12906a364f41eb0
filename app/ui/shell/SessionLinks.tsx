import Link from 'next/link';
import { SignOutButton } from './SignOutButton';

/** The header's sign-in part: the signed-in name and sign out, or sign in and register. */
export function SessionLinks({ name }: { name: string | null }) {
  return name ? (
    <>
      <span className="muted" data-testid="signed-in-as">
        {name}
      </span>
      <SignOutButton />
    </>
  ) : (
    <>
      <Link href="/login">Sign in</Link>
      <Link href="/register" className="button small">
        Register
      </Link>
    </>
  );
}
