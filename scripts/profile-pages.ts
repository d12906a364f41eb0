/**
 * Where a signed-in page's milliseconds go (issue 20, item 2): runs the production server on a
 * temporary desk, and for each page loads it (signed in) while the V8 CPU profiler runs
 * (scripts/lib/profile-hook.js, preloaded; the window under load only). Then maps every sample
 * through the build's source maps to the original file and sorts it into session decode, data,
 * rendering, payload, Next and Node, per request. Writes the .cpuprofile files (open them in
 * Chrome DevTools → Performance) and prints a table per page.
 *
 *   NEXT_DIST_DIR=.next-x npx tsx scripts/profile-pages.ts   # PROFILE_ARTICLES, PROFILE_SECONDS
 *
 * Without the script: `node --cpu-prof --cpu-prof-dir=prof scripts/server.js`, load a page with
 * any client, stop the server with SIGTERM, and open prof/*.cpuprofile (start-up included).
 */
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageSizes } from './bench/measure';
import { ensureBuild, tsx } from './bench/desk';
import { signInHttp } from './lib/http-session';
import { load } from './lib/load';
import { DEMO_PASSWORD, startServer } from './lib/server';

const ROOT = path.resolve(__dirname, '..');
const ARTICLES = Number(process.env.PROFILE_ARTICLES || 5_000);
const SECONDS = Number(process.env.PROFILE_SECONDS || 10);
const CONNECTIONS = Number(process.env.PROFILE_CONNECTIONS || 4);
/** PROFILE_PAGES=visitor,health: only the pages whose names contain one of these words. */
const ONLY = process.env.PROFILE_PAGES?.split(',').map((w) => w.trim());

