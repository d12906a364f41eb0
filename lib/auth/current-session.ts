import 'server-only';
import { getToken } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { authSecret } from './secret';

/**
 * The id of the session row this request's cookie carries (lib/auth/sessions.ts), or null.
 * next-auth's session() hides it on purpose; only "sign out everywhere else" needs it, to know
 * which session to keep. getToken picks the cookie name (__Secure- on https) as next-auth does.
 */
export async function currentSessionId(): Promise<string | null> {
  const token = await getToken({
    req: { cookies: await cookies(), headers: Object.fromEntries(await headers()) } as never,
    secret: authSecret(),
  });
  return typeof token?.sid === 'string' ? token.sid : null;
}
