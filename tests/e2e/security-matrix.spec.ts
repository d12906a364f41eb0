import { createHash, randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signInHttp } from '../../scripts/lib/http-session';
import { DEMO_PASSWORD } from './helpers';

/*
 * Who gets what, over plain HTTP (no browser, no redirects followed). "forged" is a visitor with a
 * made-up session cookie: it passes proxy.ts (which only looks for the cookie), so every page and
 * handler must refuse it by itself. "other" is a publisher of another organisation (Open Coast
 * Trust); the fixtures belong to publisher@demo.test's organisation (Northbank Daily).
 */

type Role = 'visitor' | 'forged' | 'other' | 'publisher' | 'staff' | 'admin';
const ROLES: Role[] = ['visitor', 'forged', 'other', 'publisher', 'staff', 'admin'];
/** A status, or 'login': a redirect to /login that brings the user back. */
type Answer = number | 'login';
/** `shows`: private-looking data this path exists to show everyone (the verification page names the publication). */
type Row = {
  method?: 'GET' | 'POST';
  path: string;
  body?: () => unknown;
  expect: Record<Role, Answer>;
  shows?: string[];
};

const LOGIN = 'login' as const;
const staffOnly = (admin: Answer = 200): Record<Role, Answer> => ({
  visitor: LOGIN,
  forged: 404,
  other: 404,
  publisher: 404,
  staff: 200,
  admin,
});
const adminOnly = (): Record<Role, Answer> => ({
  visitor: LOGIN,
  forged: 404,
  other: 404,
  publisher: 404,
  staff: 404,
  admin: 200,
});
const signedIn = (): Record<Role, Answer> => ({
  visitor: LOGIN,
  forged: LOGIN,
  other: 200,
  publisher: 200,
  staff: 200,
  admin: 200,
});
const ownOrgOrStaff = (): Record<Role, Answer> => ({
  visitor: LOGIN,
  forged: LOGIN,
  other: 404,
  publisher: 200,
  staff: 200,
  admin: 200,
});
const allStatus = (status: number): Record<Role, Answer> =>
  Object.fromEntries(ROLES.map((r) => [r, status])) as Record<Role, Answer>;
const everyone = (): Record<Role, Answer> => ({
  visitor: 200,
  forged: 200,
  other: 200,
  publisher: 200,
  staff: 200,
  admin: 200,
});

type Fixtures = {
  slug: string;
  articleId: number;
  ref: string;
  code: string;
  pubName: string;
  otherRef: string;
  otherCode: string;
  otherPubName: string;
  invoice: string;
  otherInvoice: string;
};

