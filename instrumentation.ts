/**
 * Runs once when a server process starts (next start, next dev). It starts the feed poller
 * (lib/feeds/scheduler.ts): a timer in every process, a lease row in the database so that only
 * one polls at a time — and the webhook queue's ticker (lib/webhooks/deliver.ts). FEEDS_SCHEDULER=off
 * leaves the poller out (feeds then follow `npm run feeds:sync`).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Webhook deliveries queued by scripts or left waiting by a stopped process: a run at start and
  // then every 30 s; after commits in this process they go out at once (scheduleWebhooks).
  const { startWebhookTicker } = await import('./lib/webhooks/deliver');
  startWebhookTicker();
  if (process.env.FEEDS_SCHEDULER === 'off') return;
  const { startFeedScheduler } = await import('./lib/feeds/scheduler');
  startFeedScheduler();
}
