/** One row's measurement: load, the server's CPU per request, and a page's sizes. */
import { load, treeCpuMs, type LoadResult, type LoadTarget } from '../lib/load';
import { CONNECTIONS, SECONDS } from './config';

/**
 * What a row reports. Load rows fill the LoadResult fields; a row that is not a request rate
 * (e.g. items a second of an export) gives `value` and `unit` instead, and may add p95 etc.
 */
export type Measurement = Partial<LoadResult> & {
  /** The measured process tree's CPU time over the measured window ÷ requests served, in ms. */
  cpuMs?: number;
  /** The page's HTML and its RSC payload (the same URL asked with `RSC: 1`), in KB. */
  htmlKB?: number;
  rscKB?: number;
  value?: number;
  unit?: string;
  /** Why the row did not run (e.g. no nginx on PATH). */
  skipped?: string;
};

/**
 * Warm-up (caches, JIT), then `seconds` of load. With `cpuPid`, also that process tree's CPU time
 * per request, which the other work on a shared machine disturbs far less than req/s or latency.
 */
export async function measure(
  name: string,
  target: LoadTarget,
  opts: { seconds?: number; warmup?: number; cpuPid?: number } = {},
): Promise<Measurement> {
  const seconds = opts.seconds ?? SECONDS;
  await load(target, { seconds: opts.warmup ?? 1, connections: CONNECTIONS });
  const cpu0 = opts.cpuPid ? treeCpuMs(opts.cpuPid) : NaN;
  const r = await load(target, { seconds, connections: CONNECTIONS });
  const cpuMs = opts.cpuPid ? (treeCpuMs(opts.cpuPid) - cpu0) / r.requests : undefined;
  console.log(
    `  ${name.padEnd(28)} ${r.rps.toFixed(0).padStart(6)} req/s  p95 ${r.p95.toFixed(1)} ms${cpuMs !== undefined ? `  CPU ${cpuMs.toFixed(2)} ms/req` : ''}${r.errors ? `  (${r.errors} errors!)` : ''}`,
  );
  return cpuMs === undefined ? r : { ...r, cpuMs };
}

/**
 * The page's weight as a browser gets it: the HTML of a first visit, and the RSC payload a
 * client-side navigation to it fetches (Next answers `RSC: 1` with the flight data).
 */
export async function pageSizes(url: string, headers: Record<string, string> = {}) {
  const size = async (h: Record<string, string>, retry = true): Promise<number> => {
    try {
      const res = await fetch(url, { headers: h });
      return (await res.arrayBuffer()).byteLength / 1024;
    } catch (e) {
      // A kept-alive socket the server closed as it was reused: once more on a new one.
      if (retry) return size(h, false);
      throw e;
    }
  };
  return { htmlKB: await size(headers), rscKB: await size({ ...headers, RSC: '1' }) };
}
