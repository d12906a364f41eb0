/** The bench's desk: the build, the temporary DATA_DIR's data, and a few facts read from its database. */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DEMO_PASSWORD } from '../lib/server';

export const ROOT = path.resolve(__dirname, '..', '..');

/** Runs a tsx script (the seeds) against the bench's DATA_DIR. */
export const tsx = (script: string, args: string[], dataDir: string) =>
  execFileSync(path.join(ROOT, 'node_modules/.bin/tsx'), [script, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, DEMO_PASSWORD },
    stdio: ['ignore', 'inherit', 'inherit'],
  });

/** Builds into NEXT_DIST_DIR (default .next) when there is no production build there. */
export async function ensureBuild() {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (fs.existsSync(path.join(ROOT, distDir, 'BUILD_ID'))) return;
  console.log('No production build: running next build…');
  const res = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  await new Promise<void>((resolve, reject) =>
    res.on('exit', (c) => (c === 0 ? resolve() : reject(new Error(`next build exited ${c}`)))),
  );
}

function read<T>(dataDir: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, 'desk.db'), { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** The article every article row asks for: licensable, so its page shows the whole calculator. */
export const benchArticle = (dataDir: string) =>
  read(
    dataDir,
    (db) =>
      db
        .prepare(
          "select slug, canonical_url as canonical from articles where rights_status = 'owned' and embargo_until is null order by id limit 1",
        )
        .get() as { slug: string; canonical: string },
  );

export function licenseCode(dataDir: string): string {
  const row = read(
    dataDir,
    (db) =>
      db.prepare("select code from licenses where status = 'active' order by id limit 1").get() as
        { code: string } | undefined,
  );
  if (!row) throw new Error('The bench desk has no active licence for the pixel.');
  return row.code;
}

export const submissionSlugs = (dataDir: string): string[] =>
  read(dataDir, (db) =>
    (
      db
        .prepare(
          "select slug from articles where rights_status = 'owned' and embargo_until is null and hidden = 0 order by id limit 2",
        )
        .all() as { slug: string }[]
    ).map((r) => r.slug),
  );

export const storedReferences = (dataDir: string, publicationName: string): Set<string> =>
  read(
    dataDir,
    (db) =>
      new Set(
        (
          db.prepare('select reference from license_requests where publication_name = ?').all(publicationName) as {
            reference: string;
          }[]
        ).map((r) => r.reference),
      ),
  );
