/**
 * Runs once when a server process starts (next start, next dev). It starts the feed poller
 * (lib/feeds/scheduler.ts): a timer in every process, a lease row in the database so that only
 * one polls at a time, and the webhook queue (lib/webhooks/deliver.ts). FEEDS_SCHEDULER=off leaves it out (feeds then follow `npm run feeds:sync`).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Webhook deliveries left waiting by a stopped process (retries, or a crash before the timer):
  // one run at start, which arms the timer for the next retry.
  const { scheduleWebhooks } = await import('./lib/webhooks/deliver');
  scheduleWebhooks();
  if (process.env.FEEDS_SCHEDULER === 'off') return;
  const { startFeedScheduler } = await import('./lib/feeds/scheduler');
  startFeedScheduler();
}
