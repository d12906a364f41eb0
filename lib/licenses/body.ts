/**
 * A small reader for article bodies. Bodies are stored sanitized (lib/catalogue/sanitize.ts), so
 * they hold only a known handful of tags with balanced nesting; this turns them into a tree we can
 * cut to an excerpt, strip of unlicensed images, and write out as HTML, Markdown or plain text.
 */
import { escapeHtml } from '@/lib/html';

export type BodyNode =
  { type: 'text'; text: string } | { type: 'el'; tag: string; attrs: Record<string, string>; children: BodyNode[] };

const VOID = new Set(['br', 'img', 'hr']);
const TOKEN =
  /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

export function parseBody(html: string): BodyNode[] {
  const root: BodyNode = { type: 'el', tag: '#root', attrs: {}, children: [] };
  const stack: Extract<BodyNode, { type: 'el' }>[] = [root as Extract<BodyNode, { type: 'el' }>];
  const top = () => stack[stack.length - 1];
  const text = (s: string) => {
    if (s) top().children.push({ type: 'text', text: decodeEntities(s) });
  };
  let last = 0;
  for (const m of html.matchAll(TOKEN)) {
    text(html.slice(last, m.index));
    last = m.index! + m[0].length;
    if (!m[2]) continue; // a comment
    const tag = m[2].toLowerCase();
    if (m[1]) {
      const at = stack.map((n) => n.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(ATTR)) attrs[a[1].toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    const el: BodyNode = { type: 'el', tag, attrs, children: [] };
    top().children.push(el);
    if (!VOID.has(tag)) stack.push(el);
  }
  text(html.slice(last));
  return root.children;
}

export function toHtml(nodes: BodyNode[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'text') return escapeHtml(n.text);
      const attrs = Object.entries(n.attrs)
        .map(([k, v]) => ` ${k}="${escapeHtml(v)}"`)
        .join('');
      return VOID.has(n.tag) ? `<${n.tag}${attrs}>` : `<${n.tag}${attrs}>${toHtml(n.children)}</${n.tag}>`;
    })
    .join('');
}

export function plainText(nodes: BodyNode[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : n.tag === 'br' ? '\n' : plainText(n.children))).join('');
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/**
 * The licensed excerpt: whole top-level blocks from the start while they fit in `maxWords`;
 * a first block that is already too long is cut at the limit.
 */
export function excerpt(nodes: BodyNode[], maxWords = 300): BodyNode[] {
  const out: BodyNode[] = [];
  let used = 0;
  for (const n of nodes) {
    const w = words(plainText([n])).length;
    if (w === 0) continue;
    if (used + w > maxWords) {
      if (out.length === 0)
        out.push({
          type: 'el',
          tag: 'p',
          attrs: {},
          children: [
            {
              type: 'text',
              text: `${words(plainText([n]))
                .slice(0, maxWords)
                .join(' ')} …`,
            },
          ],
        });
      break;
    }
    out.push(n);
    used += w;
  }
  return out;
}

/** Removes images (and figures around them) that `keep` refuses; returns how many went. */
export function filterImages(
  nodes: BodyNode[],
  keep: (src: string) => boolean,
): { nodes: BodyNode[]; removed: number } {
  let removed = 0;
  const walk = (list: BodyNode[]): BodyNode[] =>
    list.flatMap((n): BodyNode[] => {
      if (n.type === 'text') return [n];
      if (n.tag === 'img' && !keep(n.attrs.src ?? '')) {
        removed += 1;
        return [];
      }
      if (n.tag === 'figure') {
        const before = removed;
        const children = walk(n.children);
        // A figure whose picture went would leave a caption for nothing.
        return removed > before && !children.some((c) => c.type === 'el' && c.tag === 'img')
          ? []
          : [{ ...n, children }];
      }
      return [{ ...n, children: walk(n.children) }];
    });
  return { nodes: walk(nodes), removed };
}

