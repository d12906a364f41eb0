import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { pdfText } from '../helpers/pdf-text';
import { REGISTERED, decisionPanel, followVerificationLink, signIn, uniqueEmail } from './helpers';

/*
 * Hostile text in everything a user (or a feed, or an admin) can type, followed through every
 * place it is shown: pages (no dialog fires, no injected element, the literal text is visible,
 * the raw HTML never carries it unescaped), the outbox, the HTML copy (escaped) and the PDF
 * certificate (renders, carries the text).
 */

const IMG = '<img src=x onerror=alert(1)>';
const BREAKOUT = '"><script>alert(1)</script>';
const X = `${IMG}${BREAKOUT}`;
/** What must never reach a page or a copy as markup. */
const RAW = ['<img src=x onerror', '<script>alert(1)'];
const JS_URL = 'javascript:alert(1)';

const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const T = {
  name: `Mallory ${X}`,
  org: `Outlet ${tag} ${X}`,
  country: `Land ${X}`,
  title: `Tidewater ${tag} ${X}`,
  author: `Writer ${IMG}`,
  publication: `Pub ${X}`,
  publicationUrl: `https://xss-${tag}.example/?q=${BREAKOUT}`,
  territory: `Region ${X}`,
  language: `Lang ${IMG}`,
  notes: `Notes ${X}`,
  message: `Hello ${X}`,
  staffMessage: `Desk says ${X}`,
  counter: `Counter ${X}`,
  reject: `Refused ${X}`,
  publisher: `Ledger ${IMG}`,
};
const email = uniqueEmail('xss');
const password = 'xss password long enough';
const slug = `tidewater-${tag}`;
const root = path.resolve(__dirname, '..', '..');

test.describe.configure({ mode: 'serial' });

const dialogs: string[] = [];
function watch(page: Page): Page {
  page.on('dialog', (d) => {
    dialogs.push(`${page.url()}: ${d.message()}`);
    void d.dismiss();
  });
  return page;
}
async function newPage(browser: Browser): Promise<Page> {
  return watch(await (await browser.newContext()).newPage());
}

/** Opens a page and checks every hostile text on it is shown as text and nothing ran. */
async function shows(page: Page, url: string, texts: string[]) {
  const res = await page.goto(url);
  expect(res?.status(), url).toBe(200);
  const html = await res!.text();
  for (const raw of RAW) {
    const at = html.indexOf(raw);
    expect(at, `${url} carries ${raw} unescaped: …${html.slice(Math.max(0, at - 100), at + 100)}…`).toBe(-1);
  }
  for (const t of texts) await expect(page.getByText(t, { exact: false }).first(), `${url}: ${t}`).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
}

let reference = '';
let rejected = '';
let code = '';

test.beforeAll(() => {
  // A feed is user input too: an article whose every text field is hostile, dated far back so
  // it stays out of other specs' "recent" lists.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xss-import-'));
  const file = path.join(dir, 'hostile.json');
  fs.writeFileSync(
    file,
    JSON.stringify([
      {
        url: `https://harbourledger.example/2001/${slug}`,
        slug,
        title: T.title,
        standfirst: `Standfirst ${X}`,
        body: `<p>Body text ${tag}.</p><script>alert(1)</script><p><a href="${JS_URL}">link</a> <img src="x" onerror="alert(1)"></p>`,
        publishedAt: '2001-02-03T10:00:00Z',
        authors: [T.author],
        section: 'Politics',
        tags: [`tag ${IMG}`],
        rightsStatus: 'owned',
        images: [
          {
            url: `https://harbourledger.example/img/${tag}.jpg`,
            caption: `Caption ${X}`,
            credit: `Photo: Ledger ${IMG}`,
            rightsHolder: 'The Ledger',
          },
        ],
      },
    ]),
  );
  const out = execFileSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/import.ts', file], {
    cwd: root,
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR },
    encoding: 'utf8',
  });
  expect(out).toMatch(/Imported 1 /);
});

test.afterAll(async ({ browser }) => {
  // Put the publisher's name back for the specs that follow, whatever happened above.
  const page = await newPage(browser);
  await signIn(page, 'admin@demo.test');
  await page.goto('/admin/settings');
  await page.getByLabel('Publisher name').fill('The Harbour Ledger');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.context().close();
});

test('admin settings: a javascript: address is refused, a hostile publisher name is shown as text', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signIn(page, 'admin@demo.test');
  await page.goto('/admin/settings');
  await page.getByLabel('Publisher website').fill(JS_URL);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('#s-publisherUrl-error')).toContainText('http');
  await page.getByLabel('Publisher website').fill('https://harbourledger.example');
  await page.getByLabel('Publisher name').fill(T.publisher);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expect(page.getByLabel('Publisher name')).toHaveValue(T.publisher);
  await shows(page, '/', [T.publisher]);
  await page.context().close();
});

