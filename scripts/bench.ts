/**
 * npm run bench: builds if needed, prepares a temporary DATA_DIR (demo desk + synthetic archive
 * and request history), runs the production server and measures it from loopback. Prints a
 * table and writes bench/results/latest.json. Bounded: about 10 s of load per measurement.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { signInHttp } from './lib/http-session';
import { load, processCpuMs, treeRss, type LoadResult, type LoadTarget } from './lib/load';
import { loadPixelHits } from './lib/pixel-hits';
import { DEMO_PASSWORD, startServer, type RunningServer } from './lib/server';
import { measureSubmissions } from './lib/submissions';

const ROOT = path.resolve(__dirname, '..');
// BENCH_SCALE shrinks the large desk for a quick trial run of the script itself.
const SCALE = Number(process.env.BENCH_SCALE || 1);
const SMALL = { articles: 1_000, requests: 2_000 };
const LARGE = {
  articles: Math.max(2_000, Math.round(100_000 * SCALE)),
  requests: Math.max(4_000, Math.round(200_000 * SCALE)),
};
const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const TARGETS = {
  search: 0.3,
  article: 0.3,
  quote: 0.7,
  pixel: 0.9,
  growthSearch: 3,
  growthList: 1.5,
  growthQueue: 1.5,
  submissions: 300,
  memoryMB: 500,
  embed: 0.8,
  badge: 0.8,
  pixelGrowthMB: 60,
  growthUsage: 1.5,
};
// The "1 M hits" step: pixel hits loaded through the route's recording function (scripts/lib/pixel-hits.ts).
const PIXEL_LOAD = {
  hits: Math.round(1_000_000 * Math.min(1, SCALE)),
  hosts: 1_000,
  days: 30,
  maxSeconds: Number(process.env.BENCH_PIXEL_SECONDS || 600),
};
const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';
// The server believes X-Forwarded-For from the bench (loopback), so the "new readers" row can vary it.
const SERVER_ENV = { TRUST_PROXY: '1' };

const tsx = (script: string, args: string[], dataDir: string) =>
  execFileSync(path.join(ROOT, 'node_modules/.bin/tsx'), [script, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, DEMO_PASSWORD },
    stdio: ['ignore', 'inherit', 'inherit'],
  });

function ensureBuild() {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (fs.existsSync(path.join(ROOT, distDir, 'BUILD_ID'))) return;
  console.log('No production build: running next build…');
  const res = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  return new Promise<void>((resolve, reject) =>
    res.on('exit', (c) => (c === 0 ? resolve() : reject(new Error(`next build exited ${c}`)))),
  );
}

/**
 * Warm-up (caches, JIT), then `seconds` of load. With `server`, also the server's CPU time per
 * request (`cpuMs`), which the other work on a shared machine disturbs far less than latency.
 */
async function measure(
  name: string,
  target: LoadTarget,
  seconds = SECONDS,
  opts: { warmup?: number; server?: RunningServer } = {},
): Promise<LoadResult & { cpuMs?: number }> {
  await load(target, { seconds: opts.warmup ?? 1, connections: CONNECTIONS });
  const pid = opts.server?.child.pid;
  const cpu0 = pid ? processCpuMs(pid) : NaN;
  const r = await load(target, { seconds, connections: CONNECTIONS });
  const cpuMs = pid ? (processCpuMs(pid) - cpu0) / r.requests : undefined;
  console.log(
    `  ${name.padEnd(22)} ${r.rps.toFixed(0).padStart(6)} req/s  p95 ${r.p95.toFixed(1)} ms${cpuMs !== undefined ? `  server CPU ${cpuMs.toFixed(1)} ms/req` : ''}${r.errors ? `  (${r.errors} errors!)` : ''}`,
  );
  return cpuMs === undefined ? r : { ...r, cpuMs };
}

/**
 * Visitors (no cookie) are answered from the shared page cache (proxy.ts → app/(visitor)), so the
 * same pages are also measured signed in as a publisher: rendered per request, they show what a
 * page costs to render and how that grows with the archive.
 */
