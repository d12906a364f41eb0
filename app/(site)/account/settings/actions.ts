'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/builders';
import { currentSessionId } from '@/lib/auth/current-session';
import { signOutSessions, signOutSessionsSchema } from '@/lib/auth/sign-out-sessions';

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
    revalidate: ['/account/settings'],
  },
);
