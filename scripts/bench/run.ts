/**
 * npm run bench: builds if needed, prepares a temporary DATA_DIR (demo desk + synthetic archive
 * and request history), runs the production server and measures it from loopback: BENCH_RUNS
 * (default 3) whole measurements of every row (rows.ts), then the submissions and the "1 M hits"
 * step once. Prints the medians, their spread and the targets, and writes
 * bench/results/latest.json with every run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signInHttp } from '../lib/http-session';
import { treeRss } from '../lib/load';
import { DEMO_PASSWORD, startServer, type RunningServer } from '../lib/server';
import { CONNECTIONS, LARGE, PIXEL_LOAD, RUNS, SECONDS, SERVER_ENV, SMALL, TARGETS } from './config';
import { benchArticle, ensureBuild, licenseCode, ROOT, tsx } from './desk';
import { startFrontCache } from './front-cache';
import { pixelHitsStep } from './pixel';
import { median, printTable, summarise, type RunResult } from './report';
import { LARGE_ROWS, SMALL_ROWS, type Row, type RowContext } from './rows';
import { submissions } from './submissions';

async function context(server: RunningServer, dataDir: string): Promise<RowContext> {
  const { slug, canonical } = benchArticle(dataDir);
  return {
    server,
    cookies: {
      staff: await signInHttp(server.url, 'staff@demo.test', DEMO_PASSWORD),
      publisher: await signInHttp(server.url, 'publisher@demo.test', DEMO_PASSWORD),
    },
    slug,
    canonical,
    licenseCode: licenseCode(dataDir),
  };
}

/** RUNS passes over the rows; `after` runs after each row (memory notes). */
async function runAll(rows: Row[], ctx: RowContext, after: (name: string) => void = () => {}): Promise<RunResult[]> {
  const runs: RunResult[] = [];
  for (let i = 0; i < RUNS; i++) {
    if (RUNS > 1) console.log(` run ${i + 1} of ${RUNS}`);
    const run: RunResult = {};
    for (const row of rows) {
      run[row.name] = await row.run(ctx);
      after(row.name);
    }
    runs.push(run);
  }
  return runs;
}

