import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openApiDocument } from '@/lib/api/openapi';
import { apiError, apiLicenseList, apiNoticeFeed, webhookPayload } from '@/lib/api/schemas';
import { verifyWebhook } from '@/lib/webhooks/signature';
import { signIn } from './helpers';

/*
 * The API as a licensee's developer meets it: a token made in the browser, used with fetch against
 * the real `next start`; every JSON answer parsed with the same zod schemas the served OpenAPI
 * document is generated from (strict: an undocumented field fails). Then a revocation reaches a
 * real webhook receiver on 127.0.0.1, signed, and the token is revoked and refused.
 */

const SLUG = 'port-authority-contracts-investigation';
const base = () => process.env.E2E_BASE_URL!;

function seed(...args: string[]): string {
  const root = path.resolve(__dirname, '..', '..');
  return execFileSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['tests/e2e/support/licenses-seed.ts', ...args], {
    cwd: root,
    // The script delivers the webhooks its change queued, to this file's receiver on 127.0.0.1.
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, WEBHOOKS_ALLOW_LOCAL: '1' },
    encoding: 'utf8',
  });
}
const seedAsync = async (...args: string[]) => {
  const root = path.resolve(__dirname, '..', '..');
  await promisify(execFile)(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    ['tests/e2e/support/licenses-seed.ts', ...args],
    {
      cwd: root,
      env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, WEBHOOKS_ALLOW_LOCAL: '1' },
    },
  );
};
const issued = (email: string) => JSON.parse(seed('issue', email, SLUG).trim().split('\n').pop()!) as { code: string };

const api = (token: string | null, p: string) =>
  fetch(`${base()}${p}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

test('a token made on /account/api lists licences, downloads a copy, follows notices and webhooks; revoked, it is refused', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const mine = issued('publisher@demo.test');
  const theirs = issued('nonprofit@demo.test');

  // A receiver on this machine, like a licensee's CMS.
  const got: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.end('ok');
    });
  });
  await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/desk-hooks`;

  try {
    await signIn(page, 'publisher@demo.test');
    await page.goto('/account/api');
    await page.getByLabel('Name').fill('Newsroom CMS');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = await page.getByTestId('new-token').inputValue();
    expect(token).toMatch(/^rdk_/);
    await page.getByLabel('Address').fill(hookUrl);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = await page.getByTestId('new-secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.reload();
    await expect(page.getByTestId('api-tokens')).toContainText('Newsroom CMS');
    await expect(page.getByTestId('api-tokens')).not.toContainText(token);

    // The OpenAPI document served is the one built from the schemas the answers are checked with.
    const doc = (await (await fetch(`${base()}/api/openapi.json`)).json()) as { servers: unknown };
    expect({ ...doc, servers: [] }).toEqual({ ...JSON.parse(JSON.stringify(openApiDocument(base()))), servers: [] });

    const list = await api(token, '/api/v1/licenses?limit=200');
    expect(list.status).toBe(200);
    const licences = apiLicenseList.parse(await list.json());
    const codes = licences.data.map((l) => l.code);
    expect(codes).toContain(mine.code);
    expect(codes).not.toContain(theirs.code);
    const own = licences.data.find((l) => l.code === mine.code)!;
    expect(own.status).toMatch(/active|expiring/);

    const copy = await fetch(own.links.copies.html.replace(new URL(own.links.copies.html).origin, base()), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(copy.status).toBe(200);
    expect(copy.headers.get('content-type')).toContain('text/html');
    expect(await copy.text()).toContain(mine.code);
    const foreign = await api(token, `/api/v1/licenses/${theirs.code}/copies/html`);
    expect(foreign.status).toBe(404);
    apiError.parse(await foreign.json());

    // Staff revoke: the receiver gets one signed notice, and the feed lists it.
    // Asynchronously: this process hosts the receiver, which must answer while the script delivers.
    await seedAsync('revoke', mine.code, 'Republished beyond the licence.');
    expect(got).toHaveLength(1);
    const payload = webhookPayload.parse(verifyWebhook(secret, got[0]!.headers as never, got[0]!.body));
    expect(payload.data).toMatchObject({ type: 'revocation', pubStatus: 'canceled', license: { code: mine.code } });
    const feed = apiNoticeFeed.parse(await (await api(token, '/api/v1/notices')).json());
    expect(feed.data.map((n) => n.id)).toContain(payload.data.id);
    expect((await api(token, `/api/v1/licenses/${mine.code}/copies/html`)).status).toBe(410);

    // The organisation sees the delivery and its attempt.
    await page.reload();
    await expect(page.getByTestId('webhook-deliveries')).toContainText('Delivered');
    // And staff see it, with its webhook-id, on the outbox page.
    const staff = await browser.newPage();
    await signIn(staff, 'staff@demo.test');
    await staff.goto('/admin/outbox');
    await expect(staff.getByTestId('webhook-deliveries')).toContainText(got[0]!.headers['webhook-id'] as string);
    await staff.close();

    await page.getByRole('button', { name: 'Revoke Newsroom CMS' }).click();
    // The row re-renders without its button, marked revoked.
    await expect(page.getByTestId('api-tokens')).toContainText('Revoked');
    const refused = await api(token, '/api/v1/licenses');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('invalid_token');
    apiError.parse(await refused.json());
  } finally {
    await new Promise((ok) => receiver.close(ok));
  }
});
