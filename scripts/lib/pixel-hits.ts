/**
 * The bench's "1 M hits" step: synthetic pixel traffic through recordPixelHit (the function the
 * route calls) into a desk database file, in process, on a clock that runs over `days` days.
 * Readers are drawn from a large pool of addresses and a few browsers, a fifth of hits reload the
 * previous reader, and a few are bots or have no user agent. The hits go in transactions of a
 * few thousand (recordPixelHit's own transactions become savepoints): a bulk load, so the step is
 * about what a million hits leave behind, not about commit rates (the HTTP rows measure the route).
 */
import fs from 'node:fs';
import { openDatabase } from '@/db/client';
import { pixelCode, recordPixelHit, type HitOutcome } from '@/lib/licenses/pixel';
import { flushPixelTally } from '@/lib/licenses/pixel-store';

const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
];
const BOTS = ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'python-requests/2.32.3', ''];

/** A small deterministic generator, so runs compare. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const dbSize = (file: string) =>
  [file, `${file}-wal`].reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);

export async function loadPixelHits(
  dbFile: string,
  opts: { hits: number; hosts: number; days: number; maxSeconds: number },
) {
  // The synthetic readers' addresses ride in X-Forwarded-For, believed only where scripts/server.js
  // has set it from the socket (lib/auth/client-address.ts): say so, or every hit is one address.
  process.env.DESK_CLIENT_ADDRESS = 'server';
  const db = openDatabase(dbFile);
  // What the stopped server left in the WAL goes into the file first, so the growth is the hits'.
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  const sizeBefore = dbSize(dbFile);
  // Real codes only (the bulk history's synthetic codes are not pixel codes).
  const codes = (
    db.$client
      .prepare("select code from licenses where status = 'active' and code glob 'LIC-????-????-????' order by id")
      .all() as { code: string }[]
  )
    .map((r) => r.code)
    .filter((c) => pixelCode(c) === c)
    .slice(0, 50);
  if (!codes.length) throw new Error('The bench desk has no active licence for the pixel.');
  const random = rng(13);
  const span = opts.days * 86_400_000;
  const start = Date.now() - span;
  const outcomes: Record<HitOutcome, number> = { ignored: 0, bot: 0, rate: 0, repeat: 0, counted: 0, error: 0 };
  const t0 = performance.now();
  let previous: { address: string; ua: string } | null = null;
  let done = 0;
  const sqlite = db.$client;
  sqlite.exec('begin');
  for (; done < opts.hits; done++) {
    if (done % 5_000 === 0 && done > 0) {
      sqlite.exec('commit');
      if ((performance.now() - t0) / 1000 > opts.maxSeconds) break;
      sqlite.exec('begin');
    }
    const host = Math.floor(random() * opts.hosts);
    let reader: { address: string; ua: string };
    if (previous && random() < 0.2) reader = previous;
    else {
      const a = Math.floor(random() * 500_000);
      const bot = random() < 0.04;
      reader = {
        address: `10.${a >> 16}.${(a >> 8) & 255}.${a & 255}`,
        ua: bot ? BOTS[Math.floor(random() * BOTS.length)]! : BROWSERS[Math.floor(random() * BROWSERS.length)]!,
      };
    }
    previous = reader;
    const headers = new Headers({
      'x-forwarded-for': reader.address,
      'user-agent': reader.ua,
      referer: `https://site-${host}.example/story-${done % 97}`,
    });
    outcomes[
      await recordPixelHit(
        `${codes[host % codes.length]}.gif`,
        headers,
        db,
        new Date(start + (done / opts.hits) * span),
      )
    ]++;
    if ((done + 1) % Math.max(1, Math.round(opts.hits / 10)) === 0)
      process.stdout.write(
        `  loaded ${(done + 1).toLocaleString('en-GB')} hits (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`,
      );
  }
  if (sqlite.inTransaction) sqlite.exec('commit');
  flushPixelTally(db);
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
  return {
    loaded: done,
    seconds: (performance.now() - t0) / 1000,
    outcomes,
    licences: codes.length,
    sizeBefore,
    sizeAfter: dbSize(dbFile),
  };
}
