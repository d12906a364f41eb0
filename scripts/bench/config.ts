/** The bench's settings (environment) and targets (issues 13 and 20). */

// BENCH_SCALE shrinks the large desk for a quick trial run of the script itself.
export const SCALE = Number(process.env.BENCH_SCALE || 1);
export const SMALL = { articles: 1_000, requests: 2_000 };
export const LARGE = {
  articles: Math.max(2_000, Math.round(100_000 * SCALE)),
  requests: Math.max(4_000, Math.round(200_000 * SCALE)),
};
export const SECONDS = Number(process.env.BENCH_SECONDS || 5);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
/** Whole measurements (every row, small and large desk); the tables print their medians. */
export const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || 3));

export const TARGETS = {
  growthSearch: 3,
  growthList: 1.5,
  growthQueue: 1.5,
  submissions: 300,
  memoryMB: 350,
  pixelGrowthMB: 60,
  growthUsage: 1.5,
};

// The "1 M hits" step: pixel hits loaded through the route's recording function (scripts/lib/pixel-hits.ts).
export const PIXEL_LOAD = {
  hits: Math.round(1_000_000 * Math.min(1, SCALE)),
  hosts: 1_000,
  days: 30,
  maxSeconds: Number(process.env.BENCH_PIXEL_SECONDS || 600),
};

export const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';
// The server believes X-Forwarded-For from the bench (loopback), so the "new readers" row can vary it.
// No feed poller (the desk has no feeds): its lease writes would land in the measured windows, and
// once its tick met the bench's own writes to the desk (another process), waited out the busy
// timeout and logged a failure.
export const SERVER_ENV = { TRUST_PROXY: '1', FEEDS_SCHEDULER: 'off' };