async function main() {
  const started = Date.now();
  await ensureBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-'));
  console.log(`Bench data in ${dataDir}`);
  let server: RunningServer | undefined;
  let front: RowContext['front'];
  let peak = 0;
  // Where the peak is reached: the server's resident memory after each step (MB), in order.
  const rssAfter: Record<string, number> = {};
  const sample = () => server?.child.pid && (peak = Math.max(peak, treeRss(server.child.pid)));
  const note = (step: string) => {
    sample();
    if (server?.child.pid) rssAfter[step] = Math.round(treeRss(server.child.pid) / 1024 / 1024);
  };
  const sampler = setInterval(sample, 200);
  try {
    tsx('scripts/prepare-data.ts', [], dataDir);
    tsx('scripts/seed-bulk.ts', [String(SMALL.articles)], dataDir);
    tsx('scripts/seed-bulk-requests.ts', [String(SMALL.requests)], dataDir);

    console.log(
      `\nSmall desk (${SMALL.articles.toLocaleString()} articles, ${SMALL.requests.toLocaleString()} requests):`,
    );
    server = await startServer({ dataDir, env: SERVER_ENV });
    const smallRuns = await runAll(SMALL_ROWS, await context(server, dataDir));
    const small = summarise(SMALL_ROWS, smallRuns);
    await server.stop();
    server = undefined;

    tsx('scripts/seed-bulk.ts', [String(LARGE.articles - SMALL.articles)], dataDir);
    tsx('scripts/seed-bulk-requests.ts', [String(LARGE.requests - SMALL.requests)], dataDir);
    console.log(
      `\nLarge desk (${LARGE.articles.toLocaleString()} articles, ${LARGE.requests.toLocaleString()} requests):`,
    );
    server = await startServer({ dataDir, env: SERVER_ENV });
    peak = 0;
    const ctx = await context(server, dataDir);
    front = ctx.front = await startFrontCache(server, ctx.slug);
    note('started');
    const largeRuns = await runAll(LARGE_ROWS, ctx, note);
    const large = summarise(LARGE_ROWS, largeRuns);
    await front?.stop();
    front = undefined;
    const sub = await submissions(server, SECONDS);
    note('submissions');
    const usageBefore = large.find((s) => s.name === 'usage')!;
    const pixelStep = await pixelHitsStep(server, usageBefore);
    server = pixelStep.server;
    note('usage, after the hits (restarted)');
    const hitsStep = pixelStep.result;

    const bySmall = (n: string) => small.find((s) => s.name === n)!;
    const byLarge = (n: string) => large.find((s) => s.name === n)!;
    const grow = (large: string, small: string) => ({
      p95: (byLarge(large).p95 ?? NaN) / (bySmall(small).p95 ?? NaN),
      cpu: (byLarge(large).cpuMs ?? NaN) / (bySmall(small).cpuMs ?? NaN),
    });
    const growth = {
      search: grow('search, signed in', 'search, signed in'),
      listing: grow('listing, signed in', 'listing, signed in'),
      queue: grow('queue', 'queue'),
    };
    const peakMB = peak / 1024 / 1024;
    const ok = (cond: boolean) => (cond ? 'ok' : 'MISSED');

    printTable(large, RUNS);
    console.log(
      '\nVisitors are answered from the shared page cache; the signed-in rows are rendered per request. CPU is the',
    );
    console.log("server process tree's (nginx's for the nginx rows) over the measured window ÷ requests served.");
    const via = large.find((s) => s.name === 'article via nginx');
    if (via?.skipped) console.log(`Front cache (nginx): skipped, ${via.skipped}.`);
    console.log('\n| growth, rendered per request (small → large) | p95 | CPU ms/req | target (p95) |');
    console.log('| --- | ---: | ---: | --- |');
    const g = (label: string, x: { p95: number; cpu: number }, target: number) =>
      console.log(`| ${label} | ${x.p95.toFixed(2)}× | ${x.cpu.toFixed(2)}× | ≤ ${target}× ${ok(x.p95 <= target)} |`);
    g('search', growth.search, TARGETS.growthSearch);
    g('listing', growth.listing, TARGETS.growthList);
    g('admin queue', growth.queue, TARGETS.growthQueue);
    console.log(
      `\n| ${hitsStep.loaded.toLocaleString('en-GB')} pixel hits (${PIXEL_LOAD.hosts.toLocaleString('en-GB')} hosts, ${PIXEL_LOAD.days} days) | figure | target |`,
    );
    console.log('| --- | ---: | --- |');
    console.log(
      `| database growth | ${hitsStep.growthMB.toFixed(1)} MB | ≤ ${TARGETS.pixelGrowthMB} MB ${ok(hitsStep.growthMB <= TARGETS.pixelGrowthMB)} |`,
    );
    console.log(
      `| /admin/usage p95, empty (median) → after | ${hitsStep.usageBefore.p95?.toFixed(1)} → ${hitsStep.usageAfter.p95?.toFixed(1)} ms (${hitsStep.usageGrowth.toFixed(2)}×) | ≤ ${TARGETS.growthUsage}× ${ok(hitsStep.usageGrowth <= TARGETS.growthUsage)} |`,
    );
    console.log(
      `| /admin/usage server CPU per request, empty → after | ${hitsStep.usageBefore.cpuMs?.toFixed(1)} → ${hitsStep.usageAfter.cpuMs?.toFixed(1)} ms (${hitsStep.usageCpuGrowth.toFixed(2)}×) | informational |`,
    );
    console.log(
      `\nSubmissions (the form's code path, ${sub.workers} concurrent workers on the file database): ${sub.rate.toFixed(0)}/s, ${sub.lost} lost, ${sub.refused + sub.failed} refused or failed (target ≥ ${TARGETS.submissions}/s, 0 lost: ${ok(sub.rate >= TARGETS.submissions && sub.lost === 0)})`,
    );
    console.log(
      `  over HTTP, POST /api/requests: ${sub.http.rate.toFixed(0)}/s, ${sub.http.lost} lost (informational: the load generator shares the server's cores)`,
    );
    console.log(
      `Server peak memory: ${peakMB.toFixed(0)} MB (target < ${TARGETS.memoryMB} MB: ${ok(peakMB < TARGETS.memoryMB)})`,
    );
    console.log(
      `  resident after each step (MB): ${Object.entries(rssAfter)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );

    const result = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version, loadavg: os.loadavg() },
      settings: { runs: RUNS, seconds: SECONDS, connections: CONNECTIONS, small: SMALL, large: LARGE },
      /** Medians over the runs, with spreads, ratios and targets. */
      endpoints: Object.fromEntries(large.map((s) => [s.name, s])),
      small: Object.fromEntries(small.map((s) => [s.name, s])),
      /** Every run's raw measurements. */
      runs: { small: smallRuns, large: largeRuns },
      growth,
      submissions: sub,
      pixelHits: hitsStep,
      peakMemoryMB: peakMB,
      rssAfterMB: rssAfter,
      medianHealthRps: median(largeRuns.map((r) => r.health?.rps)),
      durationSeconds: (Date.now() - started) / 1000,
    };
    fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench/results/latest.json'), JSON.stringify(result, null, 2) + '\n');
    console.log(`\nWrote bench/results/latest.json (${result.durationSeconds.toFixed(0)} s in all).`);
  } finally {
    clearInterval(sampler);
    await front?.stop();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
