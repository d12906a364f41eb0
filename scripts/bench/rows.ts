/**
 * The bench's rows. A row is `{ name, run(ctx) → Measurement }`: every run of the bench calls
 * each row's `run` once, in order, and the report prints the medians over the runs.
 *
 * Adding a row (e.g. issue 18's NDJSON export or catalogue-selection quote): append to
 * LARGE_ROWS a `{ name, run }` whose `run` measures against `ctx.server` and returns either
 * a load result (use `measure`, with `cpuPid: ctx.server.child.pid` for the CPU column) or
 * `{ value, unit }` for a figure that is not a request rate (items/s), plus any of p50/p95/p99.
 * `target` is checked against the baseline row of the same run (or `ratioOf`, another row).
 */
import type { LoadTarget } from '../lib/load';
import type { RunningServer } from '../lib/server';
import { BROWSER_UA } from './config';
import type { FrontCache } from './front-cache';
import { measure, pageSizes, type Measurement } from './measure';
import { benchCatalogue, type CatalogueBench } from '../bench-catalogue';
import { openDatabase } from '@/db/client';
import path from 'node:path';

// The catalogue rows' one measurement per server (per run).
const catalogueRuns = new WeakMap<RunningServer, Promise<CatalogueBench | { skipped: string }>>();
function catalogueBench(c: RowContext) {
  let run = catalogueRuns.get(c.server);
  if (!run) {
    const db = openDatabase(path.join(c.server.dataDir, 'desk.db'));
    run = benchCatalogue({ url: c.server.url, db })
      .catch((e: Error) => ({ skipped: e.message }))
      .finally(() => db.$client.close());
    catalogueRuns.set(c.server, run);
  }
  return run;
}

export type RowContext = {
  server: RunningServer;
  cookies: { staff: string; publisher: string };
  /** The article every article row asks for, and its address on the publisher's site. */
  slug: string;
  canonical: string;
  /** An active licence's code, for the pixel. */
  licenseCode: string;
  /** nginx in front of the server with deploy/nginx.conf, when nginx is installed. */
  front?: FrontCache;
};

export type Target = {
  /** req/s ≥ this × the other row's req/s. */
  minRatio?: number;
  /** CPU ms per request ≤ this × the other row's. */
  maxCpuRatio?: number;
  /** The row compared with: default 'health'. */
  ratioOf?: string;
};

export type Row = {
  name: string;
  /** What the table shows (default: the name). */
  label?: string;
  target?: Target;
  run: (ctx: RowContext) => Promise<Measurement>;
};

/** A row that loads one address on the bench's server, with its CPU; `page` rows also print their sizes. */
function httpRow(
  name: string,
  label: string,
  target: (ctx: RowContext) => LoadTarget,
  opts: { page?: boolean; target?: Target } = {},
): Row {
  return {
    name,
    label,
    target: opts.target,
    run: async (ctx) => {
      const t = target(ctx);
      const m = await measure(name, t, { cpuPid: ctx.server.child.pid });
      if (!opts.page || typeof t.headers === 'function') return m;
      return { ...m, ...(await pageSizes(t.url, t.headers)) };
    },
  };
}

const signedIn = (ctx: RowContext) => ({ cookie: ctx.cookies.publisher });
const staff = (ctx: RowContext) => ({ cookie: ctx.cookies.staff });
const pixelUrl = (ctx: RowContext) => `${ctx.server.url}/api/pixel/${ctx.licenseCode}.gif`;
// As a reader's browser asks on the publisher's article page (the URL decorated as a CMS would).
const door = (ctx: RowContext) =>
  encodeURIComponent(`${ctx.canonical.replace('https://', 'https://www.')}?utm_source=bench`);
let reader = 0;

// Issue 20's targets: signed-in pages ≥ 0.4× the baseline's req/s and ≤ 2.5× its CPU per request.
const SIGNED_IN: Target = { minRatio: 0.4, maxCpuRatio: 2.5 };

/** Growth is measured on the per-request render (signed in): the visitors' cache would hide it. */
export const SMALL_ROWS: Row[] = [
  httpRow('search, signed in', '`/articles?q=harbour`, signed in', (c) => ({
    url: `${c.server.url}/articles?q=harbour`,
    headers: signedIn(c),
  })),
  httpRow('listing, signed in', '`/articles`, signed in', (c) => ({
    url: `${c.server.url}/articles`,
    headers: signedIn(c),
  })),
  httpRow('queue', '`/admin/requests` (staff)', (c) => ({ url: `${c.server.url}/admin/requests`, headers: staff(c) })),
];

/**
 * Visitors (no cookie) are answered from the shared page cache (proxy.ts → app/(visitor)), so the
 * same pages are also measured signed in as a publisher: rendered per request, they show what a
 * page costs to render and how that grows with the archive.
 */
