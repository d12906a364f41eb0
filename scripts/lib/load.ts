import fs from 'node:fs';

/** A small closed-loop load generator: `connections` workers send requests back to back. */
export type LoadResult = { requests: number; errors: number; rps: number; p50: number; p95: number; p99: number };

/** `headers` may be a function: called per request (e.g. a new reader address each time). */
export type LoadTarget = {
  url: string;
  method?: string;
  headers?: Record<string, string> | (() => Record<string, string>);
  body?: string;
  expect?: number;
};

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function load(target: LoadTarget, opts: { seconds: number; connections: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + opts.seconds * 1000;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        const headers = typeof target.headers === 'function' ? target.headers() : target.headers;
        const res = await fetch(target.url, {
          method: target.method ?? 'GET',
          headers,
          body: target.body,
          redirect: 'manual',
        });
        await res.arrayBuffer();
        if (res.status !== (target.expect ?? 200)) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

/** A process and its descendants (Linux /proc), the process first. */
export function processTree(pid: number): number[] {
  const pids: number[] = [];
  const visit = (p: number) => {
    pids.push(p);
    try {
      for (const t of fs.readdirSync(`/proc/${p}/task`)) {
        const kids = fs.readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim();
        if (kids) kids.split(/\s+/).forEach((k) => visit(Number(k)));
      }
    } catch {
      // process gone
    }
  };
  visit(pid);
  return pids;
}

/** Resident memory of a process and its descendants (Linux /proc), in bytes. */
export function treeRss(pid: number): number {
  let total = 0;
  for (const p of processTree(pid)) {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // process gone
    }
  }
  return total;
}

/**
 * CPU time a process has used so far (user + system, Linux /proc), in ms: the server's CPU per
 * request is steadier than latency on a shared machine, where other work stretches every wait.
 */
export function processCpuMs(pid: number): number {
  try {
    // Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/**
 * CPU time of a process and its live descendants (Next may run workers beside the server; nginx
 * runs a master and workers), in ms. A descendant that exits takes its time with it unless its
 * parent waited for it, so sample over windows in which the tree is stable (the load rows are).
 */
export function treeCpuMs(pid: number): number {
  let total = 0;
  for (const p of processTree(pid)) {
    const ms = processCpuMs(p);
    if (Number.isFinite(ms)) total += ms;
  }
  return total;
}
// USER_HZ: 100 on every Linux Node supports (getconf CLK_TCK).
const CLOCK_TICKS = 100;
