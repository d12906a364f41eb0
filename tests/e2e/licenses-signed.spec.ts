import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { signIn } from './helpers';

// Owned, with a Ledger photo and a Getty picture (scripts/demo/seed-data/articles.ts).
const SLUG = 'port-authority-contracts-investigation';
const root = path.resolve(__dirname, '..', '..');

function tsx(script: string, ...args: string[]): string {
  return execFileSync(path.join(root, 'node_modules', '.bin', 'tsx'), [script, ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR },
    encoding: 'utf8',
  });
}

/** The separate verifier a licensee's developer would run: plain Node and jose, nothing of the desk. */
function verifyCopy(file: string, baseURL: string) {
  const run = spawnSync(
    process.execPath,
    ['scripts/verify-copy.mjs', file, `${baseURL}/.well-known/jwks.json`, baseURL],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return { status: run.status, payload: run.status === 0 ? JSON.parse(run.stdout) : null, stderr: run.stderr };
}

/** The same JWS with one claim changed and the old signature kept. */
function tamper(jws: string, change: Record<string, unknown>): string {
  const [h, p, s] = jws.split('.');
  const payload = { ...JSON.parse(Buffer.from(p, 'base64url').toString('utf8')), ...change };
  return [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
}

/**
 * fetch, once more if the connection was dropped: a kept-alive socket the server closes while a
 * child process runs (slow on a loaded machine) fails the next request with "other side closed".
 */
async function get(url: string): Promise<Response> {
  try {
    return await fetch(url);
  } catch {
    return fetch(url);
  }
}

const JWS_IN_COPY = /<script type="application\/jose" class="licence-jws">([\w.-]+)<\/script>/;

test('a downloaded HTML copy verifies against the running desk’s JWKS; tampered is refused; revoked says so while the old JWS still verifies', async ({
  page,
  baseURL,
}) => {
  // Several child processes (seed, revoke, rotate, the verifier three times): slow on a busy machine.
  test.setTimeout(180_000);
  const { code } = JSON.parse(
    tsx('tests/e2e/support/licenses-seed.ts', 'issue', 'publisher@demo.test', SLUG).trim().split('\n').pop()!,
  ) as {
    code: string;
  };
  await signIn(page, 'publisher@demo.test');
  const res = await page.request.get(`/api/licenses/${code}/download?format=html`);
  expect(res.status()).toBe(200);
  const copy = await res.text();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-copy-'));
  const file = path.join(dir, `${code}.html`);
  fs.writeFileSync(file, copy);

  // The JSON-LD's licence URL answers with the licence.
  const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(copy)![1]);
  expect(ld.license).toBe(`${baseURL}/licenses/${code}`);
  expect(ld.isBasedOn).toMatch(/port-authority-contracts-investigation$/);
  const licensePage = await get(ld.license);
  expect(licensePage.status).toBe(200);
  expect(await licensePage.text()).toContain(code);

  // A separate script, with jose and the JWKS fetched from this server, accepts the copy's JWS.
  const ok = verifyCopy(file, baseURL!);
  expect(ok.stderr).toBe('');
  expect(ok.status).toBe(0);
  expect(ok.payload).toMatchObject({ code, status: 'active', licensee: 'Northbank Daily', iss: baseURL, sub: code });
  const signedAt = ok.payload.iat as number;

  // Tampered: the facts changed under the old signature.
  const jws = JWS_IN_COPY.exec(copy)![1];
  const forged = path.join(dir, 'forged.html');
  fs.writeFileSync(forged, copy.replace(jws, tamper(jws, { territory: 'worldwide', validUntil: null })));
  const refused = verifyCopy(forged, baseURL!);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('signature verification failed');

  // The API: public, any origin, the same facts signed now.
  const api = await get(`${baseURL}/api/licenses/${code}`);
  expect(api.status).toBe(200);
  expect(api.headers.get('access-control-allow-origin')).toBe('*');
  const jwksRes = await get(`${baseURL}/.well-known/jwks.json`);
  expect(jwksRes.headers.get('content-type')).toContain('application/jwk-set+json');
  expect(((await jwksRes.json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid)).toContain(
    decodeProtectedHeader(jws).kid,
  );
  expect((await get(`${baseURL}/api/licenses/LIC-0000-0000-0000`)).status).toBe(404);

  // Staff revoke: the API says revoked (signed), the old copy's JWS still verifies and says when it was signed.
  tsx('tests/e2e/support/licenses-seed.ts', 'revoke', code, 'Republished outside the licence.');
  const after = (await (await get(`${baseURL}/api/licenses/${code}`)).json()) as {
    license: { status: string; state: string };
    jws: string;
  };
  expect(after.license).toMatchObject({ status: 'revoked', state: 'revoked' });
  const jwks = createRemoteJWKSet(new URL(`${baseURL}/.well-known/jwks.json`));
  const now = await jwtVerify(after.jws, jwks, { issuer: baseURL, algorithms: ['EdDSA'] });
  expect(now.payload.status).toBe('revoked');
  const old = verifyCopy(file, baseURL!);
  expect(old.status).toBe(0);
  expect(old.payload).toMatchObject({ status: 'active', iat: signedAt });
  expect(signedAt).toBeLessThanOrEqual(now.payload.iat!);

  // npm run keys:rotate: a new key signs, the old one stays published, so the old copy still verifies.
  tsx('scripts/rotate-keys.ts');
  const rotated = (await (await get(`${baseURL}/api/licenses/${code}`)).json()) as { jws: string };
  expect(decodeProtectedHeader(rotated.jws).kid).not.toBe(decodeProtectedHeader(jws).kid);
  const kids = ((await (await get(`${baseURL}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] }).keys.map(
    (k) => k.kid,
  );
  expect(kids).toEqual([decodeProtectedHeader(rotated.jws).kid, decodeProtectedHeader(jws).kid]);
  expect(verifyCopy(file, baseURL!).status).toBe(0);
});

test('an article page’s JSON-LD parses, names acquireLicensePage, and the agency picture carries no licence of ours', async ({
  page,
  baseURL,
}) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // The visitor's cached copy and the signed-in page both carry it.
  for (const signedIn of [false, true]) {
    if (signedIn) await signIn(page, 'publisher@demo.test');
    await page.goto(`/articles/${SLUG}`);
    const ld = JSON.parse((await page.getByTestId('article-json-ld').textContent())!);
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: expect.stringContaining('Port authority'),
      acquireLicensePage: `${baseURL}/republish?article=${SLUG}`,
      copyrightHolder: { name: 'The Harbour Ledger' },
    });
    const images = ld.image as { contentUrl: string; license?: string; copyrightHolder?: { name: string } }[];
    const getty = images.find((i) => i.contentUrl.endsWith('container-cranes.svg'))!;
    expect(getty.copyrightHolder?.name).toBe('Getty Images');
    expect(getty).not.toHaveProperty('license');
    expect(getty).not.toHaveProperty('acquireLicensePage');
    expect(images.find((i) => i.contentUrl.endsWith('port-authority-hq.svg'))).toHaveProperty('license');
  }
  // Data, not script: the page's CSP had nothing to refuse.
  expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
});
