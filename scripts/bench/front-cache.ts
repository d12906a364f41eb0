/**
 * The front cache (deploy/nginx.conf) in front of the bench's server, when nginx is installed,
 * with the visitor article page as a static file beside it: the rows "article via
 * nginx" and "static file via nginx" compare the two in the same run (issue 20's item 5).
 */
import { gzipSync } from 'node:zlib';
import { findNginx, startNginx, writeStatic } from '../lib/nginx';
import type { RunningServer } from '../lib/server';

export type FrontCache = { url: string; staticUrl: string; pid: number; stop: () => Promise<void> };

export async function startFrontCache(server: RunningServer, slug: string): Promise<FrontCache | undefined> {
  if (!findNginx()) {
    console.log('  nginx is not on PATH: the front-cache rows are skipped (apt-get install -y nginx to measure them).');
    return undefined;
  }
  const n = await startNginx({ upstreamPort: Number(new URL(server.url).port) });
  // The page once through nginx fills its cache; the static file is the same page. The load
  // generator asks for gzip as browsers do, and the desk's answer is cached gzipped, so the file
  // is served gzipped too (gzip_static: the .gz beside it). With the file sent plain, the row
  // compared a client that inflates every answer with one that does not (0.66×, at the same
  // nginx CPU per request).
  const res = await fetch(`${n.url}/articles/${slug}`);
  const body = Buffer.from(await res.arrayBuffer());
  writeStatic(n, 'article.html', body);
  writeStatic(n, 'article.html.gz', gzipSync(body));
  console.log(`  nginx in front (deploy/nginx.conf), article page ${(body.length / 1024).toFixed(1)} KB`);
  return { url: n.url, staticUrl: `${n.staticUrl}/article.html`, pid: n.pid, stop: n.stop };
}
