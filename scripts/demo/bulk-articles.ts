import { randomBytes } from 'node:crypto';
import type { Db } from '@/db/client';
import { articleAuthors, articles, articleTags, assets, type NewArticle, type RightsStatus } from '@/db/schema';
import { DEFAULT_AGENCIES } from '@/lib/settings';
import { creditNamesAgency } from '@/lib/catalogue/agencies';

// Synthetic archive for load tests: plausible local-news text from a fixed vocabulary, so search
// has common words ("harbour" is in most articles) and rare ones, like a real archive.
const SECTIONS = ['Politics', 'Environment', 'Business', 'Science', 'Culture', 'Health', 'Sport'];
const TAGS = [
  'council',
  'budget',
  'flooding',
  'transport',
  'ferries',
  'housing',
  'schools',
  'wildlife',
  'water-quality',
  'fishing',
  'shipyard',
  'tourism',
  'festival',
  'music',
  'books',
  'film',
  'hospital',
  'care',
  'swimming',
  'weather',
  'planning',
  'election',
  'courts',
  'police',
  'heritage',
  'energy',
  'climate',
  'jobs',
  'retail',
  'volunteers',
];
const FIRST = [
  'Ana',
  'Tom',
  'Ines',
  'Callum',
  'Hannah',
  'Priya',
  'Ewan',
  'Mira',
  'Sol',
  'Nia',
  'Jonah',
  'Ruth',
  'Kofi',
  'Lena',
  'Oskar',
  'Zara',
  'Dev',
  'Maeve',
  'Iris',
  'Bram',
];
const LAST = [
  'Ruiz',
  'Kell',
  'Varga',
  'Dunmore',
  'Okafor',
  'Castellane',
  'Kilbride',
  'Santos',
  'Marsh',
  'Teague',
  'Moreby',
  'Pascoe',
  'Achterberg',
  'Lindqvist',
  'Faraday',
];
// Words are drawn roughly as in real prose: function words everywhere, topical words on a skewed
// (Zipf-like) curve, and a long tail of invented names. "harbour" ends up in about half the articles.
const FUNCTION_WORDS =
  'the of and a to in is was for on that with said it at by from as be has have were their but this which will are an its after more'.split(
    ' ',
  );
const TOPICAL = (
  'council harbour city people year ferry plan water school week local new month residents public old money work ' +
  'quay tide dock market boat crew fleet library budget vote ward street bridge river lake cliff beach storm ' +
  'flood wall road rail bus station museum gallery theatre choir festival lantern mural hospital clinic nurse ' +
  'doctor patient care home swimmer survey report study scientist data record shipyard order contract worker ' +
  'union wage price rent shop bakery cafe trader tourist season visitor hotel mayor councillor candidate ' +
  'campaign election debate committee inquiry court judge police officer neighbour family child parent teacher ' +
  'pupil student volunteer charity trust fund grant project scheme pilot summer winter spring autumn morning ' +
  'evening night decade century history heritage archive north south east west small large quiet busy early ' +
  'late national private open closed seagrass erosion tidal gauge lighthouse pier slipway trawler catch quota ' +
  'harbourmaster marina promenade estuary saltmarsh shingle breakwater ferryman lifeboat coastguard regatta'
).split(' ');
const VERBS = [
  'opens',
  'closes',
  'wins',
  'loses',
  'backs',
  'rejects',
  'plans',
  'delays',
  'reviews',
  'expands',
  'cuts',
  'saves',
];
const SYLLABLES = [
  'tre',
  'van',
  'ion',
  'pol',
  'wen',
  'mor',
  'gan',
  'lis',
  'kar',
  'ros',
  'del',
  'fen',
  'ash',
  'by',
  'wick',
  'ham',
  'ton',
  'ley',
  'dun',
  'mere',
];

