import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EMBED_CACHE_CONTROL } from '@/lib/embed/summary';

export const dynamic = 'force-dynamic';

// Read once per process from the source file (plain ES5, no build step, what the size test measures).
let source: Promise<string> | null = null;

export async function GET() {
  source ??= readFile(path.join(process.cwd(), 'lib/embed/client/embed.js'), 'utf8').catch((e) => {
    source = null;
    throw e;
  });
  return new Response(await source, {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': EMBED_CACHE_CONTROL,
      'Access-Control-Allow-Origin': '*',
    },
  });
}
