/**
 * The catalogue-licence rows of the bench (issue 18), standalone until the lead folds them into
 * `npm run bench`:
 *
 *   DATA_DIR=<desk> npx tsx scripts/bench-catalogue.ts [--url http://127.0.0.1:3000] [--items 10000]
 *
 * 1. a 10,000-article export through the real route handler over HTTP (items/s): a catalogue licence
 *    of that many articles and a fresh token are written into DATA_DIR, then the pages are fetched by
 *    their Link headers, 1,000 items a page, as a licensee's crawler would;
 * 2. a selection quote on the desk (p95 ms over varied selections).
 * Without --url it starts the production server on DATA_DIR itself (needs `next build`). The desk
 * needs at least --items licensable articles (npm run seed:bulk -- 100000 makes the large desk).
 * `benchCatalogue()` is exported for scripts/bench.ts.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { articles, requestArticles, type CatalogueSelection } from '@/db/schema';
import { createToken } from '@/lib/api/tokens';
import { toPublicUser } from '@/lib/auth/users';
import { priceSelection } from '@/lib/catalogue-licences/price';
import { catalogueSelectionSchema } from '@/lib/catalogue-licences/selection';
import { currentRateCard } from '@/lib/rate-card';
import { getSettings } from '@/lib/settings';
import { makeCatalogueLicense } from '../tests/helpers/catalogue-licences';
import { makeOrg, makeUser } from '../tests/helpers/factories';
import { startServer, type RunningServer } from './lib/server';

export type CatalogueBench = {
  exportItems: number;
  exportSeconds: number;
  exportItemsPerSecond: number;
  exportPages: number;
  quoteRuns: number;
  quoteP95Ms: number;
  quoteP50Ms: number;
};

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** A catalogue licence over exactly `items` articles (the oldest of the desk), and a token of its organisation. */
function prepareExport(db: Db, items: number): { code: string; token: string } {
  const org = makeOrg(db, { type: 'ai_developer', name: `Bench AI ${Date.now()}` });
  const owner = toPublicUser(makeUser(db, { organizationId: org.id }));
  const license = makeCatalogueLicense(db, {
    organizationId: org.id,
    requesterId: owner.id,
    selection: {},
    use: 'ai-train',
    issuedAt: new Date(Date.now() - 60_000),
  });
  const frozen = db
    .select({ id: requestArticles.articleId })
    .from(requestArticles)
    .where(eq(requestArticles.requestId, license.requestId))
    .all();
  if (frozen.length < items)
    throw new Error(`The desk has ${frozen.length} licensable articles, fewer than ${items}: npm run seed:bulk first.`);
  // Keep exactly `items` of them (by id, the export's order).
  const drop = frozen
    .map((r) => r.id)
    .sort((a, b) => a - b)
    .slice(items);
  for (let i = 0; i < drop.length; i += 5_000)
    db.delete(requestArticles)
      .where(
        sql`${requestArticles.requestId} = ${license.requestId} and ${inArray(requestArticles.articleId, drop.slice(i, i + 5_000))}`,
      )
      .run();
  const token = createToken({ name: 'Bench crawler', scope: 'read' }, owner, db).token;
  return { code: license.code, token };
}

async function measureExport(url: string, code: string, token: string) {
  let next: string | null = `${url}/api/licenses/${code}/export?limit=1000`;
  let items = 0;
  let pages = 0;
  const started = performance.now();
  while (next) {
    const res: Response = await fetch(next, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`export page ${pages + 1}: ${res.status} ${await res.text()}`);
    const text = await res.text();
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) items += 1;
    pages += 1;
    const link = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
    // The Link names the server's configured address; follow its path on the server measured.
    next = link ? `${url}${new URL(link).pathname}${new URL(link).search}` : null;
  }
  const seconds = (performance.now() - started) / 1000;
  return { items, pages, seconds };
}

/** Varied selections a buyer would build: sections, a tag, date ranges, ongoing or not. */
function selections(db: Db): CatalogueSelection[] {
  const sections = db
    .selectDistinct({ s: articles.section })
    .from(articles)
    .all()
    .map((r) => r.s);
  const tags = db
    .all<{ tag: string }>(sql`select tag from article_tags group by tag order by count(*) desc limit 5`)
    .map((r) => r.tag);
  const years = ['2022', '2023', '2024', '2025', '2026'];
  const out: CatalogueSelection[] = [catalogueSelectionSchema.parse({})];
  for (let i = 0; i < 40; i += 1)
    out.push(
      catalogueSelectionSchema.parse({
        sections: sections.filter((_, j) => (i + j) % 3 === 0),
        tags: i % 4 === 0 && tags.length ? [tags[i % tags.length]] : [],
        from: i % 2 ? `${years[i % years.length]}-01-01` : null,
        to: i % 5 === 0 ? '2026-12-31' : null,
        ongoing: i % 3 === 0,
      }),
    );
  return out;
}

/** The quote of a selection as the form's live price makes it: the counts, then the tier arithmetic. */
function measureQuote(db: Db) {
  const ai = getSettings(db).ai;
  const card = currentRateCard(db).card;
  const times: number[] = [];
  const all = selections(db);
  for (let round = 0; round < 3; round += 1)
    for (const selection of all) {
      const t = performance.now();
      priceSelection(
        db,
        { selection, use: 'ai-train', territory: 'worldwide', territoryDetail: '', duration: '1y' },
        'ai_developer',
        card,
        ai,
        new Date(),
      );
      times.push(performance.now() - t);
    }
  return { runs: times.length, p95: percentile(times, 95), p50: percentile(times, 50) };
}

export async function benchCatalogue(opts: { url?: string; items?: number; db?: Db } = {}): Promise<CatalogueBench> {
  const db = opts.db ?? getDb();
  const items = opts.items ?? 10_000;
  const quote = measureQuote(db);
  const { code, token } = prepareExport(db, items);
  let server: RunningServer | undefined;
  try {
    if (!opts.url) server = await startServer({ dataDir: process.env.DATA_DIR });
    const exp = await measureExport(opts.url ?? server!.url, code, token);
    if (exp.items !== items) throw new Error(`exported ${exp.items} items, expected ${items}`);
    return {
      exportItems: exp.items,
      exportSeconds: exp.seconds,
      exportItemsPerSecond: exp.items / exp.seconds,
      exportPages: exp.pages,
      quoteRuns: quote.runs,
      quoteP95Ms: quote.p95,
      quoteP50Ms: quote.p50,
    };
  } finally {
    await server?.stop();
  }
}

async function main() {
  const { values } = parseArgs({ options: { url: { type: 'string' }, items: { type: 'string', default: '10000' } } });
  if (!process.env.DATA_DIR) throw new Error('Set DATA_DIR to the desk to measure.');
  const r = await benchCatalogue({ url: values.url, items: Number(values.items) });
  console.log('| catalogue licences | value |');
  console.log('| --- | --- |');
  console.log(
    `| export of ${r.exportItems.toLocaleString('en-GB')} articles (${r.exportPages} pages) | ${r.exportItemsPerSecond.toFixed(0)} items/s (${r.exportSeconds.toFixed(2)} s) |`,
  );
  console.log(
    `| selection quote, ${r.quoteRuns} runs | p95 ${r.quoteP95Ms.toFixed(1)} ms · p50 ${r.quoteP50Ms.toFixed(1)} ms |`,
  );
  console.log(JSON.stringify(r));
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
