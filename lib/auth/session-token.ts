import 'server-only';
import { decode, getToken, type JWT, type JWTDecodeParams } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { authLogger } from './logger';
import { authSecret } from './secret';

// DESK_LOG_SESSION_READS=1 logs one line per decode and per user-row read (lib/auth/session.ts),
// so that tests/e2e/session-reads.spec.ts can count them per request on the real server.
export const logSessionReads = process.env.DESK_LOG_SESSION_READS === '1';

/**
 * The request's session token, decoded once per request (cache(): header, layout, page,
 * metadata and "sign out everywhere else" all ask). next-auth's getServerSession decoded it and
 * then encrypted a refreshed copy for a cookie that server components cannot set anyway (the
 * sliding refresh happens on next-auth's own routes); this only decodes. getToken picks the
 * cookie name (__Secure- on https) and joins a chunked cookie as next-auth does. Cookies only:
 * an Authorization header carries an API token (lib/api/auth.ts), never a session.
 */
export const sessionToken = cache(async (): Promise<JWT | null> => {
  if (logSessionReads) console.log('[session-read] decode');
  return getToken({ req: { cookies: await cookies(), headers: {} } as never, secret: authSecret(), decode: logged });
});

/** A cookie that does not decode (forged, old secret) is one short line, as next-auth's route logs it. */
async function logged(params: JWTDecodeParams): Promise<JWT | null> {
  try {
    return await decode(params);
  } catch (e) {
    authLogger.error('JWT_SESSION_ERROR', e as Error);
    throw e;
  }
}
