import 'server-only';
import type { Db } from '@/db/client';

/**
 * One background job that runs after commits: the mail outbox and the webhook queue both use it.
 * A `round` handles one batch and says whether more may be waiting. The runner guarantees:
 *   - one run at a time per process (a second caller gets the running promise);
 *   - a call during a run makes it go round once more, so the caller's rows are covered (they may
 *     have been committed after the run's query);
 *   - `schedule` is fire-and-forget off the request path: at most one timer per process, however many
 *     changes arrive meanwhile; the rows are already committed, so a run that never happens (the
 *     process stops) only delays them until the next one.
 * The first round of a run is told so (`first`): the outbox retries failed mail only then, so a
 * failure is not hammered again at once.
 */
export type Round = (db: Db, first: boolean) => Promise<boolean>;

export type CoalescingJob = {
  /** Runs now (or joins the running run) and resolves when the rows queued before the call are handled. */
  run(db: Db): Promise<void>;
  /** Asks for a run soon, after `delayMs`, coalescing bursts. */
  schedule(db: Db, delayMs?: number): void;
  /** Runs what is scheduled now (tests, shutdown) and resolves when it is done. */
  flush(): Promise<void>;
};

export function coalescingJob(label: string, round: Round, defaultDelayMs = 50): CoalescingJob {
  let running: Promise<void> | null = null;
  let rerun: Db | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let timerAt = 0;
  const scheduled = new Set<Db>();

  function run(db: Db): Promise<void> {
    if (running) {
      rerun = db;
      return running;
    }
    running = (async () => {
      try {
        let more = await round(db, true);
        while (more) more = await round(db, false);
        for (let next = rerun; next; next = rerun) {
          rerun = null;
          while (await round(next, false));
        }
      } catch (e) {
        // Callers fire and forget; the rows stay queued for the next run.
        console.error(`[${label}] run failed`, e);
      } finally {
        running = null;
        rerun = null;
      }
    })();
    return running;
  }

  async function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const dbs = [...scheduled];
    scheduled.clear();
    // A script may have closed its database after running the job itself.
    for (const db of dbs) if (db.$client.open) await run(db);
  }

  function schedule(db: Db, delayMs = defaultDelayMs): void {
    scheduled.add(db);
    const at = Date.now() + delayMs;
    // An earlier wish wins; a later one is covered by the earlier run (which re-arms if needed).
    if (timer && timerAt <= at) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(() => void flush(), delayMs);
    // A wake-up for a retry hours away must not keep a script or a test process alive.
    if (delayMs > defaultDelayMs) timer.unref?.();
  }

  return { run, schedule, flush };
}
