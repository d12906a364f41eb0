/**
 * The PDF licence certificate. Standard fonts only (nothing to ship, nothing to fetch); they can
 * draw WinAnsi characters alone, so every string goes through `winAnsi()` first — odd input is
 * approximated, never a crash.
 */
import { articleCountText, selectionLines, selectionSentence } from '@/lib/catalogue-licences/words';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatMoney } from '@/lib/quote';
import type { CopyRights } from './copy-rights';
import type { LicenseRow } from './queries';
import {
  DURATION_LABELS,
  formatDate,
  formatDateTime,
  ORG_TYPE_LABELS,
  PORTION_LABELS,
  territoryText,
  USE_LABELS,
} from './labels';
import { licenseState, STATE_LABELS } from './status';

// The characters of Windows-1252 beyond Latin-1 that the standard fonts can draw.
const CP1252_EXTRA = new Set(Array.from('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'));
const REPLACEMENTS: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '—',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u00ad': '',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\ufeff': '',
  '\u2044': '/',
  '\u2192': '->',
  '\u2190': '<-',
  // Letters with a stroke do not decompose in Unicode.
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŧ: 'T',
  ŧ: 't',
};

function encodable(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff && c !== 0xad) || CP1252_EXTRA.has(ch);
}

/** Any string → one line the standard fonts can draw. */
export function winAnsi(input: string): string {
  let out = '';
  for (const ch of input.normalize('NFC')) {
    if (encodable(ch)) out += ch;
    else if (ch in REPLACEMENTS) out += REPLACEMENTS[ch];
    else if (/\s/u.test(ch)) out += ' ';
    else {
      // é stays é; ő becomes o; anything else (CJK, emoji, controls) becomes ?.
      const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out += base && Array.from(base).every(encodable) ? base : /\p{C}/u.test(ch) ? '' : '?';
    }
  }
  return out;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = A4[0] - 2 * MARGIN;
const INK = rgb(0.1, 0.12, 0.14);
export const MUTED = rgb(0.35, 0.39, 0.44);
const LABEL_COLUMN = 84;

export class Writer {
  page: PDFPage;
  y = A4[1] - MARGIN;
  constructor(
    private doc: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = doc.addPage(A4);
  }

  private ensure(height: number) {
    if (this.y - height < MARGIN + 24) {
      this.page = this.doc.addPage(A4);
      this.y = A4[1] - MARGIN;
    }
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
    for (let word of text.split(' ').filter(Boolean)) {
      // A word wider than the line (a long URL) is broken wherever it must be.
      while (!fits(word)) {
        let cut = word.length - 1;
        while (cut > 1 && !fits(word.slice(0, cut))) cut -= 1;
        if (line) lines.push(line);
        lines.push(word.slice(0, cut));
        line = '';
        word = word.slice(cut);
      }
      const next = line ? `${line} ${word}` : word;
      if (fits(next)) line = next;
      else {
        lines.push(line);
        line = word;
      }
    }
    if (line) lines.push(line);
    return lines.length ? lines : [''];
  }

  text(raw: string, opts: { size?: number; bold?: boolean; indent?: number; color?: typeof INK; gap?: number } = {}) {
    const size = opts.size ?? 10.5;
    const font = opts.bold ? this.bold : this.font;
    const indent = opts.indent ?? 0;
    for (const line of this.wrap(winAnsi(raw), font, size, WIDTH - indent)) {
      this.ensure(size * 1.4);
      this.y -= size * 1.4;
      this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font, color: opts.color ?? INK });
    }
    this.y -= opts.gap ?? 0;
  }

  heading(text: string) {
    this.ensure(40);
    this.y -= 10;
    this.text(text, { size: 13, bold: true, gap: 4 });
  }

  /** "Label   value" with the value wrapped in its own column. */
  fact(label: string, value: string) {
    const size = 10.5;
    const lines = this.wrap(winAnsi(value), this.font, size, WIDTH - LABEL_COLUMN);
    lines.forEach((line, i) => {
      this.ensure(size * 1.4);
      this.y -= size * 1.4;
      if (i === 0)
        this.page.drawText(winAnsi(label), { x: MARGIN, y: this.y, size: 9.5, font: this.bold, color: MUTED });
      this.page.drawText(line, { x: MARGIN + LABEL_COLUMN, y: this.y, size, font: this.font, color: INK });
    });
    this.y -= 2;
  }

  footer(code: string, verifyUrl: string) {
    const pages = this.doc.getPages();
    pages.forEach((p, i) => {
      const line = winAnsi(`Licence ${code} · page ${i + 1} of ${pages.length} · verify at ${verifyUrl}`);
      p.drawText(line, { x: MARGIN, y: MARGIN - 20, size: 8, font: this.font, color: MUTED });
    });
  }
}