test('registration: hostile name, organisation and country are kept as text; a javascript: website is refused', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await page.goto('/register');
  await page.getByLabel('Your name').fill(T.name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Organisation name').fill(T.org);
  await page.getByLabel('Country').fill(T.country);
  await page.getByLabel('Website').fill(JS_URL);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('#f-website-error')).toContainText('Enter a website');
  await expect(page.getByLabel('Organisation name')).toHaveValue(T.org);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Website').fill(`xss-${tag}.example`);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('main [role=status]')).toHaveText(REGISTERED);
  await followVerificationLink(page, email);
  await signIn(page, email, password);
  await expect(page.getByTestId('signed-in-as')).toHaveText(T.name);
  expect(dialogs).toEqual([]);
  await page.context().close();
});

test('the catalogue, the article page and the request form show the hostile article as text', async ({ browser }) => {
  const page = await newPage(browser);
  await shows(page, `/articles?q=${encodeURIComponent(`Tidewater ${tag}`)}`, [T.title]);
  await shows(page, `/articles?author=${encodeURIComponent(T.author)}`, [T.title]);
  await shows(page, `/articles/${slug}`, [T.title, `Standfirst ${X}`, T.author, `Caption ${X}`, 'Body text']);
  // The imported body lost its script, handler and javascript: link.
  await expect(page.locator(`a[href^="javascript:"]`)).toHaveCount(0);
  const api = await page.request.get(`/api/articles?q=${encodeURIComponent(`Tidewater ${tag}`)}`);
  const item = ((await api.json()) as { items: { title: string; highlights?: { title: string } }[] }).items[0]!;
  expect(item.title).toBe(T.title);
  for (const raw of RAW) expect(item.highlights?.title ?? '').not.toContain(raw);
  await page.context().close();
});

test('the request form: every hostile field stored and shown as text; a javascript: address refused', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signIn(page, email, password);
  await page.goto(`/republish?article=${slug}&territory=region&translation=on`);
  await expect(page.getByTestId('picked-articles')).toContainText(T.title);
  await page.getByLabel('Publication name').fill(T.publication);
  await page.getByLabel('Publication web address').fill(JS_URL);
  await page.getByLabel('Which region?').fill(T.territory);
  await page.getByLabel('Into which language?').fill(T.language);
  await page.getByLabel('Notes for the desk (optional)').fill(T.notes);
  await page.getByLabel('I accept these licence terms').check();
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(page.locator('#f-publicationUrl-error')).toContainText('http');
  await expect(page.getByLabel('Notes for the desk (optional)')).toHaveValue(T.notes);
  await page.getByLabel('Publication web address').fill(T.publicationUrl);
  await page.getByLabel('I accept these licence terms').check();
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(page).toHaveURL(/\/account\/requests\/RR-/);
  reference = (await page.getByTestId('reference').textContent())!;
  // A translation always goes to staff.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Submitted');

  await page.getByLabel('Write to the desk').fill(T.message);
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(page.getByTestId('thread')).toContainText(T.message);
  await shows(page, `/account/requests/${reference}`, [
    T.publication,
    T.publicationUrl,
    T.territory,
    T.language,
    T.notes,
    T.message,
    T.title,
    T.org,
    T.name,
  ]);
  await shows(page, '/account/requests', [T.publication]);

  // A second one through the JSON API, for staff to reject.
  const res = await page.request.post('/api/requests', {
    headers: { 'idempotency-key': `xss-${tag}` },
    data: {
      articles: [slug],
      use: 'web',
      audience: 2_000_000,
      territory: 'worldwide',
      duration: 'perpetual',
      portion: 'full',
      translation: false,
      publicationName: `Second ${X}`,
      publicationUrl: T.publicationUrl,
      startDate: new Date().toISOString().slice(0, 10),
      acceptTerms: true,
    },
  });
  expect(res.status()).toBe(201);
  rejected = ((await res.json()) as { reference: string }).reference;
  await page.context().close();
});

test('staff see it all as text, counter-offer and reject with hostile notes; the publisher accepts', async ({
  browser,
}) => {
  const staff = await newPage(browser);
  await signIn(staff, 'staff@demo.test');
  await shows(staff, `/admin/requests?status=all&q=${encodeURIComponent(`Outlet ${tag}`)}`, [T.org, T.title]);
  await shows(staff, `/admin/requests/${reference}`, [
    T.publication,
    T.publicationUrl,
    T.territory,
    T.language,
    T.notes,
    T.message,
    T.title,
    T.org,
    T.name,
  ]);
  await staff.getByLabel('Write to the publisher').fill(T.staffMessage);
  await staff.getByRole('button', { name: 'Send message' }).click();
  await expect(staff.getByText(T.staffMessage).first()).toBeVisible();
  const counter = await decisionPanel(staff, 'Counter-offer');
  await counter.getByLabel('Proposed fee (£)').fill('123.45');
  await counter.getByLabel('Changed terms or explanation').fill(T.counter);
  await counter.getByRole('button', { name: 'Send counter-offer of £123.45' }).click();
  await expect(staff.getByRole('heading', { name: `Request ${reference}` })).toContainText('Counter-offer');
  await shows(staff, `/admin/requests/${reference}`, [T.counter, T.staffMessage]);

  await staff.goto(`/admin/requests/${rejected}`);
  const reject = await decisionPanel(staff, 'Reject');
  await reject.getByLabel('Reason').fill(T.reject);
  await reject.getByRole('button', { name: 'Reject request' }).click();
  await expect(staff.getByRole('heading', { name: `Request ${rejected}` })).toContainText('Rejected');
  await shows(staff, `/admin/requests/${rejected}`, [T.reject, `Second ${X}`]);

  const publisher = await newPage(browser);
  await signIn(publisher, email, password);
  await shows(publisher, `/account/requests/${rejected}`, [T.reject]);
  await shows(publisher, `/account/requests/${reference}`, [T.counter, T.staffMessage]);
  await publisher.getByRole('button', { name: 'Accept £123.45' }).click();
  await expect(publisher.getByTestId('license-link')).toHaveText(/^LIC-/);
  code = (await publisher.getByTestId('license-link').textContent())!;
  await shows(publisher, '/account/licenses', [T.title]);
  await shows(publisher, `/account/licenses/${code}`, [T.title, T.publication]);
  await staff.context().close();
  await publisher.context().close();
});

