import Link from 'next/link';
import { AccountMenu } from './AccountMenu';
import { SignOutButton } from './SignOutButton';

/**
 * The header's sign-in part: the signed-in name opening the account menu (its links, given by the
 * header, and sign out), or sign in and register.
 */
export function SessionLinks({ name, accountLinks }: { name: string | null; accountLinks?: React.ReactNode }) {
  return name ? (
    <AccountMenu name={name}>
      {accountLinks}
      <li>
        <SignOutButton />
      </li>
    </AccountMenu>
  ) : (
    <>
      <Link href="/login">Sign in</Link>
      <Link href="/register" className="button small">
        Register
      </Link>
    </>
  );
}