export const LARGE_ROWS: Row[] = [
  httpRow('health', '`/api/health`', (c) => ({ url: `${c.server.url}/api/health` })),
  httpRow('listing', '`/articles`', (c) => ({ url: `${c.server.url}/articles` }), {
    page: true,
    target: { minRatio: 0.8 },
  }),
  httpRow('search', '`/articles?q=harbour`', (c) => ({ url: `${c.server.url}/articles?q=harbour` }), {
    page: true,
    target: { minRatio: 0.8 },
  }),
  httpRow('article', '`/articles/[slug]`', (c) => ({ url: `${c.server.url}/articles/${c.slug}` }), {
    page: true,
    target: { minRatio: 0.8 },
  }),
  httpRow(
    'quote',
    '`POST /api/quote`',
    (c) => ({
      url: `${c.server.url}/api/quote`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        articles: [c.slug],
        use: 'web',
        licenseeType: 'commercial',
        audience: 25000,
        territory: 'country',
        duration: '1y',
        portion: 'full',
        translation: false,
      }),
    }),
    { target: { minRatio: 0.9 } },
  ),
  // Before the pixel rows, so it is measured on a desk with no reads yet.
  httpRow(
    'usage',
    '`/admin/usage` (staff, empty desk)',
    (c) => ({ url: `${c.server.url}/admin/usage`, headers: staff(c) }),
    {
      page: true,
    },
  ),
  // One browser reloading: counted once, then repeats and past its address's rate (no write).
  httpRow(
    'pixel',
    'pixel, one browser reloading',
    (c) => ({ url: pixelUrl(c), headers: { 'user-agent': BROWSER_UA, referer: 'https://northbank.example/story' } }),
    { target: { minRatio: 0.9 } },
  ),
  // A new reader every request: each one a counted read (one write transaction).
  httpRow(
    'pixel, new readers',
    'pixel, a new reader every request',
    (c) => ({
      url: pixelUrl(c),
      headers: () => ({
        'user-agent': BROWSER_UA,
        referer: 'https://northbank.example/story',
        'x-forwarded-for': `10.9.${(++reader >> 8) & 255}.${reader & 255}`,
      }),
    }),
    { target: { minRatio: 0.9 } },
  ),
  // The embed's per-view request (embed.js itself is a static answer) and the no-JS badge.
  httpRow('embed', "`/embed/data` (the box's request)", (c) => ({ url: `${c.server.url}/embed/data?url=${door(c)}` }), {
    target: { minRatio: 0.8 },
  }),
  httpRow('badge', '`/badge.svg`', (c) => ({ url: `${c.server.url}/badge.svg?url=${door(c)}` }), {
    target: { minRatio: 0.8 },
  }),
  httpRow('queue', '`/admin/requests` (staff)', (c) => ({ url: `${c.server.url}/admin/requests`, headers: staff(c) }), {
    page: true,
    target: { minRatio: 0.35 },
  }),
  httpRow(
    'listing, signed in',
    '`/articles`, signed in',
    (c) => ({ url: `${c.server.url}/articles`, headers: signedIn(c) }),
    { page: true, target: SIGNED_IN },
  ),
  httpRow(
    'search, signed in',
    '`/articles?q=harbour`, signed in',
    (c) => ({ url: `${c.server.url}/articles?q=harbour`, headers: signedIn(c) }),
    { page: true, target: SIGNED_IN },
  ),
  httpRow(
    'article, signed in',
    '`/articles/[slug]`, signed in',
    (c) => ({ url: `${c.server.url}/articles/${c.slug}`, headers: signedIn(c) }),
    { page: true, target: SIGNED_IN },
  ),
  // The visitors' article page through nginx (deploy/nginx.conf), against nginx serving a file
  // of the same size: what the front cache costs beyond nginx itself. CPU is nginx's.
  {
    name: 'article via nginx',
    label: '`/articles/[slug]` through nginx (cached)',
    target: { minRatio: 0.8, ratioOf: 'static file via nginx' },
    run: async (c) => {
      if (!c.front) return { skipped: 'nginx is not on PATH' };
      const url = `${c.front.url}/articles/${c.slug}`;
      const m = await measure('article via nginx', { url }, { cpuPid: c.front.pid });
      return { ...m, ...(await pageSizes(url)) };
    },
  },
  {
    name: 'static file via nginx',
    label: 'nginx, the same page as a static file',
    run: async (c) => {
      if (!c.front) return { skipped: 'nginx is not on PATH' };
      return measure('static file via nginx', { url: c.front.staticUrl }, { cpuPid: c.front.pid });
    },
  },
  // Issue 18: a catalogue licence's NDJSON export (10,000 articles through the route) and the
  // selection quote (the counts plus the tier arithmetic) on the large desk. One measurement serves both rows.
  {
    name: 'catalogue export',
    label: 'catalogue licence: NDJSON export of 10,000 articles',
    run: async (c) => {
      const r = await catalogueBench(c);
      return 'skipped' in r ? r : { value: r.exportItemsPerSecond, unit: 'items/s' };
    },
  },
  {
    name: 'catalogue quote',
    label: 'catalogue licence: a selection quote (counts and tiers)',
    run: async (c) => {
      const r = await catalogueBench(c);
      return 'skipped' in r ? r : { value: r.quoteP95Ms, unit: 'ms p95', p95: r.quoteP95Ms, p50: r.quoteP50Ms };
    },
  },
];
