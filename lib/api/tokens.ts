import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { API_SCOPES, apiTokens, type PublicUser } from '@/db/schema';
import { forbidden, invalid, notFound } from '@/lib/errors';
import { can } from '@/lib/auth/can';
import { hashToken } from '@/lib/auth/tokens';

/*
 * API tokens of an organisation. The token is `rdk_` + 32 random bytes (base64url), shown once; the
 * desk keeps its SHA-256 (a token is long and random, so a fast hash is enough: there is nothing to
 * guess), a prefix to tell tokens apart, and the last use. Owners create and revoke; members list.
 */

export const TOKEN_PREFIX = 'rdk_';
export const MAX_TOKENS_PER_ORG = 20;

const dateOnly = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date (YYYY-MM-DD).')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'Enter a real date.');

/** The form and the action share it. */
export const createTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the token a name (which system uses it).')
    .max(80, 'Keep it under 80 characters.'),
  scope: z.enum(API_SCOPES, 'Choose a scope.').default('read'),
  expiresOn: z.union([z.literal(''), dateOnly]).optional(),
});
export const tokenIdSchema = z.object({ id: z.coerce.number().int().positive() });

/** Only an organisation's owners manage its tokens and webhook endpoints. */
export function assertOwner(user: PublicUser): number {
  if (!can(user, 'publisher') || user.orgRole !== 'owner')
    throw forbidden('Only the owners of your organisation can manage its API tokens and webhooks.');
  return user.organizationId!;
}

export function createToken(
  input: z.output<typeof createTokenSchema>,
  user: PublicUser,
  db: Db = getDb(),
  now = new Date(),
): { token: string; message: string } {
  const organizationId = assertOwner(user);
  let expiresAt: string | null = null;
  if (input.expiresOn) {
    // Valid through the whole of the chosen day (UTC).
    const end = new Date(`${input.expiresOn}T23:59:59.999Z`);
    if (end.getTime() <= now.getTime()) throw invalid({ expiresOn: 'Choose a day from today on.' });
    expiresAt = end.toISOString();
  }
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  db.transaction(
    (tx) => {
      const live = tx
        .select({ id: apiTokens.id })
        .from(apiTokens)
        .where(and(eq(apiTokens.organizationId, organizationId), isNull(apiTokens.revokedAt)))
        .all().length;
      if (live >= MAX_TOKENS_PER_ORG)
        throw forbidden(`An organisation can have at most ${MAX_TOKENS_PER_ORG} tokens: revoke one first.`);
      tx.insert(apiTokens)
        .values({
          organizationId,
          name: input.name,
          scope: input.scope,
          prefix: token.slice(0, TOKEN_PREFIX.length + 8),
          tokenHash: hashToken(token),
          createdBy: user.id,
          expiresAt,
          createdAt: now.toISOString(),
        })
        .run();
    },
    { behavior: 'immediate' },
  );
  return { token, message: `Token “${input.name}” created. Copy it now: it will not be shown again.` };
}

export function revokeToken(id: number, user: PublicUser, db: Db = getDb(), now = new Date()): string {
  const organizationId = assertOwner(user);
  const res = db
    .update(apiTokens)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.organizationId, organizationId), isNull(apiTokens.revokedAt)))
    .run();
  if (!res.changes) throw notFound('No such token (or it is already revoked).');
  return 'Token revoked: it no longer works.';
}

export function listTokens(organizationId: number, db: Db = getDb()) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scope: apiTokens.scope,
      prefix: apiTokens.prefix,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      createdAt: apiTokens.createdAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.organizationId, organizationId))
    .orderBy(desc(apiTokens.id))
    .all();
}