/** Invented names for the long tail of the vocabulary (places, people, firms). */
function tailWords(r: Rand, n: number): string[] {
  return Array.from({ length: n }, () =>
    cap(Array.from({ length: 2 + Math.floor(r() * 2) }, () => pick(r, SYLLABLES)).join('')),
  );
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same archive. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function word(r: Rand, tail: string[]): string {
  const x = r();
  if (x < 0.45) return pick(r, FUNCTION_WORDS);
  if (x < 0.92) return TOPICAL[Math.floor(TOPICAL.length * r() * r())]!;
  return pick(r, tail);
}

function sentence(r: Rand, tail: string[]): string {
  const n = 8 + Math.floor(r() * 12);
  return `${cap(Array.from({ length: n }, () => word(r, tail)).join(' '))}.`;
}

function paragraph(r: Rand, tail: string[]): string {
  return Array.from({ length: 2 + Math.floor(r() * 3) }, () => sentence(r, tail)).join(' ');
}

function rights(r: Rand): RightsStatus {
  const x = r();
  return x < 0.9 ? 'owned' : x < 0.97 ? 'contributor' : 'syndicated_in';
}

export type BulkOptions = {
  seed?: number;
  batchSize?: number;
  agencies?: string[];
  onProgress?: (done: number, total: number) => void;
};

/**
 * Adds `count` synthetic articles (with authors, tags and some assets) in batched transactions.
 * Published dates rise with insertion order over the ten years before now, as in a real archive.
 * Bodies are generated as safe HTML, so they skip the sanitizer (which would dominate the run).
 */
export function seedBulk(db: Db, count: number, opts: BulkOptions = {}): { inserted: number; run: string } {
  const r = prng(opts.seed ?? Date.now());
  const run = randomBytes(4).toString('hex');
  const batchSize = opts.batchSize ?? 500;
  const agencies = opts.agencies ?? DEFAULT_AGENCIES;
  const tail = tailWords(r, 5000);
  const end = Date.now() - 86_400_000;
  const span = 10 * 365 * 86_400_000;
  let done = 0;
  while (done < count) {
    const n = Math.min(batchSize, count - done);
    db.transaction((tx) => {
      const rows: NewArticle[] = [];
      const extras: { authors: string[]; tags: string[]; agency: boolean | null }[] = [];
      for (let i = 0; i < n; i += 1) {
        const k = done + i;
        const paragraphs = Array.from({ length: 3 + Math.floor(r() * 4) }, () => paragraph(r, tail));
        const bodyText = paragraphs.join('\n\n');
        const title = `${cap(word(r, tail))} ${pick(r, TOPICAL)} ${pick(r, VERBS)} ${pick(r, TOPICAL)} ${word(r, tail)}`;
        const slug = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${run}-${k}`;
        const authors = [`${pick(r, FIRST)} ${pick(r, LAST)}`];
        if (r() < 0.15) authors.push(`${pick(r, FIRST)} ${pick(r, LAST)}`);
        const date = new Date(end - span + Math.floor((span * (k + r())) / count)).toISOString();
        rows.push({
          slug,
          title,
          standfirst: sentence(r, tail),
          body: paragraphs.map((p) => `<p>${p}</p>`).join('\n'),
          bodyText,
          byline: [...new Set(authors)].join(' and '),
          section: pick(r, SECTIONS),
          publishedAt: date,
          updatedAt: date,
          canonicalUrl: `https://harbourledger.example/archive/${slug}`,
          wordCount: bodyText.split(/\s+/).length,
          premiumMilli: r() < 0.1 ? 1500 : 1000,
          rightsStatus: rights(r),
        });
        const tags = [...new Set([pick(r, TAGS), pick(r, TAGS)])];
        extras.push({ authors: [...new Set(authors)], tags, agency: r() < 0.5 ? r() < 0.2 : null });
      }
      const ids = tx.insert(articles).values(rows).returning({ id: articles.id }).all();
      const authorRows = ids.flatMap(({ id }, i) => extras[i]!.authors.map((author) => ({ articleId: id, author })));
      const tagRows = ids.flatMap(({ id }, i) => extras[i]!.tags.map((tag) => ({ articleId: id, tag })));
      const assetRows = ids.flatMap(({ id }, i) => {
        const agency = extras[i]!.agency;
        if (agency === null) return [];
        const credit = agency ? 'AFP photo' : 'Photo: Staff photographer / The Harbour Ledger';
        return [
          {
            articleId: id,
            url: '/demo/promenade.svg',
            caption: 'Illustration.',
            credit,
            rightsHolder: agency ? 'AFP' : 'The Harbour Ledger',
            licensable: !creditNamesAgency(credit, agencies),
          },
        ];
      });
      tx.insert(articleAuthors).values(authorRows).run();
      tx.insert(articleTags).values(tagRows).run();
      if (assetRows.length) tx.insert(assets).values(assetRows).run();
    });
    done += n;
    opts.onProgress?.(done, count);
  }
  return { inserted: done, run };
}
