import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { DOWNLOAD_FORMATS, licenseRequests, type License } from '@/db/schema';
import { GET as listRoute } from '@/app/api/v1/licenses/route';
import { GET as copyRoute } from '@/app/api/v1/licenses/[code]/copies/[format]/route';
import { GET as exportRoute } from '@/app/api/v1/licenses/[code]/export/route';
import { GET as noticesRoute } from '@/app/api/v1/notices/route';
import { GET as noticesAlias } from '@/app/api/notices/route';
import { GET as signedRoute } from '@/app/api/licenses/[code]/route';
import { GET as jwksRoute } from '@/app/.well-known/jwks.json/route';
import { openApiDocument } from '@/lib/api/openapi';
import {
  apiError,
  apiLicense,
  apiLicenseList,
  apiNotice,
  apiNoticeFeed,
  jwks,
  signedLicense,
  webhookPayload,
} from '@/lib/api/schemas';
import { createToken } from '@/lib/api/tokens';
import { markArticle } from '@/lib/licenses/notices';
import { transition } from '@/lib/requests/transition';
import { freshDb } from '../helpers/db';
import { makeCatalogueLicense } from '../helpers/catalogue-licences';
import { desk, submit, tomorrow } from '../helpers/requests';

/*
 * The OpenAPI document against the real answers (issue 17 item 4): every answer of every documented
 * operation — successes and refusals — has its status and media type in the document, and a JSON body
 * parses with the schema the document names (the zod schema its component is generated from, strict:
 * an undocumented field fails). And every route of the token API is in the document.
 */

const BASE = 'http://desk.test';
const doc = openApiDocument(BASE);
type Operation = {
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }>; headers?: object }>;
};
const SCHEMAS: Record<string, z.ZodType> = {
  Error: apiError,
  License: apiLicense,
  LicenseList: apiLicenseList,
  Notice: apiNotice,
  NoticeFeed: apiNoticeFeed,
  WebhookPayload: webhookPayload,
  SignedLicense: signedLicense,
  JWKS: jwks,
};

/** What the answer breaks of the document for `template` (GET), as readable lines; empty when it conforms. */
async function breaches(template: string, res: Response): Promise<string[]> {
  const op = (doc.paths as Record<string, { get?: Operation }>)[template]?.get;
  if (!op) return [`${template} is not documented`];
  const documented = op.responses[String(res.status)];
  if (!documented) return [`${template} answered ${res.status}, which is not documented`];
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  const media = documented.content?.[type];
  if (!media)
    return [`${template} ${res.status} answered ${type}, documented: ${Object.keys(documented.content ?? {})}`];
  const id = media.schema.$ref?.split('/').pop();
  if (!id) return [];
  const parsed = SCHEMAS[id]!.safeParse(await res.json());
  return parsed.success ? [] : [`${template} ${res.status}: the body is not a ${id}: ${parsed.error.message}`];
}

