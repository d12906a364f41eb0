/** npm run seed:bulk -- 100000: adds that many synthetic articles to DATA_DIR/desk.db (load tests). */
import { dataDir, getDb } from '@/db/client';
import { seedBulk } from './demo/bulk-articles';
import { optimizeSearchIndex } from '@/lib/catalogue/search';
import { getSetting } from '@/lib/settings';

async function main() {
  const count = Number(process.argv[2] ?? '');
  if (!Number.isInteger(count) || count < 1 || count > 5_000_000) {
    console.error('Usage: npm run seed:bulk -- <number of articles, 1 to 5,000,000>');
    process.exit(2);
  }
  const db = getDb();
  const agencies = getSetting('agencies', db);
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let lastLine = 0;
  const { run } = seedBulk(db, count, {
    agencies,
    onProgress: (done, total) => {
      // A rewritten line on a terminal; an occasional plain line in logs.
      const now = Date.now();
      if (!tty && done < total && now - lastLine < 2000) return;
      lastLine = now;
      const rate = Math.round(done / Math.max(0.001, (now - started) / 1000));
      const line = `seed:bulk ${done.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')} (${Math.floor((done * 100) / total)}%) · ${rate.toLocaleString('en-GB')} articles/s`;
      process.stderr.write(tty ? `\r${line}` : `${line}\n`);
    },
  });
  if (tty) process.stderr.write('\n');
  process.stderr.write('seed:bulk optimising the search index and query statistics…\n');
  optimizeSearchIndex(db);
  // Fresh statistics let the query planner choose the right index at the new size.
  db.$client.exec('ANALYZE');
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `Added ${count.toLocaleString('en-GB')} synthetic articles (run ${run}) to ${dataDir()}/desk.db in ${secs} s.`,
  );
  db.$client.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