test('the HTML copy carries every hostile text escaped; the PDF renders and carries it', async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, email, password);
  const html = await page.request.get(`/api/licenses/${code}/download?format=html`);
  expect(html.status()).toBe(200);
  const copy = await html.text();
  for (const raw of RAW) expect(copy).not.toContain(raw);
  expect(copy).not.toContain('javascript:');
  // Pasted into a page, the copy runs nothing and injects nothing.
  const paste = await newPage(browser);
  await paste.setContent(copy, { waitUntil: 'domcontentloaded' });
  await expect(paste.locator('h1')).toHaveText(T.title);
  // The only script elements are the copy's rights as data (JSON-LD and the JWS): types a browser never runs.
  await expect(
    paste.locator('img[src="x"], script:not([type="application/ld+json"]):not([type="application/jose"]), [onerror]'),
  ).toHaveCount(0);
  await expect(paste.locator('script')).toHaveCount(2);
  // The hostile headline stays inside the JSON-LD as data and parses back to itself.
  const ld = JSON.parse((await paste.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld.headline).toBe(T.title);
  await paste.context().close();
  expect(copy).toContain(
    `<title>Tidewater ${tag} &lt;img src=x onerror=alert(1)&gt;&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>`,
  );
  expect(copy).toContain(`<h1>Tidewater ${tag} &lt;img src=x onerror=alert(1)&gt;`);
  expect(copy).toContain('By Writer &lt;img src=x onerror=alert(1)&gt;');
  expect(copy).toContain('originally published by Ledger &lt;img src=x onerror=alert(1)&gt;');
  expect(copy).toContain(`Body text ${tag}.`);

  for (const format of ['md', 'txt']) {
    const res = await page.request.get(`/api/licenses/${code}/download?format=${format}`);
    expect(res.status(), format).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^text\/(markdown|plain)/);
  }

  const pdf = await page.request.get(`/api/licenses/${code}/download?format=pdf`);
  expect(pdf.status()).toBe(200);
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdfText(bytes).replace(/\s+/g, ' ');
  for (const t of [`Outlet ${tag}`, IMG, 'alert(1)</script>', `Tidewater ${tag}`, 'Ledger <img'])
    expect(text, t).toContain(t);

  const zip = await page.request.get(`/api/licenses/${code}/download?format=zip`);
  expect(zip.status()).toBe(200);
  await shows(page, `/licenses/${code}`, [T.org, T.publication, T.territory, T.language, T.title]);
  await page.context().close();
});

test('the outbox and the admin lists show the hostile texts as text; mails are plain text', async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, 'admin@demo.test');
  await shows(page, '/admin/outbox', [`Message from ${T.publication} about ${reference}`]);
  await shows(page, `/admin/users?q=${encodeURIComponent(email)}`, [T.name, T.org]);
  await shows(page, `/admin/articles?q=${encodeURIComponent(`Tidewater ${tag}`)}`, [T.title]);
  await shows(page, '/admin', []);
  await shows(page, '/admin/usage', []);
  // The texts are kept as typed in the plain part; an HTML part (account mails have one) escapes them.
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'desk.db'), { readonly: true });
  try {
    const mails = db
      .prepare('select subject, text, html from outbox where text like ? or subject like ?')
      .all(`%${tag}%`, `%${reference}%`) as { subject: string; text: string; html: string | null }[];
    expect(mails.length).toBeGreaterThanOrEqual(3);
    const all = mails.map((m) => `${m.subject}\n${m.text}`).join('\n');
    expect(all).toContain(T.counter);
    expect(all).not.toContain('&lt;');
    for (const m of mails) if (m.html) expect(m.html).not.toContain(T.counter);
  } finally {
    db.close();
  }
  await page.context().close();
});

test('no dialog fired anywhere', () => {
  expect(dialogs).toEqual([]);
});