export const mdEscape = (s: string) => s.replace(/([\\`*_[\]<>])/g, '\\$1');
const squash = (s: string) => s.replace(/\s+/g, ' ');

function mdInline(nodes: BodyNode[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'text') return mdEscape(squash(n.text));
      const inner = mdInline(n.children).trim();
      switch (n.tag) {
        case 'em':
        case 'i':
          return inner ? `*${inner}*` : '';
        case 'strong':
        case 'b':
          return inner ? `**${inner}**` : '';
        case 'a':
          return n.attrs.href ? `[${inner}](<${n.attrs.href.replace(/[<>\s]/g, encodeURIComponent)}>)` : inner;
        case 'br':
          return '  \n';
        case 'code':
          return `\`${plainText(n.children).replace(/`/g, "'")}\``;
        case 'img':
          return `![${mdEscape(n.attrs.alt ?? '')}](<${(n.attrs.src ?? '').replace(/[<>\s]/g, encodeURIComponent)}>)`;
        default:
          return mdInline(n.children);
      }
    })
    .join('');
}

export function toMarkdown(nodes: BodyNode[]): string {
  const blocks: string[] = [];
  for (const n of nodes) {
    if (n.type === 'text') {
      if (n.text.trim()) blocks.push(mdEscape(squash(n.text).trim()));
      continue;
    }
    switch (n.tag) {
      case 'h2':
      case 'h3':
      case 'h4':
        blocks.push(`${'#'.repeat(Number(n.tag[1]))} ${mdInline(n.children).trim()}`);
        break;
      case 'blockquote':
        blocks.push(
          toMarkdown(
            n.children.some((c) => c.type === 'el' && c.tag === 'p')
              ? n.children
              : [{ type: 'el', tag: 'p', attrs: {}, children: n.children }],
          )
            .split('\n')
            .map((l) => (l ? `> ${l}` : '>'))
            .join('\n'),
        );
        break;
      case 'ul':
      case 'ol': {
        const items = n.children.filter((c) => c.type === 'el' && c.tag === 'li');
        blocks.push(
          items
            .map(
              (li, i) =>
                `${n.tag === 'ol' ? `${i + 1}.` : '-'} ${mdInline((li as Extract<BodyNode, { type: 'el' }>).children).trim()}`,
            )
            .join('\n'),
        );
        break;
      }
      case 'hr':
        blocks.push('---');
        break;
      case 'pre':
        blocks.push('```\n' + plainText(n.children).replace(/```/g, "'''") + '\n```');
        break;
      case 'figure':
        blocks.push(toMarkdown(n.children));
        break;
      case 'figcaption':
        blocks.push(`*${mdInline(n.children).trim()}*`);
        break;
      default: {
        const inline = mdInline([n]).trim();
        if (inline) blocks.push(inline);
      }
    }
  }
  return blocks.filter(Boolean).join('\n\n');
}

export function toText(nodes: BodyNode[]): string {
  const inline = (list: BodyNode[]): string =>
    list
      .map((n) => {
        if (n.type === 'text') return squash(n.text);
        if (n.tag === 'br') return '\n';
        if (n.tag === 'img') return '';
        const inner = inline(n.children);
        if (n.tag === 'a' && n.attrs.href && n.attrs.href !== inner.trim()) return `${inner} (${n.attrs.href})`;
        return inner;
      })
      .join('');
  const blocks: string[] = [];
  for (const n of nodes) {
    if (n.type === 'text') {
      if (n.text.trim()) blocks.push(squash(n.text).trim());
      continue;
    }
    if (n.tag === 'ul' || n.tag === 'ol') {
      const items = n.children.filter((c): c is Extract<BodyNode, { type: 'el' }> => c.type === 'el' && c.tag === 'li');
      blocks.push(
        items.map((li, i) => `${n.tag === 'ol' ? `${i + 1}.` : '*'} ${inline(li.children).trim()}`).join('\n'),
      );
    } else if (n.tag === 'blockquote') {
      blocks.push(`“${toText(n.children).trim()}”`);
    } else if (n.tag === 'figure') {
      const t = toText(n.children);
      if (t) blocks.push(t);
    } else if (n.tag === 'hr') {
      blocks.push('* * *');
    } else if (n.tag === 'pre') {
      blocks.push(plainText(n.children));
    } else {
      const t = inline([n]).trim();
      if (t) blocks.push(t);
    }
  }
  return blocks.join('\n\n');
}
