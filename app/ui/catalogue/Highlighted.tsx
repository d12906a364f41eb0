import type { Segment } from '@/lib/catalogue/fts';

/**
 * Search highlights as React text and <mark> elements: the text is never parsed as HTML, so
 * anything an article contains is shown, not run.
 */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}
