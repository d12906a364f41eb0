import { inflateSync } from 'fflate';

// WinAnsi bytes 0x80–0x9F that differ from Latin-1.
const CP1252: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

/**
 * The text pdf-lib drew with standard fonts: inflates every Flate stream and decodes the hex
 * strings shown with Tj, one line per Tj. Enough to check a certificate, not a general extractor.
 */
export function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  const lines: string[] = [];
  const streams = /(?<!end)stream\r?\n/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    let content: string;
    try {
      // Skip the 2-byte zlib header; raw inflate stops at the last block, whatever follows.
      content = Buffer.from(inflateSync(bytes.subarray(start + 2, end))).toString('latin1');
    } catch {
      content = raw.slice(start, end);
    }
    for (const t of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
      const codes = t[1].match(/../g) ?? [];
      lines.push(codes.map((h) => CP1252[parseInt(h, 16)] ?? String.fromCharCode(parseInt(h, 16))).join(''));
    }
    streams.lastIndex = end;
  }
  return lines.join('\n');
}
