import { beforeEach, describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import { GET as licenseGET } from '@/app/license.xml/route';
import { GET as robotsGET } from '@/app/robots.txt/route';
import { GET as sitemapGET } from '@/app/sitemap.xml/route';
import { GET as tdmrepGET } from '@/app/.well-known/tdmrep.json/route';
import { GET as policyGET } from '@/app/policies/tdm.json/route';
import type { Db } from '@/db/client';
import { sectionTdmValues } from '@/lib/ai-terms/article-headers';
import { tdmHeadersFromHtml } from '@/lib/ai-terms/tdm-meta';
import { aiSettingsFormSchema } from '@/lib/ai-terms/form';
import { saveAiSettings } from '@/lib/ai-terms/save';
import { DEFAULT_RATE_CARD } from '@/lib/quote';
import { saveRateCard } from '@/lib/rate-card';
import { siteUrl } from '@/lib/site';
import { writeSettings } from '@/lib/settings/write';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { seedDemoArticles } from '../helpers/catalogue';
import { freshDb } from '../helpers/db';
import { makeUser } from '../helpers/factories';

const RSL = 'https://rslstandard.org/rsl';
let db: Db;
beforeEach(() => {
  db = freshDb();
  seedDemoArticles(db);
});

type El = Element;
const kids = (el: El, name: string) =>
  [...el.childNodes].filter((n): n is El => n.nodeType === 1 && (n as El).localName === name);

/** Parses the answer as XML and checks it against the RSL 1.0 structure (rsl > content[url] > license …). */
async function rsl() {
  const res = await licenseGET();
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/rsl\+xml/);
  const doc = create(await res.text()).node as unknown as Document;
  const root = doc.documentElement;
  expect(root.localName).toBe('rsl');
  expect(root.namespaceURI).toBe(RSL);
  const contents = kids(root, 'content');
  expect(contents.length).toBeGreaterThan(0);
  for (const c of contents) {
    expect(c.namespaceURI).toBe(RSL);
    expect(c.getAttribute('url')).toMatch(/^https?:\/\/.+\*$/);
    expect(kids(c, 'license').length).toBeGreaterThan(0);
    for (const l of kids(c, 'license')) {
      for (const p of [...kids(l, 'permits'), ...kids(l, 'prohibits')]) {
        expect(p.getAttribute('type')).toBe('usage');
        for (const u of p.textContent!.split(',')) expect(['ai-train', 'ai-input', 'ai-index', 'search']).toContain(u);
      }
      const [payment, ...more] = kids(l, 'payment');
      expect(more).toEqual([]);
      expect(['purchase', 'free']).toContain(payment!.getAttribute('type'));
    }
    expect(kids(c, 'copyright')[0]!.getAttribute('type')).toBe('organization');
    expect(kids(c, 'terms')[0]!.textContent).toBe(`${siteUrl()}/catalogue-licence`);
  }
  const byUrl = (url: string) => contents.find((c) => c.getAttribute('url') === url)!;
  /** The paid licence of one use in a content: its payment. */
  const payment = (content: El, use: string) => {
    const l = kids(content, 'license').find((x) => kids(x, 'permits')[0]!.textContent === use);
    return l && kids(l, 'payment')[0]!;
  };
  return { contents, byUrl, payment };
}

