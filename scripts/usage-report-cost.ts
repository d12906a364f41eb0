/**
 * What the usage page's data costs as pixel history grows, in process, without a server:
 * `npx tsx scripts/usage-report-cost.ts [hits=100000] [hosts=1000] [days=30]`.
 * Seeds a demo desk in a temporary DATA_DIR, times usageReport (CPU per call) on it, loads the
 * hits through recordPixelHit exactly as the bench's "1 M hits" step does (scripts/lib/pixel-hits.ts),
 * then prints the usage tables' sizes, the query plan of every statement the page runs, and the
 * cost again. A tenth of the bench's million is enough to reach its shape: the page reads the
 * counts per licence × host (one row per host, 1,000 either way) and per licence × host × day
 * (filled once every host has been read on every day), and the raw hit sample is capped per
 * licence and day; only the counters grow further.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '@/db/client';
import { usageReport } from '@/lib/licenses/usage';
import { loadPixelHits } from './lib/pixel-hits';

const [hits = 100_000, hosts = 1_000, days = 30] = process.argv.slice(2).map(Number);

/** CPU ms per call (user + system), over `n` calls after one untimed call. */
function cpuPerCall(fn: () => void, n = 300): number {
  fn();
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / n;
}

function report(db: Db, label: string) {
  const views = { 'page 1': {}, 'page 10': { page: 10 }, 'flagged only': { flaggedOnly: true } };
  for (const [name, opts] of Object.entries(views))
    console.log(`  ${label}, ${name}: ${cpuPerCall(() => usageReport(opts, db)).toFixed(2)} ms CPU per usageReport`);
}

function plans(db: Db) {
  const sqlite = db.$client;
  const prepare = sqlite.prepare.bind(sqlite);
  const statements: string[] = [];
  sqlite.prepare = ((source: string) => (statements.push(source), prepare(source))) as typeof sqlite.prepare;
  try {
    usageReport({}, db);
  } finally {
    sqlite.prepare = prepare;
  }
  for (const source of statements) {
    const params = Array<number>((source.match(/\?/g) ?? []).length).fill(1);
    // The page size for the LIMIT (the placeholders before it are the WHERE's), 1 for the rest.
    const limit = source.indexOf(' limit ?');
    if (limit >= 0) params[(source.slice(0, limit).match(/\?/g) ?? []).length] = 25;
    const st = prepare(source);
    console.log(`\n  ${source}`);
    for (const p of prepare(`explain query plan ${source}`).all(...params) as { detail: string }[])
      console.log(`    ${p.detail}`);
    console.log(`    ${cpuPerCall(() => st.all(...params), 1000).toFixed(3)} ms CPU per run`);
  }
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-usage-'));
  try {
    execFileSync(path.join(__dirname, '../node_modules/.bin/tsx'), [path.join(__dirname, 'prepare-data.ts')], {
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: 'ignore',
    });
    const file = path.join(dataDir, 'desk.db');
    let db = openDatabase(file);
    console.log('Empty desk:');
    report(db, 'empty');
    db.$client.close();
    console.log(
      `\nLoading ${hits.toLocaleString('en-GB')} hits (${hosts} hosts, ${days} days) through recordPixelHit…`,
    );
    const loaded = await loadPixelHits(file, { hits, hosts, days, maxSeconds: 3_600 });
    console.log(`  ${JSON.stringify(loaded.outcomes)}`);
    db = openDatabase(file);
    for (const t of ['usage_hosts', 'usage_daily', 'usage_hit_totals', 'usage_readers', 'pixel_hits'])
      console.log(`  ${t}: ${(db.$client.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n} rows`);
    console.log('\nAfter the hits:');
    report(db, 'after');
    console.log('\nThe statements of usageReport:');
    plans(db);
    db.$client.close();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
