/**
 * An A/B of two server settings on one desk, interleaved so that the machine's mood falls on both
 * alike: two production servers run side by side (each idle while the other is measured), and
 * every page is loaded on A, then B, for AB_ROUNDS rounds. Prints the server CPU ms per request
 * of each round, the medians, B ÷ A, and each server's peak resident memory. Between two whole
 * bench runs the baseline alone moved 30% here; in this interleaving it moves a few percent.
 *
 *   AB_A='' AB_B='SERVER_HEAP_MB=256' npx tsx scripts/bench-ab.ts
 *
 * AB_A / AB_B: space-separated NAME=value settings for each server (e.g. SERVER_HEAP_MB=256).
 * AB_ARTICLES (default 10,000; twice as many requests), AB_ROUNDS (3), AB_SECONDS (5),
 * AB_CONNECTIONS (10). Needs a production build (NEXT_DIST_DIR, default .next).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuild, tsx } from './bench/desk';
import { signInHttp } from './lib/http-session';
import { load, treeCpuMs, treeRss } from './lib/load';
import { DEMO_PASSWORD, startServer, type RunningServer } from './lib/server';

const ARTICLES = Number(process.env.AB_ARTICLES || 10_000);
const ROUNDS = Number(process.env.AB_ROUNDS || 3);
const SECONDS = Number(process.env.AB_SECONDS || 5);
const CONNECTIONS = Number(process.env.AB_CONNECTIONS || 10);

function settings(spec: string | undefined): Record<string, string> {
  return Object.fromEntries(
    (spec ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  await ensureBuild();
  const variants = [
    { name: 'A', env: settings(process.env.AB_A) },
    { name: 'B', env: settings(process.env.AB_B) },
  ];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-ab-'));
  console.log(`Seeding ${ARTICLES.toLocaleString('en-GB')} articles…`);
  tsx('scripts/prepare-data.ts', [], dataDir);
  tsx('scripts/seed-bulk.ts', [String(ARTICLES)], dataDir);
  tsx('scripts/seed-bulk-requests.ts', [String(ARTICLES * 2)], dataDir);
  const servers: RunningServer[] = [];
  try {
    for (const v of variants) servers.push(await startServer({ dataDir, env: v.env }));
    const peaks = servers.map(() => 0);
    const sampler = setInterval(
      () => servers.forEach((s, i) => (peaks[i] = Math.max(peaks[i]!, treeRss(s.child.pid!)))),
      250,
    );
    const cookies = await Promise.all(
      servers.map(async (s) => ({
        publisher: await signInHttp(s.url, 'publisher@demo.test', DEMO_PASSWORD),
        staff: await signInHttp(s.url, 'staff@demo.test', DEMO_PASSWORD),
      })),
    );
    const slug = 'tide-gauge-centenary';
    const pages: { name: string; path: string; who: 'publisher' | 'staff' | null }[] = [
      { name: '/api/health', path: '/api/health', who: null },
      { name: 'catalogue, visitor', path: '/articles', who: null },
      { name: 'article, visitor', path: `/articles/${slug}`, who: null },
      { name: 'catalogue, signed in', path: '/articles', who: 'publisher' },
      { name: 'article, signed in', path: `/articles/${slug}`, who: 'publisher' },
      { name: 'admin queue', path: '/admin/requests', who: 'staff' },
    ];
    console.log(
      `\nA: ${process.env.AB_A || '(defaults)'} · B: ${process.env.AB_B || '(defaults)'} · ${ROUNDS} rounds of ${SECONDS} s, ${CONNECTIONS} clients\n`,
    );
    console.log('| page | A CPU ms/req (rounds) | B CPU ms/req (rounds) | A median | B median | B ÷ A |');
    console.log('| --- | --- | --- | ---: | ---: | ---: |');
    for (const p of pages) {
      const cpu: number[][] = servers.map(() => []);
      for (let round = 0; round < ROUNDS; round++) {
        for (const [i, s] of servers.entries()) {
          const who = p.who && cookies[i]![p.who];
          const headers: Record<string, string> = who ? { cookie: who } : {};
          const target = { url: `${s.url}${p.path}`, headers };
          await load(target, { seconds: 1, connections: CONNECTIONS });
          const before = treeCpuMs(s.child.pid!);
          const r = await load(target, { seconds: SECONDS, connections: CONNECTIONS });
          if (r.errors) throw new Error(`${p.name} on ${variants[i]!.name}: ${r.errors} errors`);
          cpu[i]!.push((treeCpuMs(s.child.pid!) - before) / r.requests);
        }
      }
      const [a, b] = cpu.map(median) as [number, number];
      const fmt = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' · ');
      console.log(
        `| ${p.name} | ${fmt(cpu[0]!)} | ${fmt(cpu[1]!)} | ${a.toFixed(2)} | ${b.toFixed(2)} | ${(b / a).toFixed(2)} |`,
      );
    }
    clearInterval(sampler);
    console.log(
      `\nPeak resident memory: A ${(peaks[0]! / 2 ** 20).toFixed(0)} MB, B ${(peaks[1]! / 2 ** 20).toFixed(0)} MB`,
    );
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
