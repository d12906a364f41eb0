import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { excerpt, filterImages, parseBody, plainText, toHtml, toMarkdown, toText } from '@/lib/licenses/body';
import { winAnsi } from '@/lib/licenses/certificate';
import { generateLicenseCode, normalizeLicenseCode } from '@/lib/licenses/code';
import { downloadRefusal, safeFilename } from '@/lib/licenses/download';
import type { LicenseRow } from '@/lib/licenses/queries';
import { licenseState } from '@/lib/licenses/status';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import type { PublicUser } from '@/db/schema';

const DAY = 86_400_000;
const now = new Date('2026-06-01T12:00:00Z');
const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString();

describe('licence state', () => {
  const l = (
    over: Partial<{ status: 'active' | 'expired' | 'revoked'; validFrom: string; validUntil: string | null }>,
  ) => ({ status: 'active' as const, validFrom: at(-10), validUntil: at(100), ...over });
  it('active, expiring soon within 14 days, upcoming, expired (even before the row is), revoked', () => {
    expect(licenseState(l({}), now)).toBe('active');
    expect(licenseState(l({ validUntil: null }), now)).toBe('active');
    expect(licenseState(l({ validUntil: at(14) }), now)).toBe('expiring');
    expect(licenseState(l({ validUntil: at(15) }), now)).toBe('active');
    expect(licenseState(l({ validFrom: at(1) }), now)).toBe('upcoming');
    expect(licenseState(l({ validUntil: at(-1) }), now)).toBe('expired');
    expect(licenseState(l({ status: 'expired' }), now)).toBe('expired');
    expect(licenseState(l({ status: 'revoked', validUntil: at(-1) }), now)).toBe('revoked');
  });
});

describe('download refusal', () => {
  const base = {
    status: 'active',
    validFrom: at(-1),
    validUntil: at(100),
    fee: 50_000,
    paidAt: null,
    invoiceRef: 'INV-2026-000007',
    revokedReason: null,
    statusChangedAt: null,
  } as unknown as LicenseRow;
  const publisher = { role: 'publisher' } as PublicUser;
  it('payment waits only above the setting; null never waits', () => {
    expect(downloadRefusal(base, publisher, [], { ...DEFAULT_SETTINGS, paymentRequiredAbove: 20_000 }, now)).toEqual({
      status: 402,
      reason: expect.stringContaining('awaiting payment of invoice INV-2026-000007'),
    });
    expect(downloadRefusal(base, publisher, [], { ...DEFAULT_SETTINGS, paymentRequiredAbove: 50_000 }, now)).toBeNull();
    expect(downloadRefusal(base, publisher, [], { ...DEFAULT_SETTINGS, paymentRequiredAbove: null }, now)).toBeNull();
    expect(
      downloadRefusal({ ...base, paidAt: at(0) }, publisher, [], { ...DEFAULT_SETTINGS, paymentRequiredAbove: 0 }, now),
    ).toBeNull();
  });
});

describe('codes and filenames', () => {
  it('normalizes what people type', () => {
    const code = generateLicenseCode();
    expect(normalizeLicenseCode(code.toLowerCase())).toBe(code);
    expect(normalizeLicenseCode(` ${code.replace(/-/g, ' ')} `)).toBe(code);
    expect(normalizeLicenseCode(code.slice(4).replace(/-/g, ''))).toBe(code);
    expect(normalizeLicenseCode('lic-7qk4-m2xd-9pba')).toBe('LIC-7QK4-M2XD-9PBA');
    expect(normalizeLicenseCode('LIC-7QK4-M2XD-OPBA')).toBe('LIC-7QK4-M2XD-0PBA');
    expect(normalizeLicenseCode('LIC-7QK4-M2XD-9PB')).toBeNull();
    expect(normalizeLicenseCode('LIC-7QK4-M2XD-9PBU')).toBeNull();
    expect(normalizeLicenseCode('<script>')).toBeNull();
  });
  it('keeps filenames header-safe', () => {
    expect(safeFilename('a"b\r\nc;d/e.html')).toBe('a-b-c-d-e.html');
    expect(safeFilename('../../etc')).toBe('etc');
  });
});

describe('article body', () => {
  const body =
    '<p>One <em>two</em> &amp; three.</p><h2>Sub &lt;head&gt;</h2><blockquote><p>Quoted words.</p></blockquote><ul><li>First</li><li>Second <a href="https://x.example/?a=1&amp;b=2">link</a></li></ul><figure><img src="https://wire.example/a.jpg" alt="Wire"><figcaption>AFP</figcaption></figure><p>Last<br>line.</p>';

  it('round-trips sanitized HTML, escaping text and attributes', () => {
    expect(toHtml(parseBody(body))).toBe(body);
    expect(plainText(parseBody('<p>a &lt;b&gt; &#233; &#x41;</p>'))).toBe('a <b> é A');
  });

  it('writes Markdown and plain text', () => {
    const nodes = filterImages(parseBody(body), () => false);
    expect(nodes.removed).toBe(1);
    expect(toMarkdown(nodes.nodes)).toBe(
      'One *two* & three.\n\n## Sub \\<head\\>\n\n> Quoted words.\n\n- First\n- Second [link](<https://x.example/?a=1&b=2>)\n\nLast  \nline.',
    );
    expect(toText(nodes.nodes)).toBe(
      'One two & three.\n\nSub <head>\n\n“Quoted words.”\n\n* First\n* Second link (https://x.example/?a=1&b=2)\n\nLast\nline.',
    );
  });

  it('keeps licensable images and drops the figure of one that is not', () => {
    const { nodes, removed } = filterImages(parseBody(body), (src) => src.includes('wire'));
    expect(removed).toBe(0);
    expect(toHtml(nodes)).toContain('<img src="https://wire.example/a.jpg" alt="Wire">');
    expect(toHtml(filterImages(parseBody(body), () => false).nodes)).not.toMatch(/figure|AFP/);
  });

  it('an excerpt is whole blocks up to the limit, or the first block cut', () => {
    const p = (n: number) => `<p>${'w '.repeat(n).trim()}</p>`;
    expect(excerpt(parseBody(p(100) + p(150) + p(100)), 300)).toHaveLength(2);
    const cut = excerpt(parseBody(p(500)), 300);
    expect(
      plainText(cut)
        .split(/\s+/)
        .filter((w) => w === 'w'),
    ).toHaveLength(300);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 12 }), (sizes) => {
        const words = plainText(excerpt(parseBody(sizes.map(p).join('')), 300))
          .split(/\s+/)
          .filter((w) => w === 'w').length;
        return words <= 300;
      }),
    );
  });
});

describe('WinAnsi for the certificate', () => {
  it('anything becomes something the standard fonts can draw', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    expect(winAnsi('Café “quotes” — £5 € Łódź 東京 😀 \u0000\t\n')).toBe('Café “quotes” — £5 € Lódz ?? ?   ');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        font.widthOfTextAtSize(winAnsi(s), 10);
        return true;
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        font.widthOfTextAtSize(winAnsi(s), 10);
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