const get = (p: string, bearer: string | null) =>
  new Request(`${BASE}${p}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
const params = <T extends object>(p: T) => ({ params: Promise.resolve(p) });

let db: Db;
let d: ReturnType<typeof desk>;
let license: License;
let token: string;

beforeEach(async () => {
  db = freshDb();
  d = desk(db);
  license = (await submit(db, d.publisher, ['first-story'], { startDate: new Date().toISOString().slice(0, 10) }))
    .license!;
  token = createToken({ name: 'CMS', scope: 'read' }, d.publisher, db).token;
});

describe('the OpenAPI document against the real answers', () => {
  it('licences, copies in every format, notices (also at /api/notices), export: successes and refusals', async () => {
    const later = (await submit(db, d.publisher, ['second-story'], { startDate: tomorrow() })).license!;
    await markArticle(d.articleIds[0]!, 'corrected', 'A name was misspelt.', d.staff, db);
    const copy = (code: string, format: string, bearer: string | null = token) =>
      copyRoute(get(`/api/v1/licenses/${code}/copies/${format}`, bearer), params({ code, format }));
    const C = '/api/v1/licenses/{code}/copies/{format}';
    const E = '/api/v1/licenses/{code}/export';
    const answers: [string, Response][] = [
      ['/api/v1/licenses', await listRoute(get('/api/v1/licenses', token))],
      ['/api/v1/licenses', await listRoute(get('/api/v1/licenses?cursor=nonsense', token))],
      ['/api/v1/licenses', await listRoute(get('/api/v1/licenses', null))],
      ...(await Promise.all(
        DOWNLOAD_FORMATS.map(async (f): Promise<[string, Response]> => [C, await copy(license.code, f)]),
      )),
      [C, await copy(license.code, 'exe')],
      [C, await copy('LIC-0000-0000-0000', 'html')],
      [C, await copy(later.code, 'html')],
      [C, await copy(license.code, 'html', null)],
      [E, await exportRoute(get(`/api/v1/licenses/${license.code}/export`, token), params({ code: license.code }))],
      ['/api/v1/notices', await noticesRoute(get('/api/v1/notices', token))],
      ['/api/v1/notices', await noticesRoute(get('/api/v1/notices?since=nonsense', token))],
      ['/api/notices', await noticesAlias(get('/api/notices', token))],
      ['/api/notices', await noticesAlias(get('/api/notices', 'rdk_unknown'))],
    ];
    const statuses = answers.map(([, r]) => r.status);
    // The answers cover what they should: each format served, and the refusals really refused.
    expect(statuses.filter((s) => s === 200).length).toBe(DOWNLOAD_FORMATS.length + 3);
    expect(new Set(statuses)).toEqual(new Set([200, 401, 403, 404, 422]));

    // A revoked licence's copy is gone (410).
    const req = db.select().from(licenseRequests).where(eq(licenseRequests.id, license.requestId)).get()!;
    await transition(
      { reference: req.reference, action: 'revoke', expectedVersion: req.version, note: 'x' },
      d.staff,
      db,
    );
    answers.push([C, await copy(license.code, 'html')]);
    expect(answers.at(-1)![1].status).toBe(410);

    const problems = (await Promise.all(answers.map(([t, r]) => breaches(t, r)))).flat();
    expect(problems).toEqual([]);
  });

  it('the public signed verification (per article, with a kill notice; a catalogue licence) and the JWKS', async () => {
    await markArticle(d.articleIds[0]!, 'withdrawn', 'Legal reasons.', d.staff, db);
    const catalogue = makeCatalogueLicense(db, { organizationId: d.org.id, requesterId: d.publisher.id });
    const signed = (code: string) => signedRoute(get(`/api/licenses/${code}`, null), params({ code }));
    const answers: [string, Response][] = [
      ['/api/licenses/{code}', await signed(license.code)],
      ['/api/licenses/{code}', await signed(catalogue.code)],
      ['/api/licenses/{code}', await signed('LIC-0000-0000-0000')],
      ['/.well-known/jwks.json', await jwksRoute()],
    ];
    expect(answers.map(([, r]) => r.status)).toEqual([200, 200, 404, 200]);
    // Readable from any origin, the refusal too (a browser script on a licensee's site checks a code).
    for (const [t, r] of answers) expect(r.headers.get('access-control-allow-origin'), t).toBe('*');
    const facts = signedLicense.parse(await answers[0]![1].clone().json()).license;
    expect(facts.notices[0]).toMatchObject({ kind: 'withdrawn', takedownBy: expect.any(String) });
    expect(signedLicense.parse(await answers[1]![1].clone().json()).license.catalogue).toBeTruthy();
    const problems = (await Promise.all(answers.map(([t, r]) => breaches(t, r)))).flat();
    expect(problems).toEqual([]);
  });

  it('every route of the token API is documented, and every documented path has a route', () => {
    const root = path.resolve(__dirname, '..', '..');
    const routes = (dir: string): string[] =>
      fs
        .readdirSync(path.join(root, dir), { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? routes(path.join(dir, e.name)) : e.name === 'route.ts' ? [dir] : []));
    const templates = [
      ...routes('app/api/v1'),
      'app/api/notices',
      'app/api/licenses/[code]',
      'app/.well-known/jwks.json',
    ].map((dir) => `/${dir.slice('app/'.length)}`.replace(/\[(\w+)\]/g, '{$1}'));
    expect(Object.keys(doc.paths).sort()).toEqual(expect.arrayContaining(templates.sort()));
    for (const p of Object.keys(doc.paths)) {
      const dir = path.join(root, 'app', p.replace(/\{(\w+)\}/g, '[$1]'));
      expect(fs.existsSync(path.join(dir, 'route.ts')), p).toBe(true);
    }
  });
});