function targetsFor(
  server: RunningServer,
  slug: string,
  canonical: string,
  cookies: { staff: string; publisher: string },
): Record<string, LoadTarget> {
  const u = server.url;
  // As a reader's browser asks on the publisher's article page (the URL decorated as a CMS would).
  const door = encodeURIComponent(`${canonical.replace('https://', 'https://www.')}?utm_source=bench`);
  const signedIn = { cookie: cookies.publisher };
  const pixel = `${u}/api/pixel/${licenseCode(server.dataDir)}.gif`;
  let reader = 0;
  return {
    health: { url: `${u}/api/health` },
    listing: { url: `${u}/articles` },
    search: { url: `${u}/articles?q=harbour` },
    article: { url: `${u}/articles/${slug}` },
    quote: {
      url: `${u}/api/quote`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        articles: [slug],
        use: 'web',
        licenseeType: 'commercial',
        audience: 25000,
        territory: 'country',
        duration: '1y',
        portion: 'full',
        translation: false,
      }),
    },
    // Before the pixel rows, so it is measured on a desk with no reads yet.
    usage: { url: `${u}/admin/usage`, headers: { cookie: cookies.staff } },
    // One browser reloading: counted once, then repeats and past its address's rate (no write).
    pixel: { url: pixel, headers: { 'user-agent': BROWSER_UA, referer: 'https://northbank.example/story' } },
    // A new reader every request: each one a counted read (one write transaction).
    'pixel, new readers': {
      url: pixel,
      headers: () => ({
        'user-agent': BROWSER_UA,
        referer: 'https://northbank.example/story',
        'x-forwarded-for': `10.9.${(++reader >> 8) & 255}.${reader & 255}`,
      }),
    },
    // The embed's per-view request (embed.js itself is a static answer) and the no-JS badge.
    embed: { url: `${u}/embed/data?url=${door}` },
    badge: { url: `${u}/badge.svg?url=${door}` },
    queue: { url: `${u}/admin/requests`, headers: { cookie: cookies.staff } },
    'listing, signed in': { url: `${u}/articles`, headers: signedIn },
    'search, signed in': { url: `${u}/articles?q=harbour`, headers: signedIn },
    'article, signed in': { url: `${u}/articles/${slug}`, headers: signedIn },
  };
}

async function signIns(server: RunningServer) {
  return {
    staff: await signInHttp(server.url, 'staff@demo.test', DEMO_PASSWORD),
    publisher: await signInHttp(server.url, 'publisher@demo.test', DEMO_PASSWORD),
  };
}

function licenseCode(dataDir: string): string {
  const db = new Database(path.join(dataDir, 'desk.db'), { readonly: true });
  const row = db.prepare("select code from licenses where status = 'active' order by id limit 1").get() as
    { code: string } | undefined;
  db.close();
  if (!row) throw new Error('The bench desk has no active licence for the pixel.');
  return row.code;
}

/**
 * Stops the server, loads the pixel hits into its database in process, restarts it and measures
 * /admin/usage again: how much the file grew, and the page's p95 before and after.
 */
async function pixelHitsStep(server: RunningServer, usageBefore: LoadResult & { cpuMs?: number }) {
  const file = path.join(server.dataDir, 'desk.db');
  await server.stop();
  console.log(
    `\n${PIXEL_LOAD.hits.toLocaleString('en-GB')} pixel hits (${PIXEL_LOAD.hosts.toLocaleString('en-GB')} hosts, ${PIXEL_LOAD.days} days) through recordPixelHit:`,
  );
  const loaded = await loadPixelHits(file, PIXEL_LOAD);
  const growthMB = (loaded.sizeAfter - loaded.sizeBefore) / 1024 / 1024;
  const o = loaded.outcomes;
  console.log(
    `  ${loaded.loaded.toLocaleString('en-GB')} hits in ${loaded.seconds.toFixed(0)} s (${(loaded.loaded / loaded.seconds).toFixed(0)}/s) on ${loaded.licences} licences: ${o.counted.toLocaleString('en-GB')} counted, ${o.ignored} ignored, ${o.repeat.toLocaleString('en-GB')} repeats, ${o.bot.toLocaleString('en-GB')} bots, ${o.rate} over the rate, ${o.error} errors`,
  );
  const next = await startServer({ dataDir: server.dataDir, env: SERVER_ENV });
  const cookies = await signIns(next);
  // The "before" figure came from a server warmed by every row above; a just-started one has
  // cold code and startup garbage, and with ~100 requests in a run its first slow ones are the p95.
  // So the same page is warmed for a full run before it is measured.
  const usageAfter = await measure(
    'usage, after the hits',
    { url: `${next.url}/admin/usage`, headers: { cookie: cookies.staff } },
    SECONDS,
    { warmup: SECONDS, server: next },
  );
  return {
    server: next,
    result: {
      ...loaded,
      growthMB,
      usageBefore,
      usageAfter,
      usageGrowth: usageAfter.p95 / usageBefore.p95,
      usageCpuGrowth: (usageAfter.cpuMs ?? NaN) / (usageBefore.cpuMs ?? NaN),
    },
  };
}