describe('/license.xml', () => {
  it('is RSL 1.0 XML whose amounts are the rate card’s, per section folder of the canonical URLs', async () => {
    const { byUrl, payment } = await rsl();
    const politics = byUrl('https://harbourledger.example/politics/*');
    const p = payment(politics, 'ai-train')!;
    expect(p.getAttribute('type')).toBe('purchase');
    const amount = kids(p, 'amount')[0]!;
    expect(amount.getAttribute('currency')).toBe('GBP');
    expect(amount.textContent).toBe('20.00'); // £20 × ai_developer 1.0
    expect(kids(p, 'custom')[0]!.textContent).toBe(`${siteUrl()}/catalogue-licence?use=ai-train`);
    const tiers = kids(kids(p, 'tiers')[0]!, 'tier').map((t) => [
      t.getAttribute('from'),
      t.getAttribute('to'),
      t.getAttribute('amount'),
    ]);
    expect(tiers).toEqual([
      ['1', '1000', '20.00'],
      ['1001', '10000', '8.00'],
      ['10001', null, '3.00'],
    ]);
    expect(kids(payment(politics, 'ai-index')!, 'amount')[0]!.textContent).toBe('5.00');
    expect(kids(payment(politics, 'ai-input')!, 'amount')[0]!.textContent).toBe('15.00');
  });

  it('shows a new rate at once after the rate card is saved (nothing cached)', async () => {
    const admin = makeUser(db, { role: 'admin' });
    const card = {
      ...DEFAULT_RATE_CARD,
      baseFee: { ...DEFAULT_RATE_CARD.baseFee, 'ai-train': 3350 },
      licenseeType: { ...DEFAULT_RATE_CARD.licenseeType, ai_developer: 1250 },
    };
    await saveRateCard(card, admin.id, db);
    const { byUrl, payment } = await rsl();
    const p = payment(byUrl('https://harbourledger.example/science/*'), 'ai-train')!;
    expect(kids(p, 'amount')[0]!.textContent).toBe('41.875'); // £33.50 × 1.25, exact
  });

  it('follows the section policies: reserve prohibits the AI uses, allow is free', async () => {
    saveAiSettings(
      aiSettingsFormSchema.parse({
        section: ['Health', 'Culture'],
        policy: ['reserve', 'allow'],
        defaultPolicy: 'license',
      }),
      db,
    );
    const { byUrl, payment } = await rsl();
    const health = byUrl('https://harbourledger.example/health/*');
    expect(payment(health, 'ai-train')).toBeUndefined();
    const l = kids(health, 'license')[0]!;
    expect(kids(l, 'prohibits')[0]!.textContent).toBe('ai-train,ai-input,ai-index');
    const culture = kids(byUrl('https://harbourledger.example/culture/*'), 'license')[0]!;
    expect(kids(culture, 'permits')[0]!.textContent).toBe('ai-train,ai-input,ai-index,search');
    expect(kids(culture, 'payment')[0]!.getAttribute('type')).toBe('free');
    // The desk's own article pages mix every section: the strictest.
    expect(payment(byUrl(`${siteUrl()}/articles/*`), 'ai-train')).toBeUndefined();
  });
});

describe('robots.txt and the sitemap', () => {
  it('names the licence and the sitemap, and adds the staff’s crawler rules', async () => {
    writeSettings(
      {
        ai: {
          ...DEFAULT_SETTINGS.ai,
          crawlerRules: 'user-agent: GPTBot\ndisallow: /\n\nUser-agent: CCBot\nCrawl-delay: 10',
        },
      },
      db,
    );
    const text = await (await robotsGET()).text();
    expect(text).toContain(`License: ${siteUrl()}/license.xml\n`);
    expect(text).toContain(`Sitemap: ${siteUrl()}/sitemap.xml\n`);
    expect(text).toContain('User-agent: GPTBot\nDisallow: /\n\nUser-agent: CCBot\nCrawl-delay: 10\n');
    const sitemap = await (await sitemapGET()).text();
    expect(sitemap).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(sitemap).toContain(`${siteUrl()}/articles/council-passes-budget-after-all-night-session</loc>`);
  });

  it('refuses crawler rules that are not User-agent / Allow / Disallow / Crawl-delay', () => {
    for (const bad of [
      'License: https://evil.example/license.xml',
      'Sitemap: https://evil.example/s.xml',
      'Disallow: /', // outside a group
      'User-agent: *\nHost: evil.example',
      'User-agent: *\nDisallow: /x\u0000',
      'User-agent: *\nCrawl-delay: soon',
      'User-agent: bad agent',
    ]) {
      const r = aiSettingsFormSchema.safeParse({ defaultPolicy: 'license', crawlerRules: bad });
      expect(r.success, bad).toBe(false);
    }
    // A stored value from before the rule cannot inject a directive either.
    writeSettings(
      { ai: { ...DEFAULT_SETTINGS.ai, crawlerRules: 'User-agent: *\nLicense: https://evil.example/' } },
      db,
    );
    return robotsGET()
      .then((r) => r.text())
      .then((t) => expect(t).not.toContain('evil.example'));
  });
});

