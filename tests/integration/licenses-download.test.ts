import { beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import type { Db } from '@/db/client';
import { articles, downloads, licenseRequests, licenses, type License } from '@/db/schema';
import { toPublicUser } from '@/lib/auth/users';
import { downloadLicense } from '@/lib/licenses/download';
import { markArticle } from '@/lib/licenses/notices';
import { recordPayment } from '@/lib/invoices/payments';
import { transition } from '@/lib/requests/transition';
import { setSetting } from '@/lib/settings';
import { siteUrl } from '@/lib/site';
import { freshDb } from '../helpers/db';
import { makeArticle, makeOrg, makeUser } from '../helpers/factories';
import { pdfText } from '../helpers/pdf-text';
import { desk, submit } from '../helpers/requests';

const today = () => new Date().toISOString().slice(0, 10);
const text = (r: { body: string | Uint8Array }) => (typeof r.body === 'string' ? r.body : strFromU8(r.body));
const bytes = (r: { body: string | Uint8Array }) =>
  typeof r.body === 'string' ? new TextEncoder().encode(r.body) : r.body;
const error = (r: { body: string | Uint8Array }) => (JSON.parse(text(r)) as { error: string }).error;

let db: Db;
let d: ReturnType<typeof desk>;
let license: License;
const SLUG = 'harbour-wall-story';
const CANONICAL = 'https://harbourledger.example/news/harbour-wall-story';

beforeEach(async () => {
  db = freshDb();
  d = desk(db);
  makeArticle(db, {
    slug: SLUG,
    title: 'Harbour wall <works> & “delays”',
    standfirst: 'Why the wall is late.',
    body: '<p>The first paragraph about the harbour wall.</p><h2>Costs</h2><p>A second paragraph with <em>emphasis</em> and a <a href="https://example.org/x">link</a>.</p>',
    authors: ['Ana Ruiz', 'Tom Kell'],
    canonicalUrl: CANONICAL,
    assets: [
      {
        url: '/demo/harbour-wall.svg',
        caption: 'The wall <at dawn>',
        credit: 'Photo: Mira Santos / The Harbour Ledger',
        rightsHolder: 'The Harbour Ledger',
      },
      {
        url: 'https://wire.example/afp-crane.jpg',
        caption: 'A crane',
        credit: 'AFP photo/HO/SANA',
        rightsHolder: 'AFP',
      },
    ],
  });
  license = (await submit(db, d.publisher, [SLUG], { startDate: today() })).license!;
});

describe('licensed copies', () => {
  it('HTML: article text, escaped headline, credit line with code, canonical link, pixel, licensable image only', async () => {
    const res = await downloadLicense(license.code, 'html', d.publisher, db);
    expect(res.status).toBe(200);
    expect(res.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(res.headers['Content-Disposition']).toBe(`attachment; filename="${license.code}.html"`);
    const html = text(res);
    expect(html).toContain('<h1>Harbour wall &lt;works&gt; &amp; “delays”</h1>');
    expect(html).not.toContain('<works>');
    expect(html).toContain('<p>The first paragraph about the harbour wall.</p>');
    expect(html).toContain('<em>emphasis</em>');
    expect(html).toContain('By Ana Ruiz and Tom Kell');
    expect(html).toContain(license.creditLine);
    expect(license.creditLine).toContain(license.code);
    expect(html).toContain(`<link rel="canonical" href="${CANONICAL}">`);
    expect(html).toContain(`<img src="${siteUrl()}/api/pixel/${license.code}.gif" width="1" height="1" alt="">`);
    expect(html).toContain(`<img src="${siteUrl()}/demo/harbour-wall.svg" alt="The wall &lt;at dawn&gt;">`);
    expect(html).not.toContain('afp-crane');
    expect(html).not.toMatch(/AFP|SANA/);
    expect(html).toContain('One image from the original is not included');
    // The stored body is already sanitized: a full-text copy carries it byte for byte.
    expect(html).toContain(
      db.select({ body: articles.body }).from(articles).where(eq(articles.slug, SLUG)).get()!.body,
    );
  });

  it('Markdown and plain text carry the same article, credit line and link', async () => {
    const md = text(await downloadLicense(license.code, 'md', d.publisher, db));
    expect(md).toContain('# Harbour wall \\<works\\> & “delays”');
    expect(md).toContain('## Costs');
    expect(md).toContain('*emphasis*');
    expect(md).toContain('[link](<https://example.org/x>)');
    expect(md).toContain(license.creditLine);
    expect(md).toContain(`<${CANONICAL}>`);
    expect(md).toContain(`/api/pixel/${license.code}.gif`);
    expect(md).not.toContain('afp-crane');

    const res = await downloadLicense(license.code, 'txt', d.publisher, db);
    expect(res.headers['Content-Type']).toBe('text/plain; charset=utf-8');
    const txt = text(res);
    expect(txt).toContain('Harbour wall <works> & “delays”');
    expect(txt).toContain(
      'The first paragraph about the harbour wall.\n\nCosts\n\nA second paragraph with emphasis and a link (https://example.org/x).',
    );
    expect(txt).toContain(license.creditLine);
    expect(txt).toContain(`Original: ${CANONICAL}`);
    expect(txt).not.toMatch(/<p>|afp-crane/);
  });

  it('PDF: a certificate that opens and names the licensee, the code, the fee and the verification URL', async () => {
    const res = await downloadLicense(license.code, 'pdf', d.publisher, db);
    expect(res.headers['Content-Type']).toBe('application/pdf');
    expect(res.headers['Content-Disposition']).toBe(`attachment; filename="${license.code}-certificate.pdf"`);
    const pdf = await PDFDocument.load(bytes(res));
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(pdf.getTitle()).toContain(license.code);
    const words = pdfText(bytes(res));
    expect(words).toContain(d.org.name);
    expect(words).toContain(license.code);
    expect(words).toContain('£150.00');
    expect(words).toContain(`${siteUrl()}/licenses/${license.code}`);
    expect(words).toContain('Harbour wall <works> & “delays”');
    expect(words).toContain('The licence is non-exclusive and non-transferable.');
  });

  it('PDF survives text no standard font can draw', async () => {
    db.update(licenses)
      .set({
        terms: {
          ...(license.terms as object),
          licensee: { name: 'Zeitung 東京 ✓ Łódź 😀', type: 'commercial', country: 'Ελλάδα', domains: [] },
        },
      })
      .where(eq(licenses.id, license.id))
      .run();
    const res = await downloadLicense(license.code, 'pdf', d.publisher, db);
    expect(res.status).toBe(200);
    expect(pdfText(bytes(res))).toContain('Zeitung ?? ? Lódz ? — Commercial outlet, ??????');
  });

  it('ZIP: every format inside', async () => {
    const res = await downloadLicense(license.code, 'zip', d.publisher, db);
    expect(res.headers['Content-Type']).toBe('application/zip');
    const files = unzipSync(bytes(res));
    expect(Object.keys(files).sort()).toEqual(
      [
        `${license.code}-certificate.pdf`,
        `${license.code}.html`,
        `${license.code}.md`,
        `${license.code}.txt`,
        `${license.code}.ninjs.json`,
      ].sort(),
    );
    expect(JSON.parse(strFromU8(files[`${license.code}.ninjs.json`]))).toMatchObject({ headline: expect.any(String) });
    expect(strFromU8(files[`${license.code}.html`])).toContain(license.creditLine);
    expect(strFromU8(files[`${license.code}.txt`])).toContain('The first paragraph');
    expect((await PDFDocument.load(files[`${license.code}-certificate.pdf`])).getPageCount()).toBeGreaterThanOrEqual(1);
  });

  it('logs every download with who and which format', async () => {
    await downloadLicense(license.code, 'html', d.publisher, db);
    await downloadLicense(license.code, 'pdf', d.publisher, db);
    await downloadLicense(license.code, 'bogus', d.publisher, db);
    const rows = db.select().from(downloads).where(eq(downloads.licenseId, license.id)).all();
    expect(rows.map((r) => r.format)).toEqual(['html', 'pdf']);
    expect(rows.every((r) => r.userId === d.publisher.id)).toBe(true);
  });

  it('an excerpt licence gets whole paragraphs up to 300 words', async () => {
    const para = (n: number) => `<p>Paragraph ${n} ${'word '.repeat(98).trim()}.</p>`;
    makeArticle(db, { slug: 'long-read', title: 'Long read', body: [1, 2, 3, 4, 5].map(para).join('') });
    const l = (await submit(db, d.publisher, ['long-read'], { startDate: today(), portion: 'excerpt' })).license!;
    const html = text(await downloadLicense(l.code, 'html', d.publisher, db));
    expect(html).toContain('Paragraph 3 ');
    expect(html).not.toContain('Paragraph 4 ');
    expect(html).toContain('This is a licensed excerpt.');
    const txt = text(await downloadLicense(l.code, 'txt', d.publisher, db));
    expect(txt).not.toContain('Paragraph 4 ');
    expect(txt.split(/\s+/).filter((w) => w === 'word').length).toBeLessThanOrEqual(300);
  });

  it('a corrected article gives the corrected body with the correction note', async () => {
    const id = db.select({ id: articles.id }).from(articles).where(eq(articles.slug, SLUG)).get()!.id;
    db.update(articles).set({ body: '<p>The corrected first paragraph.</p>' }).where(eq(articles.id, id)).run();
    await markArticle(id, 'corrected', 'The cost was £4m, not £40m.', d.staff, db);
    const html = text(await downloadLicense(license.code, 'html', d.publisher, db));
    expect(html).toContain('The corrected first paragraph.');
    expect(html).not.toContain('about the harbour wall');
    expect(html).toContain('Correction: The cost was £4m, not £40m.');
  });
});

describe('refusals', () => {
  it('bad format 400, visitor 401, unknown code and another organisation 404', async () => {
    expect((await downloadLicense(license.code, 'exe', d.publisher, db)).status).toBe(400);
    expect((await downloadLicense(license.code, null, d.publisher, db)).status).toBe(400);
    const visitor = await downloadLicense(license.code, 'html', null, db);
    expect(visitor.status).toBe(401);
    expect(visitor.headers['Content-Type']).toMatch(/json/);
    expect((await downloadLicense('LIC-0000-0000-0000', 'html', d.publisher, db)).status).toBe(404);
    expect((await downloadLicense('not a code', 'html', d.publisher, db)).status).toBe(404);
    const other = toPublicUser(makeUser(db, { organizationId: makeOrg(db).id }));
    const res = await downloadLicense(license.code, 'html', other, db);
    expect(res.status).toBe(404);
    expect(error(res)).toBe('No licence with this code.');
    expect(db.select({ n: count() }).from(downloads).get()!.n).toBe(0);
  });

  it('staff may download any licence', async () => {
    expect((await downloadLicense(license.code, 'pdf', d.staff, db)).status).toBe(200);
  });

  it('revoked: 410 with the reason', async () => {
    const req = db.select().from(licenseRequests).where(eq(licenseRequests.id, license.requestId)).get()!;
    await transition(
      {
        reference: req.reference,
        action: 'revoke',
        expectedVersion: req.version,
        note: 'Published on an unlicensed site.',
      },
      d.staff,
      db,
    );
    const res = await downloadLicense(license.code, 'html', d.publisher, db);
    expect(res.status).toBe(410);
    expect(error(res)).toMatch(/revoked on .*Published on an unlicensed site\./);
  });

  it('past its end: expired on read through the state machine, 410', async () => {
    db.update(licenses)
      .set({ validUntil: new Date(Date.now() - 60_000).toISOString() })
      .where(eq(licenses.id, license.id))
      .run();
    const res = await downloadLicense(license.code, 'html', d.publisher, db);
    expect(res.status).toBe(410);
    expect(error(res)).toMatch(/expired on/);
    expect(db.select().from(licenses).where(eq(licenses.id, license.id)).get()!.status).toBe('expired');
    expect(db.select().from(licenseRequests).where(eq(licenseRequests.id, license.requestId)).get()!.status).toBe(
      'expired',
    );
  });

  it('not started yet: 403 saying when it starts', async () => {
    const later = (await submit(db, d.publisher, [SLUG])).license!; // starts tomorrow
    const res = await downloadLicense(later.code, 'html', d.publisher, db);
    expect(res.status).toBe(403);
    expect(error(res)).toMatch(/starts on/);
  });

  it('a withdrawn article stops the downloads: 410 asking for take-down', async () => {
    const id = db.select({ id: articles.id }).from(articles).where(eq(articles.slug, SLUG)).get()!.id;
    await markArticle(id, 'withdrawn', 'Legal complaint.', d.staff, db);
    const res = await downloadLicense(license.code, 'pdf', d.publisher, db);
    expect(res.status).toBe(410);
    expect(error(res)).toMatch(/withdrawn.*Legal complaint.*take it down/);
  });

  it('waits for payment when the setting asks for it, until staff record its payment', async () => {
    await setSetting('paymentRequiredAbove', 10_000, db);
    const res = await downloadLicense(license.code, 'html', d.publisher, db);
    expect(res.status).toBe(402);
    expect(error(res)).toContain(`awaiting payment of invoice ${license.invoiceRef}`);
    expect((await downloadLicense(license.code, 'html', d.staff, db)).status).toBe(200);
    recordPayment(
      { number: license.invoiceRef, amount: license.fee, method: 'transfer', reference: 'BACS 1', receivedOn: today() },
      d.staff,
      db,
    );
    expect((await downloadLicense(license.code, 'html', d.publisher, db)).status).toBe(200);
    await setSetting('paymentRequiredAbove', 20_000, db);
    const unpaid = (await submit(db, d.publisher, [SLUG], { startDate: today() })).license!;
    expect(unpaid.paidAt).toBeNull();
    expect((await downloadLicense(unpaid.code, 'html', d.publisher, db)).status).toBe(200);
    await setSetting('paymentRequiredAbove', 0, db);
    expect((await downloadLicense(unpaid.code, 'html', d.publisher, db)).status).toBe(402);
    // null: downloads never wait for payment.
    await setSetting('paymentRequiredAbove', null, db);
    expect((await downloadLicense(unpaid.code, 'html', d.publisher, db)).status).toBe(200);
  });
});
