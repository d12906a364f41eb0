import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { articles } from '@/db/schema';
import { demoArticles, PUBLISHER } from '@/scripts/demo/seed-data/articles';
import { eq } from 'drizzle-orm';
import { resolveLink } from '@/lib/catalogue/link';
import { writeSettings } from '@/lib/settings/write';
import { freshDb } from '../helpers/db';
import { seedDemoArticles } from '../helpers/catalogue';
import { makeArticle } from '../helpers/factories';

let db: Db;
beforeEach(() => {
  db = freshDb();
  seedDemoArticles(db);
});

const q = (p: Record<string, string> | string) => new URLSearchParams(p);
const canonical = (a: (typeof demoArticles)[number]) => `${PUBLISHER.baseUrl}/${a.section.toLowerCase()}/${a.slug}`;

describe('/r?url= resolution', () => {
  it('finds every demo article by its canonical URL, with www., a trailing slash or tracking parameters', async () => {
    for (const a of demoArticles) {
      const url = canonical(a);
      for (const variant of [
        url,
        url.replace('https://', 'https://www.'),
        `${url}/`,
        `${url}?utm_source=x`,
        `${url.toUpperCase().replace(/\/[^/]+\/[^/]+$/, '')}${url.slice(url.indexOf('/', 8))}#top`,
      ]) {
        const r = await resolveLink(q({ url: variant }), db);
        const visible = !a.embargoUntil || new Date(a.embargoUntil) <= new Date();
        if (visible) expect(r, variant).toEqual({ kind: 'article', location: `/articles/${a.slug}` });
        else expect(r.kind).toBe('ours-unlisted');
      }
    }
  });

  it('carries the calculator options along, and only those', async () => {
    const a = demoArticles[0];
    const r = await resolveLink(
      q({ url: canonical(a), use: 'print', duration: '30d', audience: '5000', translation: '1' }),
      db,
    );
    expect(r).toEqual({
      kind: 'article',
      location: `/articles/${a.slug}?use=print&audience=5000&duration=30d&translation=1`,
    });
  });

  it('says "being added" for an unknown address on the publisher domains, "not ours" elsewhere', async () => {
    expect((await resolveLink(q({ url: 'https://harbourledger.example/news/published-an-hour-ago' }), db)).kind).toBe(
      'ours-unlisted',
    );
    expect((await resolveLink(q({ url: 'https://elsewhere.example/' }), db)).kind).toBe('not-ours');
    expect((await resolveLink(q({ url: 'https://harbourledger.example.evil.example/news/x' }), db)).kind).toBe(
      'not-ours',
    );
    expect((await resolveLink(q({ url: 'https://news.partner.example/x' }), db)).kind).toBe('not-ours');
    writeSettings({ publisherDomains: ['partner.example'] }, db);
    expect((await resolveLink(q({ url: 'https://news.partner.example/x' }), db)).kind).toBe('ours-unlisted');
  });

  it('finds an article imported a moment ago (the look-up index follows writes)', async () => {
    const url = 'https://harbourledger.example/news/just-in';
    expect((await resolveLink(q({ url }), db)).kind).toBe('ours-unlisted');
    makeArticle(db, { slug: 'just-in', canonicalUrl: url });
    expect(await resolveLink(q({ url: `${url}/?utm_medium=social` }), db)).toEqual({
      kind: 'article',
      location: '/articles/just-in',
    });
  });

  it('does not reveal a hidden article', async () => {
    const a = demoArticles[0];
    db.update(articles).set({ hidden: true }).where(eq(articles.slug, a.slug)).run();
    expect((await resolveLink(q({ url: canonical(a) }), db)).kind).toBe('ours-unlisted');
  });

  it.each([
    ['', 'address'],
    ['url=javascript:alert(1)', 'http'],
    ['url=data:text/html,x', 'http'],
    ['url=//evil.example/', 'http'],
    ['url=/articles/x', 'http'],
    ['url=https://a.example/&url=https://b.example/', 'twice'],
    ['url=https://harbourledger.example/x&next=https://evil.example', 'Unknown parameter'],
    ['url=https://harbourledger.example/x&use=billboard', 'use'],
    ['url=https://harbourledger.example/x&audience=-1', 'audience'],
  ])('refuses %s', async (search, reason) => {
    const r = await resolveLink(q(search), db);
    expect(r.kind).toBe('invalid');
    expect(r.kind === 'invalid' && r.reason).toContain(reason);
  });

  it('tolerates tracking parameters on the link itself', async () => {
    const a = demoArticles[0];
    expect((await resolveLink(q({ url: canonical(a), utm_source: 'cms' }), db)).kind).toBe('article');
  });
});
