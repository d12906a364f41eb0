import 'server-only';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { Conn } from '@/db/client';
import { accountTokens, type AccountToken, type TokenPurpose } from '@/db/schema';

/**
 * Every mailed link that lets its holder act (account_tokens): 32 random bytes, base64url, of which
 * only the SHA-256 is stored — a copy of the database cannot be turned into working links. Each is
 * single use and expires; the rules live here once, for every purpose.
 */

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  verify_email: 24 * 60 * 60 * 1000,
  change_email: 24 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
  join_organization: 7 * 24 * 60 * 60 * 1000,
  staff_invitation: 7 * 24 * 60 * 60 * 1000,
};

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Anything else cannot be one of ours: refused before a query is made. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

export type IssueTokenInput = {
  purpose: TokenPurpose;
  email: string;
  userId?: number | null;
  organizationId?: number | null;
  role?: string | null;
  createdBy?: number | null;
};

/** Stores a new token's hash (in the caller's transaction, beside the mail that carries it); returns the token. */
export function issueToken(conn: Conn, input: IssueTokenInput, now = Date.now()): string {
  const token = randomBytes(32).toString('base64url');
  conn
    .insert(accountTokens)
    .values({
      purpose: input.purpose,
      email: input.email,
      userId: input.userId ?? null,
      organizationId: input.organizationId ?? null,
      role: input.role ?? null,
      createdBy: input.createdBy ?? null,
      tokenHash: hashToken(token),
      expiresAt: new Date(now + TOKEN_TTL_MS[input.purpose]).toISOString(),
    })
    .run();
  return token;
}

export type TokenCheck = { ok: true; row: AccountToken } | { ok: false; reason: 'used' | 'expired' | 'invalid' };

/**
 * Looks a token up for `purpose` without using it (a page that shows a form first, e.g. "set a new
 * password"). The index finds the row; the comparison that decides is constant-time.
 */
export function checkToken(conn: Conn, purpose: TokenPurpose, token: unknown, now = Date.now()): TokenCheck {
  if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return { ok: false, reason: 'invalid' };
  const hash = hashToken(token);
  const row = conn.select().from(accountTokens).where(eq(accountTokens.tokenHash, hash)).get();
  if (!row || !timingSafeEqual(Buffer.from(row.tokenHash, 'hex'), Buffer.from(hash, 'hex'))) {
    return { ok: false, reason: 'invalid' };
  }
  // A token of another purpose is as good as none: a reset link never verifies an address.
  if (row.purpose !== purpose) return { ok: false, reason: 'invalid' };
  if (row.usedAt) return { ok: false, reason: 'used' };
  if (Date.parse(row.expiresAt) <= now) return { ok: false, reason: 'expired' };
  return { ok: true, row };
}

/**
 * Checks and uses a token in one step. Call it inside the transaction that does what the link
 * allows, so a link is used exactly when its effect is written (two clicks: one wins).
 */
export function consumeToken(conn: Conn, purpose: TokenPurpose, token: unknown, now = Date.now()): TokenCheck {
  const check = checkToken(conn, purpose, token, now);
  if (!check.ok) return check;
  const used = conn
    .update(accountTokens)
    .set({ usedAt: new Date(now).toISOString() })
    .where(and(eq(accountTokens.id, check.row.id), isNull(accountTokens.usedAt)))
    .run();
  return used.changes === 1 ? check : { ok: false, reason: 'used' };
}

/** Ends the open tokens of a purpose for one account, organisation or address (a newer link replaces them). */
export function retireTokens(
  conn: Conn,
  purpose: TokenPurpose,
  who: { userId?: number; organizationId?: number; email?: string },
  now = Date.now(),
): number {
  if (who.userId === undefined && who.organizationId === undefined && who.email === undefined) {
    throw new Error('retireTokens needs an account, organisation or address');
  }
  const where: SQL[] = [eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)];
  if (who.userId !== undefined) where.push(eq(accountTokens.userId, who.userId));
  if (who.organizationId !== undefined) where.push(eq(accountTokens.organizationId, who.organizationId));
  if (who.email !== undefined) where.push(eq(accountTokens.email, who.email));
  return conn
    .update(accountTokens)
    .set({ usedAt: new Date(now).toISOString() })
    .where(and(...where))
    .run().changes;
}
