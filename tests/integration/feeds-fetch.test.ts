import dns from 'node:dns';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchFeed, FeedFetchError } from '@/lib/feeds/fetch';
import { startFeedServer, type FeedServer } from '../helpers/feed-server';

// The poller's HTTP side against a real local server: refusal of private targets (literals, names,
// names that change their answer), conditional GET, redirects, timeout and size limit.

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer([{ slug: 'one', title: 'One' }]);
});
afterAll(() => server.close());
afterEach(() => {
  server.override = null;
  server.requests.length = 0;
  vi.restoreAllMocks();
});

const port = () => new URL(server.origin).port;
const refused = async (url: string, pattern: RegExp) => {
  await expect(fetchFeed(url)).rejects.toThrow(pattern);
  await expect(fetchFeed(url)).rejects.toBeInstanceOf(FeedFetchError);
};

describe('fetching a feed: private targets are refused unless the admin allows them', () => {
  it('refuses loopback literals in every spelling, without connecting', async () => {
    for (const host of [
      '127.0.0.1',
      '127.1',
      '2130706433',
      '0x7f000001',
      '[::1]',
      '[::ffff:127.0.0.1]',
      '[::ffff:7f00:1]',
      '0.0.0.0',
    ]) {
      await refused(`http://${host}:${port()}/feed.xml`, /does not fetch from/);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a host name that resolves to a loopback address (localhost)', async () => {
    await refused(`http://localhost:${port()}/feed.xml`, /localhost resolves to .* \(loopback\)/);
    expect(server.requests).toHaveLength(0);
  });

  it('checks the address the connection uses: a name that answers public first and private at connect time is refused', async () => {
    // DNS rebinding: the first answer (e.g. at registration) is public, the next one private.
    const answers = ['93.184.215.14', '127.0.0.1'];
    const real = dns.lookup;
    vi.spyOn(dns, 'lookup').mockImplementation(((host: string, opts: unknown, cb: (...a: unknown[]) => void) => {
      if (host !== 'feeds.rebind.example') return (real as (...a: unknown[]) => void)(host, opts, cb);
      const address = answers.shift() ?? '127.0.0.1';
      cb(null, [{ address, family: 4 }]);
    }) as unknown as typeof dns.lookup);
    dns.lookup('feeds.rebind.example', { all: true }, () => {}); // the first, public answer is used up
    await expect(fetchFeed(`http://feeds.rebind.example:${port()}/feed.xml`)).rejects.toThrow(
      /resolves to 127\.0\.0\.1 \(loopback\)/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('refuses names resolving to private, link-local, unique-local and IPv4-mapped addresses', async () => {
    const table: Record<string, string> = {
      'a.example': '10.1.2.3',
      'b.example': '172.20.0.5',
      'c.example': '192.168.1.10',
      'd.example': '169.254.169.254',
      'e.example': 'fd00::5',
      'f.example': '::ffff:10.0.0.1',
      'g.example': '::1',
    };
    vi.spyOn(dns, 'lookup').mockImplementation(((host: string, _opts: unknown, cb: (...a: unknown[]) => void) => {
      const address = table[host]!;
      cb(null, [{ address, family: address.includes(':') ? 6 : 4 }]);
    }) as unknown as typeof dns.lookup);
    for (const [host, address] of Object.entries(table)) {
      await expect(fetchFeed(`http://${host}/feed.xml`)).rejects.toThrow(`resolves to ${address}`);
    }
  });

  it('refuses other schemes and credentials', async () => {
    await refused('file:///etc/passwd', /Only http and https/);
    await refused('ftp://example.com/feed.xml', /Only http and https/);
    await refused('http://user:secret@example.com/feed.xml', /user name or password/);
  });

  it('with private targets allowed, fetches, and honours the ETag with a 304', async () => {
    const first = await fetchFeed(server.url, { allowPrivate: true });
    expect(first).toMatchObject({ kind: 'fetched', status: 200 });
    if (first.kind !== 'fetched') throw new Error('unreachable');
    expect(first.body).toContain('<rss');
    expect(first.etag).toMatch(/^"/);
    const second = await fetchFeed(server.url, {
      allowPrivate: true,
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(second).toEqual({ kind: 'unchanged', status: 304, url: server.url });
    expect(server.requests[1]).toMatchObject({ 'if-none-match': first.etag, 'if-modified-since': first.lastModified });
  });

  it('follows redirects, and checks each target', async () => {
    server.override = (req, res) => {
      if (req.url === '/old') return res.writeHead(301, { location: '/feed.xml' }).end();
      if (req.url === '/away') return res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss/>');
    };
    await expect(fetchFeed(`${server.origin}/old`, { allowPrivate: true })).resolves.toMatchObject({
      kind: 'fetched',
      url: server.url,
      body: '<rss/>',
    });
    await expect(fetchFeed(`${server.origin}/away`, { allowPrivate: true })).rejects.toThrow(
      /Redirected to file:.*Only http and https/,
    );
    await expect(fetchFeed(`${server.origin}/loop`, { allowPrivate: true })).rejects.toThrow(/More than 5 redirects/);
  });

  it('gives up after the timeout', async () => {
    server.override = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss>'); // and never ends
    };
    const started = Date.now();
    await expect(fetchFeed(server.url, { allowPrivate: true, timeoutMs: 300 })).rejects.toThrow(
      /No complete answer within/,
    );
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('stops past the size limit, also after decompression (a gzip bomb)', async () => {
    server.override = (req, res) => {
      if (req.url === '/gz')
        return res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync(Buffer.alloc(5_000_000, 32)));
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('x'.repeat(5000));
    };
    await expect(fetchFeed(server.url, { allowPrivate: true, maxBytes: 1000 })).rejects.toThrow(/larger than 1 KB/);
    await expect(fetchFeed(`${server.origin}/gz`, { allowPrivate: true, maxBytes: 100_000 })).rejects.toThrow(
      /larger than 98 KB/,
    );
  });

  it('reports HTTP errors with their status', async () => {
    server.override = (_req, res) => res.writeHead(503).end('busy');
    const e = await fetchFeed(server.url, { allowPrivate: true }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FeedFetchError);
    expect(e).toMatchObject({ status: 503, message: expect.stringMatching(/^HTTP 503/) });
  });
});