function matrix(f: Fixtures): Row[] {
  return [
    // Publisher pages
    { path: '/account/requests', expect: signedIn() },
    { path: `/account/requests/${f.ref}`, expect: ownOrgOrStaff() },
    { path: '/account/licenses', expect: signedIn() },
    { path: `/account/licenses/${f.code}`, expect: ownOrgOrStaff() },
    { path: '/account/settings', expect: signedIn() },
    { path: '/welcome', expect: signedIn() },
    // Each signed-in account sees its own organisation (or that it has none); owners' controls are checked per action.
    { path: '/account/organisation', expect: signedIn() },
    // Invitation links: public pages that say what a link is worth, and change nothing.
    { path: '/join?token=not-a-real-token-xxxxxxxxxxxxxxxxxxxxx', expect: everyone() },
    { path: '/staff-invitation?token=not-a-real-token-xxxxxxxxxxxxxxxxxxxxx', expect: everyone() },
    // Publishers of an organisation (owners act, members read); staff have no organisation there.
    {
      path: '/account/api',
      expect: { visitor: LOGIN, forged: LOGIN, other: 200, publisher: 200, staff: 404, admin: 404 },
    },
    { path: '/account/invoices', expect: signedIn() },
    { path: `/account/invoices/${f.invoice}`, expect: ownOrgOrStaff() },
    {
      path: `/account/invoices/${f.invoice}/pdf`,
      expect: { visitor: LOGIN, forged: 401, other: 404, publisher: 200, staff: 200, admin: 200 },
    },
    {
      path: `/account/invoices/${f.otherInvoice}/pdf`,
      expect: { visitor: LOGIN, forged: 401, other: 200, publisher: 404, staff: 200, admin: 200 },
    },
    { path: `/republish?article=${f.slug}`, expect: signedIn() },
    // Anyone may build a catalogue selection and see its price; only publishers submit (the action's level).
    { path: '/catalogue-licence', expect: everyone() },
    // The desk
    { path: '/admin', expect: staffOnly() },
    { path: '/admin/requests', expect: staffOnly() },
    { path: '/admin/requests?status=all&q=Northbank', expect: staffOnly() },
    { path: `/admin/requests/${f.ref}`, expect: staffOnly() },
    { path: '/admin/requests/export?status=all', expect: staffOnly() },
    { path: '/admin/articles', expect: staffOnly() },
    { path: `/admin/articles/${f.articleId}`, expect: staffOnly() },
    { path: '/admin/rate-card', expect: staffOnly() },
    { path: '/admin/ai', expect: staffOnly() },
    { path: '/admin/usage', expect: staffOnly() },
    { path: '/admin/outbox', expect: staffOnly() },
    { path: '/admin/invoices', expect: staffOnly() },
    { path: '/admin/invoices?state=overdue&bucket=1-30', expect: staffOnly() },
    { path: '/admin/invoices/export?state=all', expect: staffOnly() },
    { path: '/admin/feeds', expect: staffOnly() },
    { path: '/admin/embed', expect: staffOnly() },
    { path: '/admin/users', expect: adminOnly() },
    { path: '/admin/settings', expect: adminOnly() },
    {
      path: '/admin/no-such-page',
      expect: { visitor: LOGIN, forged: 404, other: 404, publisher: 404, staff: 404, admin: 404 },
    },
    // APIs
    {
      path: `/api/licenses/${f.code}/download?format=html`,
      expect: { visitor: 401, forged: 401, other: 404, publisher: 200, staff: 200, admin: 200 },
    },
    {
      path: `/api/licenses/${f.code}/download?format=pdf`,
      expect: { visitor: 401, forged: 401, other: 404, publisher: 200, staff: 200, admin: 200 },
    },
    {
      path: `/api/licenses/${f.otherCode}/download?format=txt`,
      expect: { visitor: 401, forged: 401, other: 200, publisher: 404, staff: 200, admin: 200 },
    },
    {
      method: 'POST',
      path: '/api/requests',
      body: () => requestBody(f.slug, `Matrix ${randomUUID()}`),
      expect: { visitor: 401, forged: 401, other: 201, publisher: 201, staff: 403, admin: 403 },
    },
    { path: '/api/me', expect: everyone() },
    // The v1 API answers bearer tokens only: a session cookie is not a token (token cases: the test below).
    { path: '/api/v1/licenses', expect: allStatus(401) },
    { path: '/api/v1/notices', expect: allStatus(401) },
    { path: '/api/notices', expect: allStatus(401) },
    { path: `/api/v1/licenses/${f.code}/copies/html`, expect: allStatus(401) },
    { path: `/api/v1/licenses/${f.code}/export`, expect: allStatus(401) },
    { path: `/api/licenses/${f.code}/export`, expect: allStatus(401) },
    { path: '/api/openapi.json', expect: everyone() },
    // Stripe's webhook: no session counts, only a valid signature (none here).
    {
      method: 'POST',
      path: '/api/payments/stripe',
      body: () => ({ id: 'evt_forged', type: 'checkout.session.completed' }),
      expect: { visitor: 400, forged: 400, other: 400, publisher: 400, staff: 400, admin: 400 },
    },
    {
      method: 'POST',
      path: '/api/quote',
      body: () => ({
        articles: [f.slug],
        licenseeType: 'commercial',
        use: 'web',
        audience: 5000,
        territory: 'country',
        duration: '1y',
        portion: 'full',
        translation: false,
      }),
      expect: everyone(),
    },
    { path: '/api/catalogue-quote?section=News&use=ai-input&territory=worldwide&duration=1y', expect: everyone() },
    { path: '/api/catalogue-quote?use=not-a-use&territory=worldwide&duration=1y', expect: allStatus(400) },
    // Public pages that show a licence or request data: verification says only what is public.
    { path: `/licenses/${f.code}`, expect: everyone(), shows: [f.pubName] },
    // Its signed twin for machines, and the keys that check it.
    { path: `/api/licenses/${f.code}`, expect: everyone(), shows: [f.pubName] },
    { path: '/.well-known/jwks.json', expect: everyone() },
    // What the desk tells machines: public by design, the same for everyone (lib/ai-terms).
    { path: '/license.xml', expect: everyone() },
    { path: '/robots.txt', expect: everyone() },
    { path: '/sitemap.xml', expect: everyone() },
    { path: '/.well-known/tdmrep.json', expect: everyone() },
    { path: '/policies/tdm.json', expect: everyone() },
    { path: '/', expect: everyone() },
    // Account pages reached without signing in: a mailed link's token is the proof, and a bad one
    // gets the same page for everyone (the link's outcome), never anyone's data.
    { path: '/forgot-password', expect: everyone() },
    { path: `/reset-password?token=${'x'.repeat(43)}`, expect: everyone() },
    { path: `/verify-email?token=${'x'.repeat(43)}`, expect: everyone() },
    { path: `/change-email?token=${'x'.repeat(43)}`, expect: everyone() },
    // The door from the publisher's site: public, and never anyone's data.
    {
      path: `/r?url=${encodeURIComponent('https://harbourledger.example/news/not-yet')}`,
      expect: { visitor: 303, forged: 303, other: 303, publisher: 303, staff: 303, admin: 303 },
    },
    { path: `/r/unlisted?url=${encodeURIComponent('https://harbourledger.example/news/not-yet')}`, expect: everyone() },
    {
      path: '/r?url=javascript:alert(1)',
      expect: { visitor: 400, forged: 400, other: 400, publisher: 400, staff: 400, admin: 400 },
    },
    {
      path: `/embed/frame?url=${encodeURIComponent('https://harbourledger.example/news/not-yet')}`,
      expect: everyone(),
    },
    { path: `/badge.svg?url=${encodeURIComponent('https://harbourledger.example/news/not-yet')}`, expect: everyone() },
    { path: `/embed/data?url=${encodeURIComponent('https://harbourledger.example/news/not-yet')}`, expect: everyone() },
    { path: '/embed.js', expect: everyone() },
  ];
}