type Frame = { url: string; functionName: string; lineNumber: number; columnNumber: number };
type Node = { id: number; callFrame: Frame; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const maps = new Map<string, SourceMap | null>();
function originalSource(f: Frame): string {
  // V8's own entries ("(garbage collector)", "(program)") and natives ("write") have no URL.
  if (!f.url) return f.functionName.startsWith('(') ? f.functionName : `(${f.functionName || 'native'})`;
  if (!f.url.startsWith('file://') && !f.url.startsWith('/')) return f.url;
  const file = f.url.startsWith('file://') ? fileURLToPath(f.url) : f.url;
  if (!maps.has(file)) {
    try {
      maps.set(file, new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8'))));
    } catch {
      maps.set(file, null);
    }
  }
  const entry = maps.get(file)?.findEntry(f.lineNumber, f.columnNumber) as { originalSource?: string } | undefined;
  return entry?.originalSource ?? file;
}

/** Categories, in the order a sample is given one (the first that any frame of its stack matches). */
const INCLUSIVE: [string, RegExp][] = [
  [
    'session decode + user row (lib/auth, next-auth, jose)',
    /lib\/auth\/|node_modules\/(next-auth|jose|@panva|openid-client)\//,
  ],
  ['proxy.ts (routing, CSP nonce)', /\/proxy\.ts|lib\/security\//],
  ['data (lib/, db/, SQLite, drizzle)', /(\[project\]|\/P)\/(lib|db)\/|better-sqlite3|drizzle-orm/],
];
/** For the rest: by the frame running (the leaf). */
const LEAF: [string, RegExp][] = [
  ['garbage collection', /^\(garbage collector\)$/],
  [
    'RSC render + payload serialisation (react-server-dom …-server)',
    /react-server-dom-[a-z]+-server|react\.react-server/,
  ],
  ['HTML render (SSR: reading the RSC payload, react-dom/server)', /react-server-dom-[a-z]+-client|react-dom/],
  ['page components (app/)', /(\[project\]|\/P)\/app\//],
  [
    'Next (routing, response, tracing, caches)',
    /node_modules\/next\/|next\/dist|webpack:\/\/next\/|(^|\/)src\/(server|lib|shared|client|build)\//,
  ],
  ['Node and V8 (HTTP, streams, async hooks, natives)', /^node:|^\(/],
];

function categorise(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map<number, string | null>(); // inclusive category of a node's stack, or null
  const inclusive = (id: number): string | null => {
    if (memo.has(id)) return memo.get(id)!;
    const src = originalSource(byId.get(id)!.callFrame);
    const up = parent.has(id) ? inclusive(parent.get(id)!) : null;
    const own = INCLUSIVE.find(([, re]) => re.test(src))?.[0] ?? null;
    // The outer rule wins (a session read inside proxy.ts is the session's).
    const rank = (c: string | null) => (c ? INCLUSIVE.findIndex(([k]) => k === c) : 99);
    const cat = rank(up) <= rank(own) ? up : own;
    memo.set(id, cat);
    return cat;
  };
  const totals = new Map<string, number>();
  const files = new Map<string, number>();
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0;
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') {
      idle += us;
      return;
    }
    const src = originalSource(frame);
    const cat = inclusive(id) ?? LEAF.find(([, re]) => re.test(src))?.[0] ?? 'other';
    totals.set(cat, (totals.get(cat) ?? 0) + us);
    const short = src.replace(/^.*\[project\]\//, '').replace(/^.*node_modules\//, 'node_modules/');
    files.set(short, (files.get(short) ?? 0) + us);
  });
  return { totals, files, idle };
}

async function main() {
  await ensureBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-profile-'));
  const outDir = path.join(ROOT, 'bench', 'profiles');
  fs.mkdirSync(outDir, { recursive: true });
  const profileFile = path.join(dataDir, 'current.cpuprofile');
  tsx('scripts/prepare-data.ts', [], dataDir);
  tsx('scripts/seed-bulk.ts', [String(ARTICLES)], dataDir);
  tsx('scripts/seed-bulk-requests.ts', [String(ARTICLES * 2)], dataDir);
  const server = await startServer({
    dataDir,
    env: {
      NODE_OPTIONS: `--require ${path.join(__dirname, 'lib', 'profile-hook.js')}`,
      DESK_PROFILE_FILE: profileFile,
    },
  });
  try {
    const publisher = await signInHttp(server.url, 'publisher@demo.test', DEMO_PASSWORD);
    const staff = await signInHttp(server.url, 'staff@demo.test', DEMO_PASSWORD);
    const slug = 'tide-gauge-centenary';
    const pages = [
      { name: 'catalogue, signed in', url: `${server.url}/articles`, cookie: publisher },
      { name: 'article, signed in', url: `${server.url}/articles/${slug}`, cookie: publisher },
      { name: 'admin queue', url: `${server.url}/admin/requests`, cookie: staff },
      // Visitors: no cookie, answered from the shared page cache (proxy.ts rewrite into app/(visitor)).
      { name: 'catalogue, visitor', url: `${server.url}/articles`, cookie: '' },
      { name: 'article, visitor', url: `${server.url}/articles/${slug}`, cookie: '' },
      { name: 'health (baseline)', url: `${server.url}/api/health`, cookie: publisher },
    ].filter((p) => !ONLY || ONLY.some((w) => p.name.includes(w)));
    for (const p of pages) {
      const headers: Record<string, string> = p.cookie ? { cookie: p.cookie } : {};
      const target = { url: p.url, headers };
      await load(target, { seconds: 3, connections: CONNECTIONS });
      process.kill(server.child.pid!, 'SIGUSR2');
      await new Promise((r) => setTimeout(r, 200));
      const r = await load(target, { seconds: SECONDS, connections: CONNECTIONS });
      process.kill(server.child.pid!, 'SIGUSR2');
      while (!fs.existsSync(`${profileFile}.done`)) await new Promise((res) => setTimeout(res, 100));
      fs.rmSync(`${profileFile}.done`);
      const file = path.join(outDir, `${p.name.replace(/\W+/g, '-')}.cpuprofile`);
      fs.renameSync(profileFile, file);
      const { totals, files, idle } = categorise(JSON.parse(fs.readFileSync(file, 'utf8')) as Profile);
      const busy = [...totals.values()].reduce((a, b) => a + b, 0);
      const sizes = await pageSizes(p.url, headers);
      console.log(
        `\n### ${p.name}: ${r.requests} requests, ${(busy / 1000 / r.requests).toFixed(2)} ms CPU per request in the server's main thread (idle ${((idle / (idle + busy)) * 100).toFixed(0)}%); HTML ${sizes.htmlKB.toFixed(1)} KB, RSC ${sizes.rscKB.toFixed(1)} KB`,
      );
      console.log('\n| where | ms per request | share |\n| --- | ---: | ---: |');
      for (const [k, us] of [...totals].sort((a, b) => b[1] - a[1]))
        console.log(`| ${k} | ${(us / 1000 / r.requests).toFixed(2)} | ${((us / busy) * 100).toFixed(0)}% |`);
      console.log(
        `\nTop files (self time): ${[...files]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8)
          .map(([f, us]) => `${f} ${(us / 1000 / r.requests).toFixed(2)}`)
          .join(', ')}`,
      );
      console.log(`Profile: ${path.relative(ROOT, file)}`);
    }
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
