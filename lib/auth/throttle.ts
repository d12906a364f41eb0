import 'server-only';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

// Ten failures for one email, or thirty from one address, within 15 minutes lock that key for
// 15 minutes. Kept in memory: `npm start` runs one server process.
const WINDOW_SECONDS = 15 * 60;
const byEmail = new RateLimiterMemory({ keyPrefix: 'login_email', points: 10, duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS });
const byIp = new RateLimiterMemory({ keyPrefix: 'login_ip', points: 30, duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS });

export class ThrottledError extends Error {
  constructor(public readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(`Too many attempts, try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
  }
}

async function remainingBlock(limiter: RateLimiterMemory, key: string): Promise<number> {
  const res = await limiter.get(key);
  if (res && res.consumedPoints >= limiter.points) return Math.ceil(res.msBeforeNext / 1000);
  return 0;
}

/** Throws ThrottledError while the email or the address is locked out. */
export async function assertNotThrottled(email: string, ip: string): Promise<void> {
  const wait = Math.max(await remainingBlock(byEmail, email), await remainingBlock(byIp, ip));
  if (wait > 0) throw new ThrottledError(wait);
}

export async function recordFailure(email: string, ip: string): Promise<void> {
  await Promise.all(
    [byEmail.consume(email), byIp.consume(ip)].map((p) =>
      p.catch((e) => {
        if (!(e instanceof RateLimiterRes)) throw e;
      }),
    ),
  );
}

export async function recordSuccess(email: string): Promise<void> {
  await byEmail.delete(email);
}
