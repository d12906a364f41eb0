/** npm run import -- <file or folder> […]: RSS 2.0, Atom and JSON archives into the catalogue. */
import path from 'node:path';
import { dataDir, getDb } from '@/db/client';
import { runImport, type Progress } from '@/lib/catalogue/import/run';
import { optimizeSearchIndex } from '@/lib/catalogue/search';

async function main() {
  const targets = process.argv.slice(2).filter((a) => a !== '--');
  if (!targets.length) {
    console.error('Usage: npm run import -- <file or folder> [more files or folders]');
    console.error('Reads RSS 2.0 and Atom feeds (.xml, .rss, .atom) and JSON (.json; format in README.md).');
    process.exit(2);
  }
  const db = getDb();
  const tty = process.stderr.isTTY;
  let last = '';
  const onProgress = ({ file, done, total }: Progress) => {
    const line = `import: ${path.relative(process.cwd(), file) || file} ${done}/${total}`;
    // One rewritten line on a terminal; a line per file in logs.
    if (tty) process.stderr.write(`\r${line}\x1b[K`);
    else if (done === total && line !== last) process.stderr.write(`${line}\n`);
    last = line;
  };
  const summary = await runImport(targets, { db, onProgress });
  if (tty && last) process.stderr.write('\n');
  // A large import leaves the full-text index in many small segments; merge them once.
  if (summary.imported + summary.updated >= 1000) optimizeSearchIndex(db);

  console.log(
    `\nImported ${summary.imported} · updated ${summary.updated} · skipped ${summary.skipped.length} (from ${summary.files} file${summary.files === 1 ? '' : 's'} into ${dataDir()}/desk.db)`,
  );
  for (const s of summary.skipped) console.log(`  skipped ${s.file} ${s.place}: ${s.reason}`);
  for (const f of summary.failed) console.error(`  error ${f.message} — nothing imported from this file`);
  db.$client.close();
  process.exit(summary.failed.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
