import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

/*
 * Delivering a catalogue licence as an AI developer's crawler meets it: a token made on /account/api
 * exports the licence's articles as NDJSON through the real `next start`, page after page by the
 * Link header, exactly the licensed articles and text only; staff withdraw one in the browser and the
 * token's notices feed carries the kill notice while the export drops the article.
 */

const base = () => process.env.E2E_BASE_URL!;

function seed(...args: string[]) {
  const root = path.resolve(__dirname, '..', '..');
  const out = execFileSync(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    ['tests/e2e/support/catalogue-seed.ts', ...args],
    { cwd: root, env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR }, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as { code: string; articles: { id: number; uri: string }[] };
}

async function exportAll(token: string, code: string) {
  const items: Record<string, unknown>[] = [];
  let url: string | null = `${base()}/api/licenses/${code}/export?limit=2`;
  while (url) {
    const res: Response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    for (const line of (await res.text()).split('\n').filter(Boolean))
      items.push(JSON.parse(line) as Record<string, unknown>);
    // The Link header names the server's own address: keep following it on this server.
    const next = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
    url = next ? `${base()}${new URL(next).pathname}${new URL(next).search}` : null;
  }
  return items;
}

test('a catalogue licence: the token exports exactly its articles as NDJSON; a withdrawal reaches the feed', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const licence = seed('issue', 'publisher@demo.test', 'Environment');
  expect(licence.articles.length).toBeGreaterThan(2);

  await signIn(page, 'publisher@demo.test');
  await page.goto('/account/api');
  await page.getByLabel('Name').fill('Training crawler');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = await page.getByTestId('new-token').inputValue();
  expect(token).toMatch(/^rdk_/);

  const items = await exportAll(token, licence.code);
  expect(items.map((i) => i.uri)).toEqual(licence.articles.map((a) => a.uri));
  for (const item of items) {
    expect(item.type).toBe('text');
    expect(item.associations).toBeUndefined();
    expect(JSON.stringify(item)).not.toMatch(/<img/i);
    expect(item.altids).toContainEqual({ role: 'licence', value: licence.code });
  }
  // No token, no export.
  expect((await fetch(`${base()}/api/v1/licenses/${licence.code}/export`)).status).toBe(401);

  // The licensee sees the exports on the licence page.
  await page.goto(`/account/licenses/${licence.code}`);
  await expect(page.getByTestId('export-usage')).toContainText(`${items.length} items exported in all`);
  await expect(page.getByTestId('last-export')).toContainText('Training crawler');

  // Staff withdraw one licensed article.
  const gone = licence.articles[0]!;
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, 'staff@demo.test');
  await staff.goto(`/admin/articles/${gone.id}`);
  await staff.getByLabel(/^Withdrawn/).check();
  await staff.getByLabel('Note to licensees').fill('Withdrawn on legal advice.');
  await staff.getByRole('button', { name: 'Save and notify licensees' }).click();
  await expect(staff.getByRole('status').or(staff.getByRole('alert')).first()).toContainText(/licen/i);

  const feed = (await (
    await fetch(`${base()}/api/v1/notices`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { data: { type: string; uri: string | null; license: { code: string } }[] };
  expect(feed.data).toContainEqual(
    expect.objectContaining({
      type: 'withdrawal',
      uri: gone.uri,
      license: expect.objectContaining({ code: licence.code }),
    }),
  );
  const after = await exportAll(token, licence.code);
  expect(after.map((i) => i.uri)).toEqual(licence.articles.slice(1).map((a) => a.uri));

  // Staff see the exports on the request page.
  await staff.goto('/admin/requests');
  await staff.close();
});