describe('TDMRep', () => {
  it('tdmrep.json reserves the article paths of licensed and reserved sections, with the policy URL', async () => {
    saveAiSettings(
      aiSettingsFormSchema.parse({ section: ['Culture'], policy: ['allow'], defaultPolicy: 'license' }),
      db,
    );
    const entries = (await (await tdmrepGET()).json()) as Record<string, unknown>[];
    expect(Array.isArray(entries)).toBe(true);
    for (const e of entries) {
      expect(Object.keys(e).every((k) => ['location', 'tdm-reservation', 'tdm-policy'].includes(k))).toBe(true);
      expect(String(e.location)).toMatch(/^\/.*\*$/);
    }
    const policyUrl = `${siteUrl()}/policies/tdm.json`;
    expect(entries).toContainEqual({ location: '/politics/*', 'tdm-reservation': 1, 'tdm-policy': policyUrl });
    expect(entries).toContainEqual({ location: '/culture/*', 'tdm-reservation': 0 });
    expect(entries).toContainEqual({ location: '/articles/*', 'tdm-reservation': 1, 'tdm-policy': policyUrl });
  });

  it('the policy is an ODRL 2.2 offer with the TDMRep profile, its contact the catalogue-licence form', async () => {
    const res = await policyGET();
    expect(res.headers.get('content-type')).toMatch(/json/);
    const p = (await res.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(p['@context']).toContain('http://www.w3.org/ns/odrl.jsonld');
    expect(p['@type']).toBe('Offer');
    expect(p.profile).toBe('http://www.w3.org/ns/tdmrep');
    expect(p.uid).toBe(`${siteUrl()}/policies/tdm.json`);
    expect(p.assigner['vcard:fn']).toBe('The Harbour Ledger');
    expect(p.assigner['vcard:hasURL']).toBe(`${siteUrl()}/catalogue-licence`);
    expect(p.permission[0]).toMatchObject({ action: 'tdm:mine', target: `${siteUrl()}/articles/` });
    expect(p.permission[0].duty.map((d: { action: string }) => d.action)).toEqual(['obtainConsent', 'compensate']);
  });

  it('an article’s values follow its section: reserved or licensed 1 with the policy, allowed 0', () => {
    saveAiSettings(
      aiSettingsFormSchema.parse({
        section: ['Culture', 'Health'],
        policy: ['allow', 'reserve'],
        defaultPolicy: 'license',
      }),
      db,
    );
    const policy = `${siteUrl()}/policies/tdm.json`;
    expect(sectionTdmValues('Culture', db)).toEqual({ 'tdm-reservation': '0' });
    expect(sectionTdmValues('Health', db)).toEqual({ 'tdm-reservation': '1', 'tdm-policy': policy });
    expect(sectionTdmValues('Politics', db)).toEqual({ 'tdm-reservation': '1', 'tdm-policy': policy });
  });

  it('the page cache lifts the meta tags into headers, and only well-formed ones', () => {
    const page = (meta: string) => `<html><head>${meta}<title>x</title></head><body>b</body></html>`;
    expect(
      tdmHeadersFromHtml(
        page(
          '<meta name="tdm-reservation" content="1"/><meta name="tdm-policy" content="https://desk.test/policies/tdm.json"/>',
        ),
      ),
    ).toEqual({ 'tdm-reservation': '1', 'tdm-policy': 'https://desk.test/policies/tdm.json' });
    expect(tdmHeadersFromHtml(page('<meta name="tdm-reservation" content="0"/>'))).toEqual({ 'tdm-reservation': '0' });
    expect(tdmHeadersFromHtml(page(''))).toEqual({});
    expect(tdmHeadersFromHtml(page('<meta name="tdm-reservation" content="yes"/>'))).toEqual({});
    // Only the head counts: an article body quoting the tag is not the page's own.
    expect(
      tdmHeadersFromHtml('<html><head></head><body><meta name="tdm-reservation" content="1"/></body></html>'),
    ).toEqual({});
  });
});
