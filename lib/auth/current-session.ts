import 'server-only';
import { sessionToken } from './session-token';

/**
 * The id of the session row this request's cookie carries (lib/auth/sessions.ts), or null.
 * next-auth's session() hides it on purpose; only "sign out everywhere else" needs it, to know
 * which session to keep. The token is the one currentUser() decoded for this request.
 */
export async function currentSessionId(): Promise<string | null> {
  const token = await sessionToken();
  return typeof token?.sid === 'string' ? token.sid : null;
}
