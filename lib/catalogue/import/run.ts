import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, ne } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { articles } from '@/db/schema';
import { getSetting } from '@/lib/settings';
import { upsertArticle } from '../write';
import { parseJsonFile } from './json';
import { normalizeItem } from './normalize';
import { ImportFileError, type RawItem } from './types';
import { parseFeed } from './xml';

export const IMPORT_EXTENSIONS = ['.xml', '.rss', '.atom', '.json'];

export type Skip = { file: string; place: string; reason: string };
export type ImportSummary = {
  imported: number;
  updated: number;
  skipped: Skip[];
  failed: ImportFileError[];
  files: number;
};
export type Progress = { file: string; done: number; total: number };

/** Files to import from the given files and folders (folders: every feed or JSON file inside, sorted). */
export function importFiles(targets: string[]): string[] {
  return targets.flatMap((target) => {
    const stat = fs.statSync(target, { throwIfNoEntry: false });
    if (!stat) throw new ImportFileError(target, '', 'No such file or folder.');
    if (!stat.isDirectory()) return [target];
    return fs
      .readdirSync(target, { recursive: true, encoding: 'utf8' })
      .filter((name) => IMPORT_EXTENSIONS.includes(path.extname(name).toLowerCase()))
      .sort()
      .map((name) => path.join(target, name));
  });
}

/** Reads a file into raw items; a file that cannot be read as a whole throws ImportFileError. */
export function readItems(file: string): RawItem[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ImportFileError(
      file,
      '',
      `Cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
    );
  }
  return parseItems(text, file, path.extname(file).toLowerCase() === '.json');
}

/**
 * Raw items of a feed or JSON text (a file, or a feed fetched by lib/feeds); `source` names it in
 * messages. JSON when told so or when the text looks like JSON, else RSS 2.0 or Atom.
 */
export function parseItems(text: string, source: string, json = false): RawItem[] {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (json || trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJsonFile(text, source);
  return parseFeed(text, source);
}

/**
 * Imports every file, each in its own transaction: a file that fails (unreadable, malformed, or an
 * article that cannot be stored) imports nothing and is reported with the place. Articles are
 * matched by canonical URL, so running the same import again updates and never duplicates.
 */
export async function runImport(
  targets: string[],
  opts: { db?: Db; onProgress?: (p: Progress) => void } = {},
): Promise<ImportSummary> {
  const db = opts.db ?? getDb();
  const agencies = getSetting('agencies', db);
  const summary: ImportSummary = { imported: 0, updated: 0, skipped: [], failed: [], files: 0 };
  let files: string[];
  try {
    files = importFiles(targets);
  } catch (e) {
    if (e instanceof ImportFileError) return { ...summary, failed: [e] };
    throw e;
  }
  for (const file of files) {
    summary.files += 1;
    try {
      const items = readItems(file);
      const result = importItems(db, file, items, agencies, (done) =>
        opts.onProgress?.({ file, done, total: items.length }),
      );
      summary.imported += result.imported;
      summary.updated += result.updated;
      summary.skipped.push(...result.skipped);
    } catch (e) {
      if (!(e instanceof ImportFileError)) throw e;
      summary.failed.push(e);
    }
  }
  return summary;
}

/**
 * Stores the items of one file or feed in one transaction; an article that cannot be stored rolls
 * them all back (ImportFileError). Items the rules refuse are skipped with the reason.
 */
export function importItems(
  db: Db,
  file: string,
  items: RawItem[],
  agencies: string[],
  progress: (done: number) => void = () => {},
) {
  const result = { imported: 0, updated: 0, skipped: [] as Skip[] };
  const seen = new Map<string, string>();
  db.transaction((tx) => {
    items.forEach((item, i) => {
      const n = normalizeItem(item, agencies);
      if (!n.ok) {
        result.skipped.push({ file, place: item.place, reason: n.reason });
      } else if (seen.has(n.input.canonicalUrl)) {
        result.skipped.push({ file, place: item.place, reason: `same link as ${seen.get(n.input.canonicalUrl)}` });
      } else {
        seen.set(n.input.canonicalUrl, item.place);
        try {
          const { created } = upsertArticle(
            tx,
            { ...n.input, slug: uniqueSlug(tx, n.input.slug, n.input.canonicalUrl) },
            agencies,
          );
          if (created) result.imported += 1;
          else result.updated += 1;
        } catch (e) {
          // Rolls the whole file back: a half-imported file is harder to reason about than none.
          throw new ImportFileError(file, item.place, `Could not store the article: ${(e as Error).message}`);
        }
      }
      if ((i + 1) % 25 === 0 || i + 1 === items.length) progress(i + 1);
    });
  });
  return result;
}

/** The slug, or slug-2, slug-3 … if another article (another canonical URL) has it. */
function uniqueSlug(tx: Pick<Db, 'select'>, slug: string, canonicalUrl: string): string {
  const taken = (s: string) =>
    !!tx
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.slug, s), ne(articles.canonicalUrl, canonicalUrl)))
      .get();
  if (!taken(slug)) return slug;
  for (let n = 2; ; n += 1) if (!taken(`${slug}-${n}`)) return `${slug}-${n}`;
}
