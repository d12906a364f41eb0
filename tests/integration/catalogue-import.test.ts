import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { articles, articleTags, assets } from '@/db/schema';
import { runImport } from '@/lib/catalogue/import/run';
import { getArticleDetail, listArticles } from '@/lib/catalogue/queries';
import { updateArticleRights } from '@/lib/catalogue/admin';
import { freshDb } from '../helpers/db';
import { params } from '../helpers/catalogue';

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', name);
const count = (db: Db) => db.get<{ n: number }>(sql`select count(*) as n from articles`)!.n;
const bySlug = (db: Db, slug: string) => db.select().from(articles).where(eq(articles.slug, slug)).get()!;
const assetsOf = (db: Db, slug: string) =>
  db
    .select()
    .from(assets)
    .where(eq(assets.articleId, bySlug(db, slug).id))
    .all();

describe('importer', () => {
  let db: Db;
  beforeEach(() => {
    db = freshDb();
  });

  it('reads RSS 2.0: content, authors, section and tags, media credits, syndication; skips an item without link', async () => {
    const s = await runImport([fixture('rss.xml')], { db });
    expect(s).toMatchObject({ imported: 3, updated: 0, failed: [] });
    expect(s.skipped).toEqual([
      { file: fixture('rss.xml'), place: 'item 4 (line 51)', reason: 'no link: an article needs its canonical URL' },
    ]);
    const a = bySlug(db, 'lighthouse-cottages-museum');
    expect(a).toMatchObject({
      section: 'Culture',
      byline: 'Ines Varga',
      language: 'en-gb',
      publishedAt: '2026-03-10T09:00:00.000Z',
      rightsStatus: 'owned',
    });
    expect(a.standfirst).toMatch(/^The restored cottages/);
    expect(a.wordCount).toBe(a.bodyText.split(/\s+/).length);
    expect(
      db
        .select({ t: articleTags.tag })
        .from(articleTags)
        .where(eq(articleTags.articleId, a.id))
        .all()
        .map((t) => t.t)
        .sort(),
    ).toEqual(['heritage', 'museums']);
    const pics = assetsOf(db, 'lighthouse-cottages-museum');
    expect(pics.find((p) => p.url.endsWith('lamp-room.jpg'))).toMatchObject({
      credit: 'AFP photo/HO',
      rightsHolder: 'AFP',
      licensable: false,
      caption: 'The lamp room, seen from the gallery.',
    });
    expect(pics.find((p) => p.url.endsWith('cottages.jpg'))).toMatchObject({
      credit: 'Photo: Mira Santos / The Harbour Ledger',
      caption: "The keepers' cottages at dusk.",
      licensable: true,
    });
    expect(bySlug(db, 'night-ferry-trial-extended')).toMatchObject({
      section: 'Politics',
      byline: 'Callum Dunmore and Hannah Okonjo-Reeve',
    });
    expect(bySlug(db, 'wire-north-sea-freight').rightsStatus).toBe('syndicated_in');
  });

  it('reads Atom: alternate link, several authors, html content, enclosures and figure credits', async () => {
    const s = await runImport([fixture('atom.xml')], { db });
    expect(s).toMatchObject({ imported: 2, updated: 0 });
    expect(s.skipped[0]).toMatchObject({
      place: 'entry 3 (line 29)',
      reason: 'the date "sometime last spring" is not a date',
    });
    const a = bySlug(db, 'tide-gauge-century');
    expect(a).toMatchObject({
      title: 'Tide gauge data & a century of rising water',
      section: 'Science',
      byline: 'Priya Castellane and Jonah Marsh',
      publishedAt: '2026-03-13T08:00:00.000Z',
      updatedAt: '2026-03-14T09:15:00.000Z',
    });
    expect(assetsOf(db, 'tide-gauge-century').map((p) => p.url)).toEqual([
      'https://harbourledger.example/img/gauge.jpg',
    ]);
    expect(assetsOf(db, 'seaweed-farm-licence')[0]).toMatchObject({
      credit: 'Photo: Reuters/Ana Ruiz',
      rightsHolder: 'Reuters',
      licensable: false,
    });
    expect(bySlug(db, 'seaweed-farm-licence').body).not.toContain('<img');
  });

  it('reads the JSON format with rights, premium, embargo and images; skips invalid entries with the reason', async () => {
    const s = await runImport([fixture('articles.json')], { db });
    expect(s.imported).toBe(2);
    expect(s.skipped.map((k) => [k.place, k.reason])).toEqual([
      ['articles[2]', 'no title'],
      ['articles[3]', '"rightsStatus" must be one of owned, contributor, syndicated_in'],
    ]);
    expect(bySlug(db, 'lifeboat-crew-first-aid')).toMatchObject({
      rightsStatus: 'contributor',
      premiumMilli: 1500,
      section: 'Health',
    });
    expect(assetsOf(db, 'lifeboat-crew-first-aid').map((p) => [p.credit, p.licensable])).toEqual([
      ['Photo: Kofi Okafor / The Harbour Ledger', true],
      ['Photo: EPA-EFE/Lo Ren', false],
    ]);
    expect(bySlug(db, 'flood-map-update').embargoUntil).toBe('2099-01-01T00:00:00.000Z');
    expect((await listArticles(params({ q: 'flood map' }), { db })).total).toBe(0);
  });

  it('never lets scripts or event handlers through', async () => {
    await runImport([fixture('rss.xml'), fixture('atom.xml'), fixture('articles.json')], { db });
    const rows = db.select({ body: articles.body, text: articles.bodyText }).from(articles).all();
    expect(rows.length).toBe(7);
    for (const r of rows) {
      expect(r.body).not.toMatch(/<script|onerror|onclick|onmouseover|javascript:/i);
      expect(r.text).not.toMatch(/pwned|alert|document\./);
    }
    const detail = (await getArticleDetail('lighthouse-cottages-museum', db))!;
    expect(detail.preview.map((b) => b.text).join('\n')).not.toMatch(/script|onerror/);
  });

  it('imports nothing from a malformed file and names the file and place', async () => {
    const s = await runImport([fixture('malformed.xml'), fixture('rss.xml')], { db });
    expect(s.failed).toHaveLength(1);
    expect(s.failed[0]!.message).toBe(
      `${fixture('malformed.xml')}:16:5: Expected closing tag 'item' (opened in line 11, col 5) instead of closing tag 'itme'.`,
    );
    expect(s.imported).toBe(3);
    expect(db.select().from(articles).where(eq(articles.slug, 'malformed-first')).get()).toBeUndefined();

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-'));
    fs.writeFileSync(path.join(dir, 'broken.json'), '{ "articles": [\n  { "title": "x", }\n] }');
    fs.writeFileSync(path.join(dir, 'wrong-shape.json'), '{ "items": [] }');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
    const j = await runImport([dir], { db });
    expect(j.files).toBe(2);
    expect(j.failed.map((f) => f.message)).toEqual([
      expect.stringMatching(/broken\.json:2:19: Not valid JSON/),
      `${path.join(dir, 'wrong-shape.json')}: Expected an array of articles, or an object with an "articles" array.`,
    ]);
    expect((await runImport([path.join(dir, 'missing.xml')], { db })).failed[0]!.message).toMatch(
      /missing\.xml: No such file/,
    );
  });

  it('is idempotent by canonical URL: a second run updates, never duplicates, and keeps staff decisions', async () => {
    const all = [fixture('rss.xml'), fixture('atom.xml'), fixture('articles.json')];
    const first = await runImport(all, { db });
    const n = count(db);
    const a = bySlug(db, 'lighthouse-cottages-museum');
    const agency = assetsOf(db, 'lighthouse-cottages-museum').find((p) => !p.licensable)!;
    await updateArticleRights(
      {
        id: a.id,
        rightsStatus: 'contributor',
        premiumMilli: 2000,
        hidden: false,
        assets: [{ id: agency.id, licensable: true }],
      },
      db,
    );
    const second = await runImport(all, { db });
    expect(count(db)).toBe(n);
    expect(second).toMatchObject({ imported: 0, updated: first.imported });
    expect(bySlug(db, 'lighthouse-cottages-museum')).toMatchObject({
      id: a.id,
      rightsStatus: 'contributor',
      premiumMilli: 2000,
    });
    expect(assetsOf(db, 'lighthouse-cottages-museum').find((p) => p.url === agency.url)).toMatchObject({
      licensable: true,
      licensableOverridden: true,
    });
    expect((await listArticles(params({ q: 'lighthouse' }), { db })).total).toBe(1);
  });

  it('gives a new article with a taken slug a numbered one', async () => {
    await runImport([fixture('rss.xml')], { db });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-'));
    const file = path.join(dir, 'other.json');
    fs.writeFileSync(
      file,
      JSON.stringify([
        {
          url: 'https://other.example/lighthouse-cottages-museum',
          title: 'Elsewhere',
          body: '<p>Text.</p>',
          publishedAt: '2026-01-01',
        },
      ]),
    );
    await runImport([file], { db });
    expect(bySlug(db, 'lighthouse-cottages-museum-2').canonicalUrl).toBe(
      'https://other.example/lighthouse-cottages-museum',
    );
  });
});
