/**
 * A catalogue selection in words, for pages, the certificate and mails. Pure: safe in client
 * components (db/schema is imported for its type only).
 */
import type { CatalogueSelection } from '@/db/schema';

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

const day = (d: string) =>
  new Date(`${d}T00:00:00.000Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** Each filter as one line: "Sections: News and Sport", "Published: 1 March 2025 to 1 March 2026"… */
export function selectionLines(s: CatalogueSelection): { label: string; value: string }[] {
  const published =
    s.from && s.to
      ? `${day(s.from)} to ${day(s.to)}`
      : s.from
        ? `on or after ${day(s.from)}`
        : s.to
          ? `on or before ${day(s.to)}`
          : 'any date';
  return [
    { label: 'Sections', value: s.sections.length ? list(s.sections) : 'All sections' },
    { label: 'Tags', value: s.tags.length ? `any of ${list(s.tags)}` : 'Any tags' },
    { label: 'Published', value: published },
    {
      label: 'New articles',
      value: s.ongoing
        ? 'Included: matching articles published while the licence runs'
        : 'Not included: the selection as it stood at issue',
    },
  ];
}

/** One sentence: "News and Sport, tags any of harbour, published 1 March 2025 to 1 March 2026, ongoing". */
export function selectionSentence(s: CatalogueSelection): string {
  const [sections, tags, published] = selectionLines(s);
  return [
    sections!.value,
    s.tags.length ? `tags ${tags!.value}` : null,
    s.from || s.to ? `published ${published!.value}` : null,
    s.ongoing ? 'with new articles while it runs' : null,
  ]
    .filter(Boolean)
    .join(', ');
}

export const articleCountText = (n: number) => `${n.toLocaleString('en-GB')} article${n === 1 ? '' : 's'}`;