export async function certificatePdf(
  license: LicenseRow,
  site: string,
  now: Date,
  rights: CopyRights,
): Promise<Uint8Array> {
  const t = license.terms;
  const verifyUrl = rights.verifyUrl;
  const doc = await PDFDocument.create();
  // The document's own metadata says what it licenses, for readers that never open the page.
  const what = t.catalogue
    ? `catalogue licence, ${selectionSentence(t.catalogue.selection)}`
    : t.articles.map((a) => a.title).join('; ');
  doc.setTitle(winAnsi(`Licence certificate ${license.code}: ${what}`));
  doc.setSubject(
    winAnsi(
      `Licence ${license.code} granted by ${t.publisher.name} to ${t.licensee.name}: ${rights.use}, ${rights.territory}, ${rights.portion}, valid from ${rights.validFrom.slice(0, 10)} ${rights.validUntil ? `until ${rights.validUntil.slice(0, 10)}` : 'without end date'}. Verify at ${verifyUrl}`,
    ),
  );
  doc.setAuthor(winAnsi(t.publisher.name));
  doc.setKeywords([
    license.code,
    'licence',
    verifyUrl,
    ...t.articles.map((a) => a.canonicalUrl),
    winAnsi(rights.use),
    winAnsi(rights.territory),
  ]);
  doc.setCreator('Republish Desk');
  doc.setCreationDate(now);
  const w = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );

  w.text('Licence certificate', { size: 22, bold: true, gap: 2 });
  w.text(license.code, { size: 15, bold: true, gap: 4 });
  w.text(`Issued by ${t.publisher.name} on ${formatDate(license.createdAt)} for request ${t.reference}.`, {
    color: MUTED,
  });
  w.text(`Status on ${formatDateTime(now.toISOString())}: ${STATE_LABELS[licenseState(license, now)]}.`, {
    color: MUTED,
  });

  w.heading('Parties');
  w.fact('Licensor', `${t.publisher.name} (${t.publisher.url})`);
  w.fact('Licensee', `${t.licensee.name} — ${ORG_TYPE_LABELS[t.licensee.type]}, ${t.licensee.country}`);

  if (t.catalogue) {
    // The articles of a catalogue licence are its selection's: the filters and the count, never thousands of lines.
    w.heading(`Catalogue selection (${articleCountText(t.catalogue.articleCount)} at issue)`);
    for (const line of selectionLines(t.catalogue.selection)) w.fact(line.label, line.value);
    w.text('Text only, delivered through the API export of this licence.', { color: MUTED });
  } else w.heading(t.articles.length === 1 ? 'Article' : `Articles (${t.articles.length})`);
  t.articles.forEach((a, i) => {
    w.text(`${i + 1}. ${a.title}`, { bold: true });
    w.text([a.byline && `By ${a.byline}`, a.canonicalUrl].filter(Boolean).join(' — '), {
      indent: 12,
      gap: 3,
      color: MUTED,
    });
  });

  w.heading('Scope');
  w.fact('Use', USE_LABELS[t.use]);
  w.fact('Publication', `${t.publicationName} (${t.publicationUrl})`);
  if (!t.catalogue) w.fact('Audience', `${t.audience.toLocaleString('en-GB')} per month`);
  w.fact('Territory', territoryText(t.territory, t.territoryDetail));
  w.fact('Portion', PORTION_LABELS[t.portion]);
  if (!t.catalogue) w.fact('Translation', t.translation ? `Into ${t.translationLanguage}` : 'None');

  w.heading('Fee and validity');
  w.fact(
    'Fee',
    `${formatMoney(license.fee, license.currency)} — invoice ${license.invoiceRef}${license.paidAt ? `, paid ${formatDate(license.paidAt)}` : ', awaiting payment'}`,
  );
  w.fact('Duration', DURATION_LABELS[t.duration]);
  w.fact(
    'Valid',
    license.validUntil
      ? `From ${formatDate(license.validFrom)} until ${formatDate(license.validUntil)}`
      : `From ${formatDate(license.validFrom)}, without end date`,
  );

  w.heading('Terms');
  for (const term of t.terms) w.text(`• ${term}`, { indent: 6, gap: 2 });
  // Licences issued before the take-down duty was written into the terms still carry it.
  if (!t.terms.includes(rights.takedownTerm)) w.text(`• ${rights.takedownTerm}`, { indent: 6, gap: 2 });

  w.heading('Credit line');
  w.text(license.creditLine);

  w.heading('Verification');
  w.text(`Anyone can check this licence at ${verifyUrl}`);

  w.footer(license.code, verifyUrl);
  return doc.save({ useObjectStreams: false });
}
