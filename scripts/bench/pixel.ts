/**
 * The "1 M hits" step: stops the server, loads the pixel hits into its database in process,
 * restarts it and measures /admin/usage again: how much the file grew, and the page's p95 and
 * CPU per request before and after.
 */
import path from 'node:path';
import { signInHttp } from '../lib/http-session';
import { loadPixelHits } from '../lib/pixel-hits';
import { DEMO_PASSWORD, startServer, type RunningServer } from '../lib/server';
import { PIXEL_LOAD, SECONDS, SERVER_ENV } from './config';
import { measure, type Measurement } from './measure';

export async function pixelHitsStep(server: RunningServer, usageBefore: Measurement) {
  const file = path.join(server.dataDir, 'desk.db');
  await server.stop();
  console.log(
    `\n${PIXEL_LOAD.hits.toLocaleString('en-GB')} pixel hits (${PIXEL_LOAD.hosts.toLocaleString('en-GB')} hosts, ${PIXEL_LOAD.days} days) through recordPixelHit:`,
  );
  const loaded = await loadPixelHits(file, PIXEL_LOAD);
  const growthMB = (loaded.sizeAfter - loaded.sizeBefore) / 1024 / 1024;
  const o = loaded.outcomes;
  console.log(
    `  ${loaded.loaded.toLocaleString('en-GB')} hits in ${loaded.seconds.toFixed(0)} s (${(loaded.loaded / loaded.seconds).toFixed(0)}/s) on ${loaded.licences} licences: ${o.counted.toLocaleString('en-GB')} counted, ${o.ignored} ignored, ${o.repeat.toLocaleString('en-GB')} repeats, ${o.bot.toLocaleString('en-GB')} bots, ${o.rate} over the rate, ${o.error} errors`,
  );
  const next = await startServer({ dataDir: server.dataDir, env: SERVER_ENV });
  const staff = await signInHttp(next.url, 'staff@demo.test', DEMO_PASSWORD);
  // The "before" figure came from a server warmed by every row above; a just-started one has
  // cold code and startup garbage, and with ~100 requests in a run its first slow ones are the p95.
  // So the same page is warmed for a full run before it is measured.
  const usageAfter = await measure(
    'usage, after the hits',
    { url: `${next.url}/admin/usage`, headers: { cookie: staff } },
    { warmup: SECONDS, cpuPid: next.child.pid },
  );
  return {
    server: next,
    result: {
      ...loaded,
      growthMB,
      usageBefore,
      usageAfter,
      usageGrowth: (usageAfter.p95 ?? NaN) / (usageBefore.p95 ?? NaN),
      usageCpuGrowth: (usageAfter.cpuMs ?? NaN) / (usageBefore.cpuMs ?? NaN),
    },
  };
}

export type PixelHitsStep = Awaited<ReturnType<typeof pixelHitsStep>>['result'];
