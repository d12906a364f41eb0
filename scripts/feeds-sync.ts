/**
 * npm run feeds:sync [-- --all] — polls the publisher's feeds once (the due ones; --all: every
 * active feed), for cron. It takes the same lease as the server's poller, so it never polls at
 * the same time as a running desk; when the lease is held it leaves the work to that process.
 */
import { getDb } from '@/db/client';
import { describeRun } from '@/lib/feeds/admin';
import { currentLease, holderId, syncWithLease } from '@/lib/feeds/scheduler';

async function main() {
  const all = process.argv.includes('--all');
  const db = getDb();
  const summary = await syncWithLease({
    db,
    all,
    holder: holderId('feeds:sync'),
    onRun: (feed, run) =>
      console.log(`${run.outcome === 'error' ? 'error' : 'ok   '} ${feed.url}: ${describeRun(run)}`),
  });
  if (!summary) {
    const lease = currentLease(db);
    console.log(
      `Another process is polling the feeds${lease ? ` (${lease.holder}, lease until ${new Date(lease.expiresAt).toISOString()})` : ''}; nothing to do.`,
    );
  } else {
    console.log(
      `Polled ${summary.feeds} feed${summary.feeds === 1 ? '' : 's'}: imported ${summary.imported} · updated ${summary.updated} · unchanged ${summary.unchanged} · errors ${summary.errors}`,
    );
  }
  db.$client.close();
  process.exit(summary?.errors ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
