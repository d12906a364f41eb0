/**
 * npm run db:backup [-- --out FILE]: an online, consistent copy of the live database (SQLite's
 * backup API through better-sqlite3), safe while the server runs. Restore: stop the server and
 * copy the file to DATA_DIR/desk.db (removing desk.db-wal and desk.db-shm).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { dataDir } from '@/db/client';

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const source = path.join(dataDir(), 'desk.db');
  if (!fs.existsSync(source)) {
    console.error(`No database at ${source}.`);
    process.exit(1);
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = path.resolve(values.out ?? path.join(dataDir(), 'backups', `desk-${stamp}.db`));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  await db.backup(out, {
    progress({ totalPages, remainingPages }) {
      process.stdout.write(
        `\rBacking up… ${Math.round(((totalPages - remainingPages) / Math.max(totalPages, 1)) * 100)}%`,
      );
      return 200;
    },
  });
  db.close();
  const check = new Database(out, { readonly: true });
  const integrity = check.pragma('integrity_check', { simple: true });
  check.close();
  process.stdout.write('\rBacking up… 100%\n');
  if (integrity !== 'ok') {
    console.error(`Backup written to ${out} but integrity_check says: ${String(integrity)}`);
    process.exit(1);
  }
  console.log(`Backup written to ${out} (integrity ok, ${(fs.statSync(out).size / 1024).toFixed(0)} KiB).`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