function requestBody(slug: string, publicationName: string) {
  return {
    articles: [slug],
    use: 'web',
    audience: 5000,
    territory: 'country',
    territoryDetail: 'United Kingdom',
    duration: '1y',
    portion: 'full',
    translation: false,
    publicationName,
    publicationUrl: 'https://example.org/matrix',
    startDate: new Date().toISOString().slice(0, 10),
    acceptTerms: true,
  };
}

const base = () => process.env.E2E_BASE_URL!;
const cookies = {} as Record<Role, string | undefined>;
let f: Fixtures;

async function send(role: Role, path: string, method: 'GET' | 'POST' = 'GET', body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (cookies[role]) headers.cookie = cookies[role]!;
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['idempotency-key'] = randomUUID();
  }
  return fetch(`${base()}${path}`, {
    method,
    headers,
    redirect: 'manual',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A request through the real API as that user; small enough to be approved at once, so it has a licence. */
async function licensed(role: Role, slug: string, publicationName: string): Promise<{ ref: string; code: string }> {
  const res = await send(role, '/api/requests', 'POST', requestBody(slug, publicationName));
  const json = (await res.json()) as { reference: string; licenseCode: string | null; status: string };
  expect(res.status, JSON.stringify(json)).toBe(201);
  expect(json.licenseCode, `${publicationName} was not auto-approved (${json.status})`).toMatch(/^LIC-/);
  return { ref: json.reference, code: json.licenseCode! };
}

test.beforeAll(async () => {
  cookies.forged = 'next-auth.session-token=forged.not-a-jwt.at-all';
  cookies.other = await signInHttp(base(), 'nonprofit@demo.test', DEMO_PASSWORD);
  cookies.publisher = await signInHttp(base(), 'publisher@demo.test', DEMO_PASSWORD);
  cookies.staff = await signInHttp(base(), 'staff@demo.test', DEMO_PASSWORD);
  cookies.admin = await signInHttp(base(), 'admin@demo.test', DEMO_PASSWORD);
  const list = (await (await fetch(`${base()}/api/articles?licensable=1`)).json()) as {
    items: { slug: string; rightsStatus: string }[];
  };
  const slug = list.items.find((a) => a.rightsStatus === 'owned')!.slug;
  const tag = randomUUID().slice(0, 8);
  const pubName = `Northbank Private Edition ${tag}`;
  const otherPubName = `Open Coast Confidential ${tag}`;
  const mine = await licensed('publisher', slug, pubName);
  const theirs = await licensed('other', slug, otherPubName);
  // The article's admin id, from the staff list (the only place ids are shown).
  const adminList = await (
    await send('staff', `/admin/articles?q=${encodeURIComponent(slug.split('-').slice(0, 3).join(' '))}`)
  ).text();
  const invoiceOf = async (role: Role, code: string) =>
    /href="\/account\/invoices\/(INV-[\d-]+)"/.exec(await (await send(role, `/account/licenses/${code}`)).text())?.[1];
  const invoice = await invoiceOf('publisher', mine.code);
  const otherInvoice = await invoiceOf('other', theirs.code);
  expect(invoice && otherInvoice, 'both licences have invoices').toBeTruthy();
  const articleId = Number(/href="\/admin\/articles\/(\d+)"/.exec(adminList)?.[1]);
  expect(articleId, 'an article id on /admin/articles').toBeGreaterThan(0);
  f = {
    slug,
    articleId,
    ref: mine.ref,
    code: mine.code,
    pubName,
    otherRef: theirs.ref,
    otherCode: theirs.code,
    otherPubName,
    invoice: invoice!,
    otherInvoice: otherInvoice!,
  };
});

/** What a role must never see: the other organisation's private data, anyone's password hash. */
function forbiddenFor(role: Role): string[] {
  const mine = [f.pubName, f.ref, f.code];
  const theirs = [f.otherPubName, f.otherRef, f.otherCode];
  if (role === 'publisher') return theirs;
  if (role === 'other') return mine;
  if (role === 'visitor' || role === 'forged') return [f.pubName, f.otherPubName, f.ref, f.otherRef];
  return [];
}

test('every protected page, export and API answers each role as the table says, and leaks nothing', async () => {
  test.setTimeout(180_000);
  const failures: string[] = [];
  for (const row of matrix(f)) {
    for (const role of ROLES) {
      const want = row.expect[role];
      const res = await send(role, row.path, row.method, row.body?.());
      const text = res.headers.get('content-type')?.includes('pdf')
        ? Buffer.from(await res.arrayBuffer()).toString('latin1')
        : await res.text();
      const label = `${row.method ?? 'GET'} ${row.path} as ${role}`;
      if (want === LOGIN) {
        const location = res.headers.get('location') ?? '';
        if (![303, 307, 308].includes(res.status) || new URL(location, base()).pathname !== '/login')
          failures.push(`${label}: wanted a redirect to /login, got ${res.status} ${location}`);
        else if (!new URL(location, base()).searchParams.get('callbackUrl'))
          failures.push(`${label}: the redirect to /login forgets where to come back to`);
      } else if (res.status !== want) {
        failures.push(`${label}: wanted ${want}, got ${res.status}`);
      }
      if (/scrypt\$|argon2id\$|password_?hash/i.test(text)) failures.push(`${label}: a password hash in the response`);
      // What the caller typed into the URL may come back (titles of 404 pages); anything else may not.
      for (const secret of forbiddenFor(role))
        if (!row.path.includes(secret) && !row.shows?.includes(secret) && text.includes(secret))
          failures.push(`${label}: shows ${secret}`);
    }
  }
  expect(failures).toEqual([]);
});

test('a signed-in publisher only ever lists their own organisation', async () => {
  for (const [role, theirs] of [
    ['publisher', [f.otherPubName, f.otherRef, f.otherCode]],
    ['other', [f.pubName, f.ref, f.code]],
  ] as const) {
    for (const path of [
      '/account/requests',
      '/account/requests?status=approved',
      '/account/licenses',
      '/admin/requests/export?status=all',
    ]) {
      const text = await (await send(role, path)).text();
      for (const s of theirs) expect(text, `${path} as ${role}`).not.toContain(s);
    }
  }
  // And the own data is there (the lists above are not just empty).
  expect(await (await send('publisher', '/account/requests')).text()).toContain(f.ref);
  expect(await (await send('other', '/account/licenses')).text()).toContain(f.otherCode);
  const csv = await (await send('staff', '/admin/requests/export?status=all')).text();
  expect(csv).toContain(f.ref);
  expect(csv).toContain(f.otherRef);
});

test('the organisation page shows each account its own organisation’s people, nobody else’s', async () => {
  const own = await (await send('publisher', '/account/organisation')).text();
  expect(own).toContain('Northbank Daily');
  expect(own).toContain('publisher@demo.test');
  expect(own).not.toContain('nonprofit@demo.test');
  const other = await (await send('other', '/account/organisation')).text();
  expect(other).toContain('nonprofit@demo.test');
  expect(other).not.toContain('publisher@demo.test');
  expect(other).not.toContain('Northbank Daily');
  for (const role of ['staff', 'admin'] as const) {
    const text = await (await send(role, '/account/organisation')).text();
    expect(text).toContain('Staff accounts do not belong to a licensee organisation');
    expect(text).not.toContain('publisher@demo.test');
  }
});

test('hostile search parameters get an answer, never a server error', async () => {
  const hostile = [
    '"',
    '"unbalanced',
    "' OR '1'='1",
    'harbour NEAR ferry',
    'NEAR(harbour ferry, 2)',
    '*',
    'harb*',
    '-',
    'AND OR NOT',
    'title:harbour',
    '^harbour',
    '🙂🚢 harbour',
    '\u0000',
    '%',
    '\\',
    'x'.repeat(1000),
    'harbour '.repeat(200),
    '<img src=x onerror=alert(1)>',
  ];
  for (const q of hostile) {
    for (const path of ['/articles', '/api/articles']) {
      const res = await send('visitor', `${path}?q=${encodeURIComponent(q)}`);
      expect(res.status, `${path} q=${JSON.stringify(q.slice(0, 40))}`).toBe(200);
      const text = await res.text();
      expect(text).not.toContain('<img src=x onerror');
    }
    const staff = await send('staff', `/admin/requests?q=${encodeURIComponent(q)}`);
    expect(staff.status, `/admin/requests q=${JSON.stringify(q.slice(0, 40))}`).toBe(200);
  }
  // Other filters and paging with nonsense are refused or ignored, never a 500.
  for (const qs of [
    'page=-1',
    'page=99999999999999999999',
    'page=abc',
    'section=%00',
    `tag=${'t'.repeat(500)}`,
    'from=2026-13-45',
    'to=yesterday',
    'sort=drop',
    'licensable=maybe',
  ]) {
    for (const path of ['/articles', '/api/articles']) {
      const res = await send('visitor', `${path}?${qs}`);
      expect([200, 400], `${path}?${qs}`).toContain(res.status);
    }
  }
});

test('hostile download, verification and reference parameters: 400/404, never 500', async () => {
  const own = (format: string) => `/api/licenses/${f.code}/download?format=${encodeURIComponent(format)}`;
  for (const format of ['../../etc/passwd', 'PDF', 'Html', 'html ', 'html\u0000', '', 'exe', 'zip/../pdf']) {
    const res = await send('publisher', own(format));
    expect(res.status, `format=${JSON.stringify(format)}`).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/Choose a format/);
  }
  const res = await send('publisher', `/api/licenses/${f.code}/download`);
  expect(res.status).toBe(400);

  const codes = [
    "LIC-' OR '1'='1",
    "LIC-7QK4'--",
    'L'.repeat(5000),
    `${f.code}%00`,
    '..%2F..%2Fetc%2Fpasswd',
    '%F0%9F%99%82',
    'lic-0000-0000-0000',
  ];
  expect((await send('publisher', `/api/licenses/${f.otherCode}/download?format=html`)).status).toBe(404);
  for (const code of codes) {
    const path = `/api/licenses/${code.includes('%') ? code : encodeURIComponent(code)}/download?format=html`;
    const r = await send('publisher', path);
    expect(r.status, path.slice(0, 80)).toBe(404);
    const page = await send('visitor', `/licenses/${code.includes('%') ? code : encodeURIComponent(code)}`);
    expect([404, 400], `/licenses/${code.slice(0, 40)}`).toContain(page.status);
  }
  for (const ref of ["RR-2026-000001' OR 1=1--", 'R'.repeat(3000), '%E2%80%AE', f.otherRef]) {
    const p = ref.includes('%') ? ref : encodeURIComponent(ref);
    expect((await send('publisher', `/account/requests/${p}`)).status, ref.slice(0, 40)).toBe(404);
    if (ref !== f.otherRef) expect((await send('staff', `/admin/requests/${p}`)).status, ref.slice(0, 40)).toBe(404);
  }
  for (const id of ['0', '-1', 'abc', '1e999', '9'.repeat(40)])
    expect((await send('staff', `/admin/articles/${id}`)).status, id).toBe(404);
  // The verification form's redirect keeps to this site, whatever is typed.
  const verify = await send('visitor', `/licenses?code=${encodeURIComponent('//evil.example/x')}`);
  expect([200, 307, 404]).toContain(verify.status);
  const to = verify.headers.get('location');
  if (to) expect(new URL(to, base()).origin).toBe(new URL(base()).origin);
});

test('hostile JSON bodies on the APIs: 4xx with a reason, never 500', async () => {
  const bodies: [string, string][] = [
    ['not json', '{"articles":'],
    ['an array', '[]'],
    ['null', 'null'],
    ['a string', '"x"'],
    [
      'wrong types',
      JSON.stringify({
        articles: 'x',
        use: 1,
        audience: 'lots',
        territory: [],
        duration: {},
        portion: null,
        translation: 'yes',
      }),
    ],
    ['prototype keys', '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},"articles":["x"]}'],
    [
      'huge numbers',
      JSON.stringify({
        articles: [f.slug],
        use: 'web',
        audience: 1e308,
        territory: 'country',
        duration: '1y',
        portion: 'full',
        translation: false,
      }),
    ],
    [
      'many articles',
      JSON.stringify({
        articles: Array.from({ length: 500 }, (_, i) => `a-${i}`),
        use: 'web',
        audience: 10,
        territory: 'country',
        duration: '1y',
        portion: 'full',
        translation: false,
      }),
    ],
  ];
  for (const [what, body] of bodies) {
    for (const path of ['/api/quote', '/api/requests']) {
      const res = await fetch(`${base()}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookies.publisher! },
        body,
      });
      expect([400, 413, 422], `${path} with ${what}`).toContain(res.status);
      const json = (await res.json()) as { error?: string; errors?: object };
      expect(json.error ?? json.errors, `${path} with ${what} says why`).toBeTruthy();
    }
  }
  const big = await fetch(`${base()}/api/quote`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pad: 'x'.repeat(100_000) }),
  });
  expect(big.status).toBe(413);
});

test("API tokens: only a live token of the licence's organisation reads it; revoked, expired and unknown are 401", async () => {
  // Tokens written straight into the server's database, as /account/api would (SHA-256 only).
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'desk.db'));
  const make = (email: string, over: { revokedAt?: string; expiresAt?: string } = {}) => {
    const token = `rdk_${randomBytes(32).toString('base64url')}`;
    const user = db.prepare('select id, organization_id as org from users where email = ?').get(email) as {
      id: number;
      org: number;
    };
    db.prepare(
      'insert into api_tokens (organization_id, name, scope, prefix, token_hash, created_by, revoked_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      user.org,
      'matrix',
      'read',
      token.slice(0, 12),
      createHash('sha256').update(token).digest('hex'),
      user.id,
      over.revokedAt ?? null,
      over.expiresAt ?? null,
    );
    return token;
  };
  const past = new Date(Date.now() - 60_000).toISOString();
  const tokens = {
    mine: make('publisher@demo.test'),
    theirs: make('nonprofit@demo.test'),
    revoked: make('publisher@demo.test', { revokedAt: past }),
    expired: make('publisher@demo.test', { expiresAt: past }),
    unknown: `rdk_${randomBytes(32).toString('base64url')}`,
  };
  db.close();
  const call = (token: string, p: string) =>
    fetch(`${base()}${p}`, { headers: { authorization: `Bearer ${token}` }, redirect: 'manual' });
  const own = `/api/v1/licenses/${f.code}/copies/txt`;
  const table: [keyof typeof tokens, string, number][] = [
    ['mine', '/api/v1/licenses', 200],
    ['mine', own, 200],
    ['mine', `/api/v1/licenses/${f.otherCode}/copies/txt`, 404],
    ['mine', '/api/v1/notices', 200],
    ['mine', '/api/notices', 200],
    // A token is not a session: the desk's pages and cookie routes do not know it.
    ['mine', `/api/licenses/${f.code}/download?format=txt`, 401],
    ['theirs', own, 404],
    ['theirs', `/api/v1/licenses/${f.otherCode}/copies/txt`, 200],
    // The export is for catalogue licences only (f.code is per article: not found); theirs is never found.
    ['mine', `/api/v1/licenses/${f.code}/export`, 404],
    ['theirs', `/api/v1/licenses/${f.code}/export`, 404],
    ['theirs', `/api/licenses/${f.code}/export`, 404],
    ...(['revoked', 'expired', 'unknown'] as const).flatMap((t) =>
      ['/api/v1/licenses', own, '/api/v1/notices', '/api/notices', `/api/v1/licenses/${f.code}/export`].map(
        (p): [keyof typeof tokens, string, number] => [t, p, 401],
      ),
    ),
  ];
  const failures: string[] = [];
  for (const [who, p, want] of table) {
    const res = await call(tokens[who], p);
    const text = await res.text();
    if (res.status !== want) failures.push(`${p} with the ${who} token: wanted ${want}, got ${res.status}`);
    // The token API challenges for a bearer token; the desk's cookie routes know no token at all.
    if (want === 401 && !p.includes('/download?') && !res.headers.get('www-authenticate')?.startsWith('Bearer'))
      failures.push(`${p} with the ${who} token: no WWW-Authenticate`);
    const secrets = who === 'theirs' ? [f.code, f.pubName] : [f.otherCode, f.otherPubName];
    for (const secret of secrets)
      if (!p.includes(secret) && text.includes(secret)) failures.push(`${p} with the ${who} token shows ${secret}`);
  }
  // Scope: every token is `read`. It writes nothing: the token API has no other method, and a token
  // sent to a page or a form's POST is no session.
  for (const p of ['/api/v1/licenses', own, '/api/v1/notices', '/api/notices']) {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await fetch(`${base()}${p}`, {
        method,
        headers: { authorization: `Bearer ${tokens.mine}`, 'content-type': 'application/json' },
        body: '{}',
        redirect: 'manual',
      });
      await res.body?.cancel();
      if (res.status !== 405) failures.push(`${method} ${p} with a read token: wanted 405, got ${res.status}`);
    }
  }
  const asPage = await call(tokens.mine, '/account/api');
  if (!(asPage.status >= 300 && asPage.status < 400 && asPage.headers.get('location')?.includes('/login')))
    failures.push(`/account/api with a token (no cookie): wanted a redirect to sign in, got ${asPage.status}`);
  const submit = await fetch(`${base()}/api/requests`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.mine}`, 'content-type': 'application/json' },
    body: JSON.stringify(requestBody(f.slug, `Token ${randomUUID()}`)),
  });
  if (submit.status !== 401) failures.push(`POST /api/requests with a token: wanted 401, got ${submit.status}`);
  const me = (await (await call(tokens.mine, '/api/me')).json()) as { user: unknown };
  if (me.user !== null) failures.push('/api/me with a token names a user');
  expect(failures).toEqual([]);
});