function submissionSlugs(dataDir: string): string[] {
  const db = new Database(path.join(dataDir, 'desk.db'), { readonly: true });
  const slugs = (
    db
      .prepare(
        "select slug from articles where rights_status = 'owned' and embargo_until is null and hidden = 0 order by id limit 2",
      )
      .all() as { slug: string }[]
  ).map((r) => r.slug);
  db.close();
  return slugs;
}

/** The target figure: the form's code path (its schema and submitRequest) by K worker processes on the server's database file. */
async function submissions(server: RunningServer, seconds: number) {
  const form = await measureSubmissions({
    dbFile: path.join(server.dataDir, 'desk.db'),
    seconds,
    slugs: submissionSlugs(server.dataDir),
  });
  console.log(
    `  submissions (form path, ${form.workers} workers) ${form.rate.toFixed(0).padStart(4)} /s  (${form.acknowledged} acknowledged, ${form.lost} lost, ${form.refused} refused, ${form.failed} failed${form.firstError ? `: ${form.firstError}` : ''})`,
  );
  // Informational: through next start, where the load generator shares the cores with the server.
  const http = await httpSubmissions(server, seconds);
  console.log(
    `  over HTTP, POST /api/requests: ${http.rate.toFixed(0)}/s  (${http.acknowledged} acknowledged, ${http.lost} lost, ${http.failed} refused)`,
  );
  return { ...form, http };
}

async function httpSubmissions(server: RunningServer, seconds: number) {
  const cookie = await signInHttp(server.url, 'publisher@demo.test', DEMO_PASSWORD);
  const slugs = submissionSlugs(server.dataDir);
  const startDate = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const body = JSON.stringify({
    articles: slugs,
    use: 'web',
    audience: 25000,
    territory: 'worldwide',
    duration: '1y',
    portion: 'full',
    translation: false,
    publicationName: 'Bench',
    publicationUrl: 'https://northbank.example/b',
    startDate,
    acceptTerms: true,
  });
  const acknowledged: string[] = [];
  let failed = 0;
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const res = await fetch(`${server.url}/api/requests`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body,
        });
        if (res.status === 201) acknowledged.push(((await res.json()) as { reference: string }).reference);
        else failed++;
      }
    }),
  );
  const rate = acknowledged.length / ((performance.now() - t0) / 1000);
  const check = new Database(path.join(server.dataDir, 'desk.db'), { readonly: true });
  const stored = new Set(
    (
      check.prepare('select reference from license_requests where publication_name = ?').all('Bench') as {
        reference: string;
      }[]
    ).map((r) => r.reference),
  );
  check.close();
  return { rate, acknowledged: acknowledged.length, failed, lost: acknowledged.filter((r) => !stored.has(r)).length };
}

