'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/builders';
import { changeName, changeNameSchema, changePassword, changePasswordSchema } from '@/lib/auth/account-settings';
import { changeEmailSchema, requestEmailChange } from '@/lib/auth/change-email';
import { currentSessionId } from '@/lib/auth/current-session';
import { signOutSessions, signOutSessionsSchema } from '@/lib/auth/sign-out-sessions';

const settings = ['/account/settings'];

/**
 * "Sign out everywhere else" keeps this browser's session; "Sign out everywhere" ends it too,
 * drops the (now dead) cookie and sends the user to sign in.
 */
export const signOutSessionsAction = userAction(
  signOutSessionsSchema,
  async (input, user) => {
    const message = signOutSessions(input, user, await currentSessionId());
    if (input.scope === 'all') {
      const jar = await cookies();
      for (const c of jar.getAll()) if (c.name.includes('next-auth.session-token')) jar.delete(c.name);
      redirect('/login');
    }
    return message;
  },
  {
    invalid: () => ({ errors: {}, message: 'Please reload the page and try again.' }),
    revalidate: settings,
  },
);

export const changeNameAction = userAction(changeNameSchema, (input, user) => changeName(input, user), {
  revalidate: settings,
});

/** Keeps this browser's session (its id from the cookie); the others end. */
export const changePasswordAction = userAction(
  changePasswordSchema,
  async (input, user) => changePassword(input, user, await currentSessionId()),
  { revalidate: settings },
);

/** Mails the link to the new address; the address changes when it is followed (/change-email). */
export const changeEmailAction = userAction(changeEmailSchema, (input, user) => requestEmailChange(input, user), {
  revalidate: settings,
});
