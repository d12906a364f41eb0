/** npm run seed:bulk-requests -- 200000: synthetic request history (load tests). */
import { dataDir, getDb } from '@/db/client';
import { seedBulkRequests } from './demo/bulk-requests';

async function main() {
  const count = Number(process.argv[2] ?? '');
  if (!Number.isInteger(count) || count < 1 || count > 5_000_000) {
    console.error('Usage: npm run seed:bulk-requests -- <number of requests, 1 to 5,000,000>');
    process.exit(2);
  }
  const db = getDb();
  const started = Date.now();
  await seedBulkRequests(db, count, (done, total) => {
    process.stderr.write(
      `\rseed:bulk-requests ${done.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')} (${Math.floor((done * 100) / total)}%)`,
    );
  });
  process.stderr.write('\n');
  console.log(
    `Added ${count.toLocaleString('en-GB')} synthetic requests to ${dataDir()}/desk.db in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  db.$client.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
