import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A publisher's feed on 127.0.0.1 (random port) for the feed poller's tests: serves an RSS 2.0
 * feed of `items` with an ETag and Last-Modified, answers a matching conditional GET with 304,
 * and records every request. `override` replaces the answer (malformed text, errors, redirects…).
 */
export type FeedItem = { slug: string; title: string; body?: string; date?: string };

export type FeedServer = {
  url: string;
  origin: string;
  items: FeedItem[];
  requests: http.IncomingHttpHeaders[];
  /** Full (200) answers given. */
  fullAnswers: number;
  override: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | null;
  close: () => Promise<void>;
};

export const itemUrl = (slug: string) => `https://harbourledger.example/news/${slug}`;

export function rss(items: FeedItem[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>The Harbour Ledger</title><link>https://harbourledger.example/</link><description>Latest</description>
${items
  .map(
    (
      i,
    ) => `<item><title>${esc(i.title)}</title><link>${itemUrl(i.slug)}</link><pubDate>${new Date(i.date ?? '2026-11-30T09:00:00Z').toUTCString()}</pubDate>
<description>${esc(i.body ?? `<p>${i.title}: the full story from Port Aldery.</p>`)}</description></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

export async function startFeedServer(items: FeedItem[] = []): Promise<FeedServer> {
  const state = { items, requests: [], fullAnswers: 0, override: null } as unknown as FeedServer;
  const server = http.createServer((req, res) => {
    state.requests.push(req.headers);
    if (state.override) return state.override(req, res);
    const body = rss(state.items);
    const etag = `"${crypto.createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      return res.end();
    }
    state.fullAnswers += 1;
    res.writeHead(200, {
      'content-type': 'application/rss+xml; charset=utf-8',
      etag,
      'last-modified': new Date('2026-11-30T10:00:00Z').toUTCString(),
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.origin = `http://127.0.0.1:${port}`;
  state.url = `${state.origin}/feed.xml`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
