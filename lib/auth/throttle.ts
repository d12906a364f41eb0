import 'server-only';
import { consume, dbLimiter, pruneRateLimits, secondsBlocked } from './limits';

/*
 * Sign-in limits (issue 13, item 3). A lockout per email would let anyone lock any account out,
 * admin included, so failures are limited where the guessing comes from:
 *  - per (email, address): 5 failures in 15 minutes, then that pair waits out the window;
 *  - per address: 20 failures in 15 minutes over any accounts, then that address waits;
 *  - per email: from the 5th failure on, a growing wait (2, 4, 8 … s, at most 15 minutes) that
 *    applies only to addresses which have themselves failed recently. An address with a clean
 *    record — the owner at home — is never held back by somebody else's guessing.
 * State lives in the database (rate_limits), so restarts and several processes share it.
 */
const WINDOW = 15 * 60;
export const PAIR_LIMIT = 5;
export const ADDRESS_LIMIT = 20;
export const EMAIL_SLOW_AFTER = 5;

const pairs = () => dbLimiter({ keyPrefix: 'login_pair', points: PAIR_LIMIT, duration: WINDOW });
const addresses = () => dbLimiter({ keyPrefix: 'login_addr', points: ADDRESS_LIMIT, duration: WINDOW });
const emails = () => dbLimiter({ keyPrefix: 'login_email', points: 10_000, duration: WINDOW });
const emailWaits = () => dbLimiter({ keyPrefix: 'login_email_wait', points: 1, duration: WINDOW });

const pairKey = (email: string, address: string) => `${email}\u0000${address}`;

export class ThrottledError extends Error {
  constructor(public readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(`Too many attempts, try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
  }
}

/** Throws ThrottledError while this address may not try this email. */
export async function assertNotThrottled(email: string, address: string): Promise<void> {
  let wait = Math.max(
    await secondsBlocked(pairs(), pairKey(email, address)),
    await secondsBlocked(addresses(), address),
  );
  if (wait === 0) {
    const emailWait = await secondsBlocked(emailWaits(), email);
    // Only an address that has been failing waits for the email's delay.
    if (emailWait > 0 && ((await addresses().get(address))?.consumedPoints ?? 0) > 0) wait = emailWait;
  }
  if (wait > 0) throw new ThrottledError(wait);
}

/** The email's wait after its n-th recent failure. */
export function emailDelaySeconds(failures: number): number {
  return failures < EMAIL_SLOW_AFTER ? 0 : Math.min(WINDOW, 2 ** (failures - EMAIL_SLOW_AFTER + 1));
}

export async function recordFailure(email: string, address: string): Promise<void> {
  await consume(pairs(), pairKey(email, address));
  await consume(addresses(), address);
  const res = await consume(emails(), email);
  const delay = emailDelaySeconds(res?.consumedPoints ?? 0);
  if (delay > 0) await emailWaits().block(email, delay);
  if (Math.random() < 0.01) pruneRateLimits();
}

/** A right password clears that pair's record; the address's and the email's stay. */
export async function recordSuccess(email: string, address: string): Promise<void> {
  await pairs().delete(pairKey(email, address));
}