async function main() {
  const started = Date.now();
  await ensureBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-'));
  console.log(`Bench data in ${dataDir}`);
  let server: RunningServer | undefined;
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
    const { slug, canonical } = new Database(path.join(dataDir, 'desk.db'), { readonly: true })
      .prepare(
        "select slug, canonical_url as canonical from articles where rights_status = 'owned' and embargo_until is null order by id limit 1",
      )
      .get() as { slug: string; canonical: string };

    console.log(
      `\nSmall desk (${SMALL.articles.toLocaleString()} articles, ${SMALL.requests.toLocaleString()} requests):`,
    );
    server = await startServer({ dataDir, env: SERVER_ENV });
    let t = targetsFor(server, slug, canonical, await signIns(server));
    // Growth is measured on the per-request render: the visitors' cache would hide it.
    const small = {
      search: await measure('search, signed in', t['search, signed in']!),
      listing: await measure('listing, signed in', t['listing, signed in']!),
      queue: await measure('admin queue', t.queue!),
    };
    await server.stop();
    server = undefined;

    tsx('scripts/seed-bulk.ts', [String(LARGE.articles - SMALL.articles)], dataDir);
    tsx('scripts/seed-bulk-requests.ts', [String(LARGE.requests - SMALL.requests)], dataDir);
    console.log(
      `\nLarge desk (${LARGE.articles.toLocaleString()} articles, ${LARGE.requests.toLocaleString()} requests):`,
    );
    server = await startServer({ dataDir, env: SERVER_ENV });
    peak = 0;
    t = targetsFor(server, slug, canonical, await signIns(server));
    note('started');
    const rows: Record<string, LoadResult & { cpuMs?: number }> = {};
    for (const [name, target] of Object.entries(t)) {
      rows[name] = await measure(name, target, SECONDS, name === 'usage' ? { server } : {});
      note(name);
    }
    const sub = await submissions(server, SECONDS);
    note('submissions');
    const pixelStep = await pixelHitsStep(server, rows.usage!);
    server = pixelStep.server;
    note('usage, after the hits (restarted)');
    const hitsStep = pixelStep.result;

    const base = rows.health!.rps;
    const growth = {
      search: rows['search, signed in']!.p95 / small.search.p95,
      listing: rows['listing, signed in']!.p95 / small.listing.p95,
      queue: rows.queue!.p95 / small.queue.p95,
    };
    const peakMB = peak / 1024 / 1024;
    const ok = (cond: boolean) => (cond ? 'ok' : 'MISSED');
    console.log('\n| endpoint | req/s | p50 ms | p95 ms | p99 ms | × baseline | target |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
    const target: Record<string, string> = {
      health: 'baseline',
      search: `≥ ${TARGETS.search}× ${ok(rows.search!.rps / base >= TARGETS.search)}`,
      article: `≥ ${TARGETS.article}× ${ok(rows.article!.rps / base >= TARGETS.article)}`,
      quote: `≥ ${TARGETS.quote}× ${ok(rows.quote!.rps / base >= TARGETS.quote)}`,
      pixel: `≥ ${TARGETS.pixel}× ${ok(rows.pixel!.rps / base >= TARGETS.pixel)}`,
      'pixel, new readers': `≥ ${TARGETS.pixel}× ${ok(rows['pixel, new readers']!.rps / base >= TARGETS.pixel)}`,
      embed: `≥ ${TARGETS.embed}× ${ok(rows.embed!.rps / base >= TARGETS.embed)}`,
      badge: `≥ ${TARGETS.badge}× ${ok(rows.badge!.rps / base >= TARGETS.badge)}`,
    };
    for (const [name, r] of Object.entries(rows)) {
      console.log(
        `| ${name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${(r.rps / base).toFixed(2)} | ${target[name] ?? ''} |`,
      );
    }
    console.log('\nVisitors are answered from the shared page cache; the signed-in rows are rendered per request.');
    console.log('\n| growth of p95, rendered per request (small → large) | factor | target |');
    console.log('| --- | ---: | --- |');
    console.log(
      `| search | ${growth.search.toFixed(2)}× | ≤ ${TARGETS.growthSearch}× ${ok(growth.search <= TARGETS.growthSearch)} |`,
    );
    console.log(
      `| listing | ${growth.listing.toFixed(2)}× | ≤ ${TARGETS.growthList}× ${ok(growth.listing <= TARGETS.growthList)} |`,
    );
    console.log(
      `| admin queue | ${growth.queue.toFixed(2)}× | ≤ ${TARGETS.growthQueue}× ${ok(growth.queue <= TARGETS.growthQueue)} |`,
    );
    console.log(
      `\n| ${hitsStep.loaded.toLocaleString('en-GB')} pixel hits (${PIXEL_LOAD.hosts.toLocaleString('en-GB')} hosts, ${PIXEL_LOAD.days} days) | figure | target |`,
    );
    console.log('| --- | ---: | --- |');
    console.log(
      `| database growth | ${hitsStep.growthMB.toFixed(1)} MB | ≤ ${TARGETS.pixelGrowthMB} MB ${ok(hitsStep.growthMB <= TARGETS.pixelGrowthMB)} |`,
    );
    console.log(
      `| /admin/usage p95, empty → after | ${hitsStep.usageBefore.p95.toFixed(1)} → ${hitsStep.usageAfter.p95.toFixed(1)} ms (${hitsStep.usageGrowth.toFixed(2)}×) | ≤ ${TARGETS.growthUsage}× ${ok(hitsStep.usageGrowth <= TARGETS.growthUsage)} |`,
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
      machine: { cpus: os.cpus().length, node: process.version },
      settings: { seconds: SECONDS, connections: CONNECTIONS, small: SMALL, large: LARGE },
      endpoints: Object.fromEntries(Object.entries(rows).map(([k, r]) => [k, { ...r, ratio: r.rps / base }])),
      small,
      growth,
      submissions: sub,
      pixelHits: hitsStep,
      peakMemoryMB: peakMB,
      rssAfterMB: rssAfter,
      durationSeconds: (Date.now() - started) / 1000,
    };
    fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench/results/latest.json'), JSON.stringify(result, null, 2) + '\n');
    console.log(`\nWrote bench/results/latest.json (${result.durationSeconds.toFixed(0)} s in all).`);
  } finally {
    clearInterval(sampler);
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
