/** The submissions step: the form's code path by worker processes, and POST /api/requests over HTTP. */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { signInHttp } from '../lib/http-session';
import { DEMO_PASSWORD, type RunningServer } from '../lib/server';
import { measureSubmissions } from '../lib/submissions';
import { CONNECTIONS } from './config';
import { storedReferences, submissionSlugs } from './desk';

/** The target figure: the form's code path (its schema and submitRequest) by K worker processes on the server's database file. */
export async function submissions(server: RunningServer, seconds: number) {
  const form = await measureSubmissions({
    dbFile: path.join(server.dataDir, 'desk.db'),
    seconds,
    slugs: submissionSlugs(server.dataDir),
  });
  console.log(
    `  submissions (form path, ${form.workers} workers) ${form.rate.toFixed(0).padStart(4)} /s  (${form.acknowledged} acknowledged, ${form.lost} lost, ${form.refused} refused, ${form.failed} failed${form.firstError ? `: ${form.firstError}` : ''})`,
  );
  // Informational: through the server, where the load generator shares the cores with it.
  const http = await httpSubmissions(server, seconds);
  console.log(
    `  over HTTP, POST /api/requests: ${http.rate.toFixed(0)}/s  (${http.acknowledged} acknowledged, ${http.lost} lost, ${http.failed} refused)`,
  );
  return { ...form, http };
}

export type SubmissionsStep = Awaited<ReturnType<typeof submissions>>;

async function httpSubmissions(server: RunningServer, seconds: number) {
  const cookie = await signInHttp(server.url, 'publisher@demo.test', DEMO_PASSWORD);
  const startDate = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const body = JSON.stringify({
    articles: submissionSlugs(server.dataDir),
    use: 'web',
    audience: 25000,
    territory: 'worldwide',
    duration: '1y',
    portion: 'full',
    translation: false,
    publicationName: 'Bench',
    publicationUrl: 'https://northbank.example/b',
    startDate,
    acceptTerms: true,
  });
  const acknowledged: string[] = [];
  let failed = 0;
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const res = await fetch(`${server.url}/api/requests`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body,
        });
        if (res.status === 201) acknowledged.push(((await res.json()) as { reference: string }).reference);
        else failed++;
      }
    }),
  );
  const rate = acknowledged.length / ((performance.now() - t0) / 1000);
  const stored = storedReferences(server.dataDir, 'Bench');
  return { rate, acknowledged: acknowledged.length, failed, lost: acknowledged.filter((r) => !stored.has(r)).length };
}
