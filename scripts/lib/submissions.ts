/**
 * Request submissions through the form's own code path (its schema and submitRequest, as the server action
 * calls it) by K concurrent worker processes, each with its own connection to the desk's
 * database file. Over HTTP the load generator and `next start` share the machine's cores, and
 * even /api/health stays under the submission target there; this measures the desk's code and
 * its database, with nothing lost: every reference a worker was given must be stored.
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { WorkerGo, WorkerReport, WorkerSetup } from './submissions-worker';

const ROOT = path.resolve(__dirname, '..', '..');
const WORKER = path.join(__dirname, 'submissions-worker.ts');

export type SubmissionResult = {
  /** Acknowledged submissions per second over the measured interval. */
  rate: number;
  acknowledged: number;
  /** Acknowledged but not in license_requests: must be 0. */
  lost: number;
  /** Answered with a form error (ok: false) or as a duplicate. */
  refused: number;
  /** Threw (the server action would answer "We could not store your request"). */
  failed: number;
  firstError?: string;
  workers: number;
  seconds: number;
};

export function defaultWorkers(): number {
  return Number(process.env.BENCH_SUBMIT_WORKERS) || Math.max(2, os.cpus().length);
}

/** A message from the child, or its failure. */
function next<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`submission worker exited with ${code} before answering`));
    child.once('exit', onExit);
    child.once('message', (m) => {
      child.off('exit', onExit);
      resolve(m as T);
    });
  });
}

export async function measureSubmissions(opts: {
  dbFile: string;
  seconds: number;
  workers?: number;
  slugs: string[];
  email?: string;
  publicationName?: string;
}): Promise<SubmissionResult> {
  const workers = opts.workers ?? defaultWorkers();
  const setup: WorkerSetup = {
    dbFile: opts.dbFile,
    email: opts.email ?? 'publisher@demo.test',
    slugs: opts.slugs,
    publicationName: opts.publicationName ?? 'Bench (form path)',
    warmup: 30,
  };
  const children = Array.from({ length: workers }, () =>
    fork(WORKER, [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }),
  );
  try {
    // Start-up, migrations check and warm-up happen before the clock starts.
    const ready = children.map((c) => next<{ ready: true }>(c));
    children.forEach((c) => c.send(setup));
    await Promise.all(ready);
    const startAt = Date.now() + 100;
    const go: WorkerGo = { startAt, endAt: startAt + opts.seconds * 1000 };
    const reports = children.map((c) => next<WorkerReport>(c));
    children.forEach((c) => c.send(go));
    const done = await Promise.all(reports);

    const references = done.flatMap((r) => r.references);
    const elapsed = (Math.max(...done.map((r) => r.finishedAt)) - startAt) / 1000;
    const db = new Database(opts.dbFile, { readonly: true });
    const stored = db
      .prepare('select count(*) as n from license_requests where reference in (select value from json_each(?))')
      .get(JSON.stringify([...new Set(references)])) as { n: number };
    db.close();
    return {
      rate: references.length / elapsed,
      acknowledged: references.length,
      // A reference given twice would be two acknowledgements for one stored request.
      lost: references.length - stored.n,
      refused: done.reduce((n, r) => n + r.refused, 0),
      failed: done.reduce((n, r) => n + r.failed, 0),
      firstError: done.find((r) => r.firstError)?.firstError,
      workers,
      seconds: elapsed,
    };
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill();
  }
}
