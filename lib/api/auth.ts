import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { apiTokens, type ApiScope } from '@/db/schema';
import { consume, dbLimiter, secondsBlocked } from '@/lib/auth/limits';
import { AppError, toJsonResponse } from '@/lib/errors';
import { hashToken } from '@/lib/auth/tokens';
import { TOKEN_PREFIX } from './tokens';

/** Calls per token per minute. */
export const API_RATE_LIMIT = 120;
const TOUCH_EVERY_MS = 60_000;

export type ApiCaller = { tokenId: number; organizationId: number; userId: number; scope: ApiScope };

/** An API refusal with the headers it needs (WWW-Authenticate on 401, Retry-After on 429). */
export class ApiRefusal extends AppError {
  constructor(
    code: 'unauthorized' | 'forbidden' | 'rate_limited',
    message: string,
    readonly headers: Record<string, string>,
  ) {
    super(code, message);
  }
}

const REALM = 'Bearer realm="Republish Desk API"';
const unauthorized = (message: string, error?: string) =>
  new ApiRefusal('unauthorized', message, {
    'WWW-Authenticate': error ? `${REALM}, error="${error}", error_description="${message}"` : REALM,
  });

/**
 * The caller behind `Authorization: Bearer rdk_…`: the token is looked up by its SHA-256 (unique
 * index) and the stored hash compared in constant time; an unknown, revoked or expired token is the
 * same 401. Then the scope, then the per-token rate limit (429 with Retry-After). The last use is
 * written at most once a minute.
 */
export async function authenticate(
  request: Request,
  scope: ApiScope = 'read',
  db: Db = getDb(),
  now = new Date(),
): Promise<ApiCaller> {
  const header = request.headers.get('authorization') ?? '';
  const m = /^Bearer +([A-Za-z0-9_-]{1,200})\s*$/i.exec(header);
  if (!m) throw unauthorized('Send your API token as "Authorization: Bearer rdk_…".');
  const token = m[1]!;
  const hash = hashToken(token);
  const row = token.startsWith(TOKEN_PREFIX)
    ? db.select().from(apiTokens).where(eq(apiTokens.tokenHash, hash)).get()
    : undefined;
  const matches = !!row && timingSafeEqual(Buffer.from(row.tokenHash, 'hex'), Buffer.from(hash, 'hex'));
  const expired = !!row?.expiresAt && new Date(row.expiresAt).getTime() <= now.getTime();
  if (!row || !matches || row.revokedAt || expired)
    throw unauthorized('This token is not valid: unknown, revoked or expired.', 'invalid_token');
  if (row.scope !== scope)
    throw new ApiRefusal('forbidden', `This token lacks the "${scope}" scope.`, {
      'WWW-Authenticate': `${REALM}, error="insufficient_scope", scope="${scope}"`,
    });

  const limiter = dbLimiter({ keyPrefix: 'api_token', points: API_RATE_LIMIT, duration: 60 }, db);
  if (!(await consume(limiter, String(row.id)))) {
    const wait = Math.max(1, await secondsBlocked(limiter, String(row.id)));
    throw new ApiRefusal('rate_limited', `Too many requests with this token: try again in ${wait} s.`, {
      'Retry-After': String(wait),
    });
  }
  const stale = new Date(now.getTime() - TOUCH_EVERY_MS).toISOString();
  db.update(apiTokens)
    .set({ lastUsedAt: now.toISOString() })
    .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, stale))))
    .run();
  return { tokenId: row.id, organizationId: row.organizationId, userId: row.createdBy, scope: row.scope };
}

/** toJsonResponse plus the refusal's headers; every API answer is private and never cached. */
export function apiErrorResponse(e: unknown): Response {
  const res = toJsonResponse(e);
  if (e instanceof ApiRefusal) for (const [k, v] of Object.entries(e.headers)) res.headers.set(k, v);
  res.headers.set('Cache-Control', 'no-store');
  return res;
}

export function apiJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}
