import 'server-only';
import { credentialsSchema } from '@/lib/validation/auth';
import { dummyPasswordHash, verifyPassword } from './password';
import { assertNotThrottled, recordFailure, recordSuccess } from './throttle';
import { findUserWithHash, toPublicUser } from './users';
import type { PublicUser } from '@/db/schema';

/** One message for every wrong email/password combination, so accounts cannot be enumerated. */
export const GENERIC_LOGIN_ERROR = 'Wrong email or password.';

/**
 * The Credentials provider's check. Returns the user, or throws an Error whose message the
 * sign-in form shows as it is (generic, or the throttle message).
 */
export async function authorizeCredentials(raw: unknown, ip: string): Promise<PublicUser> {
  const parsed = credentialsSchema.safeParse(raw);
  const email = parsed.success ? parsed.data.email : String((raw as { email?: unknown })?.email ?? '').toLowerCase();
  await assertNotThrottled(email, ip);
  if (!parsed.success) {
    await recordFailure(email, ip);
    throw new Error(GENERIC_LOGIN_ERROR);
  }
  const user = findUserWithHash(parsed.data.email);
  // Always run one scrypt, so an unknown email takes as long as a wrong password.
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok || user.disabled) {
    await recordFailure(email, ip);
    throw new Error(GENERIC_LOGIN_ERROR);
  }
  await recordSuccess(email, ip);
  return toPublicUser(user);
}
