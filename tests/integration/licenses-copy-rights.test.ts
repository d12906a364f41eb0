import { beforeEach, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { Db } from '@/db/client';
import type { License } from '@/db/schema';
import { downloadLicense } from '@/lib/licenses/download';
import { publishedKeys } from '@/lib/licenses/signing-keys';
import { takedownTerm } from '@/lib/licenses/terms';
import { siteUrl } from '@/lib/site';
import { freshDb } from '../helpers/db';
import { makeArticle } from '../helpers/factories';
import { desk, submit } from '../helpers/requests';

const today = () => new Date().toISOString().slice(0, 10);
const text = (r: { body: string | Uint8Array }) => (typeof r.body === 'string' ? r.body : strFromU8(r.body));
const bytes = (r: { body: string | Uint8Array }) =>
  typeof r.body === 'string' ? new TextEncoder().encode(r.body) : r.body;

// A headline written to break out of every format: the script element, YAML, the text header.
const TITLE = 'Harbour </script><script>alert(1)</script>\n---\nlicence: "LIC-FAKE" & <b>';
const CANONICAL = 'https://harbourledger.example/news/hostile-harbour';

let db: Db;
let d: ReturnType<typeof desk>;
let license: License;
let verifyUrl: string;

beforeEach(async () => {
  db = freshDb();
  d = desk(db);
  makeArticle(db, {
    slug: 'hostile-harbour',
    title: TITLE,
    canonicalUrl: CANONICAL,
    authors: ['Ana Ruiz'],
    assets: [
      { url: '/demo/harbour-wall.svg', caption: 'The wall', credit: 'Photo: Mira Santos', rightsHolder: '' },
      { url: 'https://wire.example/afp.jpg', caption: 'A crane', credit: 'AFP', rightsHolder: 'AFP' },
    ],
  });
  license = (await submit(db, d.publisher, ['hostile-harbour'], { startDate: today() })).license!;
  verifyUrl = `${siteUrl()}/licenses/${license.code}`;
});

const verify = (jws: string) =>
  jwtVerify(jws, createLocalJWKSet(publishedKeys()), { issuer: siteUrl(), algorithms: ['EdDSA'] });

describe('rights inside every licensed copy', () => {
  it('HTML: JSON-LD (licence URL, original, holder, credit, code, validity, use, territory), rel=license and a JWS that verifies', async () => {
    const html = text(await downloadLicense(license.code, 'html', d.publisher, db));
    expect(html).toContain(`<link rel="license" href="${verifyUrl}">`);
    expect(html).toContain(`<a rel="license" href="${verifyUrl}">Licence ${license.code}</a>`);
    // The hostile headline never closes a script: every </script> in the file closes one we opened.
    const opened = html.match(/<script\b/gi)!.length;
    expect(html.match(/<\/script/gi)!.length).toBe(opened);
    expect(html).not.toContain('<script>alert(1)');

    const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)![1]);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: TITLE,
      license: verifyUrl,
      isBasedOn: CANONICAL,
      copyrightHolder: { '@type': 'Organization', name: 'The Harbour Ledger' },
      creditText: license.creditLine,
      identifier: { '@type': 'PropertyValue', propertyID: 'licence', value: license.code },
      expires: license.validUntil,
      usageInfo: {
        identifier: license.code,
        url: verifyUrl,
        temporalCoverage: `${license.validFrom}/${license.validUntil}`,
        spatialCoverage: { '@type': 'Place', name: 'One country: United Kingdom' },
      },
    });
    expect(ld.usageInfo.description).toContain('Website');
    expect(ld.usageInfo.description).toContain(takedownTerm(24));

    const jws = /<script type="application\/jose" class="licence-jws">([\w.-]+)<\/script>/.exec(html)![1];
    const { payload } = await verify(jws);
    expect(payload).toMatchObject({ code: license.code, status: 'active', licensee: d.org.name, takedownHours: 24 });
  });

  it('Markdown: YAML front matter with the same fields, every value quoted so no headline breaks out', async () => {
    const md = text(await downloadLicense(license.code, 'md', d.publisher, db));
    const fm = /^---\n([\s\S]*?)\n---\n/.exec(md)![1];
    const fields = Object.fromEntries(
      fm
        .split('\n')
        .filter((l) => /^[a-z_]+: "/.test(l))
        .map((l) => [l.slice(0, l.indexOf(':')), JSON.parse(l.slice(l.indexOf(':') + 2))]),
    );
    expect(fields).toMatchObject({
      licence: license.code,
      license_url: verifyUrl,
      copyright_holder: 'The Harbour Ledger',
      credit_text: license.creditLine,
      licensee: d.org.name,
      use: 'Website',
      territory: 'One country: United Kingdom',
      valid_from: license.validFrom,
      valid_until: license.validUntil,
      portion: 'Full text',
      duration: '1 year',
      takedown_hours: '24',
    });
    // One licence line in the front matter: the headline's fake one stayed inside its quotes.
    expect(fm.split('\n').filter((l) => l.startsWith('licence:'))).toEqual([`licence: "${license.code}"`]);
    expect(fm).toContain(`  - title: ${JSON.stringify(TITLE)}`);
    expect(fm).toContain(`    is_based_on: "${CANONICAL}"`);
    await expect(verify(fields.jws)).resolves.toBeTruthy();
  });

  it('text: a header block with the licence, its URL, validity, use, territory and the take-down duty', async () => {
    const txt = text(await downloadLicense(license.code, 'txt', d.publisher, db));
    const header = txt.slice(0, txt.indexOf('='.repeat(60)));
    expect(header.startsWith('LICENSED COPY\n')).toBe(true);
    for (const line of [
      `Licence: ${license.code}`,
      `Licence and its state: ${verifyUrl}`,
      'Copyright holder: The Harbour Ledger',
      `Credit: ${license.creditLine}`,
      'Use: Website',
      'Territory: One country: United Kingdom',
      `Valid from: ${license.validFrom}`,
      'Duration: 1 year',
      // The original, as the HTML's isBasedOn and the front matter's is_based_on.
      `Based on: ${CANONICAL}`,
      `Kill notices: ${takedownTerm(24)}`,
    ])
      expect(header).toContain(`${line}\n`);
    await expect(verify(/Signature \(JWS\): (\S+)/.exec(header)![1])).resolves.toBeTruthy();
  });

  it('PDF: title, author, subject and keywords name the licence', async () => {
    const pdf = await PDFDocument.load(bytes(await downloadLicense(license.code, 'pdf', d.publisher, db)));
    expect(pdf.getTitle()).toContain(license.code);
    expect(pdf.getAuthor()).toBe('The Harbour Ledger');
    expect(pdf.getSubject()).toContain(`granted by The Harbour Ledger to ${d.org.name}`);
    expect(pdf.getSubject()).toContain(verifyUrl);
    expect(pdf.getKeywords()).toContain(license.code);
    expect(pdf.getKeywords()).toContain(CANONICAL);
  });

  it('ninjs 3.0: a text item with the body, usage terms, rights info and the JWS; agency pictures left out', async () => {
    const res = await downloadLicense(license.code, 'ninjs', d.publisher, db);
    expect(res.status).toBe(200);
    expect(res.headers['Content-Type']).toBe('application/json; charset=utf-8');
    expect(res.headers['Content-Disposition']).toBe(`attachment; filename="${license.code}.ninjs.json"`);
    const item = JSON.parse(text(res));
    expect(item).toMatchObject({
      standard: { name: 'ninjs', version: '3.0' },
      uri: CANONICAL,
      type: 'text',
      pubStatus: 'usable',
      headline: TITLE,
      byline: 'Ana Ruiz',
      copyrightHolder: 'The Harbour Ledger',
      altids: [{ role: 'licence', value: license.code }],
      rightsInfo: [{ linkedRights: verifyUrl }],
      bodies: [{ role: 'main', contentType: 'text/html' }],
    });
    expect(item.usageTerms).toContain(license.code);
    expect(item.usageTerms).toContain(takedownTerm(24));
    expect(item.bodies[0].value).toContain('Body text of the article');
    expect(item.associations).toEqual([
      expect.objectContaining({ type: 'picture', uri: `${siteUrl()}/demo/harbour-wall.svg` }),
    ]);
    await expect(verify(item.rightsInfo[0].encodedRights)).resolves.toBeTruthy();
    // The ninjs download is logged like the others.
    const zip = unzipSync(bytes(await downloadLicense(license.code, 'zip', d.publisher, db)));
    expect(JSON.parse(strFromU8(zip[`${license.code}.ninjs.json`])).headline).toBe(TITLE);
  });

  it('several articles: one composite ninjs item whose associations are the articles', async () => {
    const two = (await submit(db, d.publisher, d.slugs, { startDate: today(), duration: '30d', portion: 'excerpt' }))
      .license!;
    const item = JSON.parse(text(await downloadLicense(two.code, 'ninjs', d.publisher, db)));
    expect(item).toMatchObject({ type: 'composite', altids: [{ role: 'licence', value: two.code }] });
    expect(item.associations.map((a: { name: string; type: string }) => [a.name, a.type])).toEqual([
      ['article1', 'text'],
      ['article2', 'text'],
    ]);
  });
});
