import type { RightsStatus } from '@/db/schema';

/** One article as read from a feed or JSON file, before validation. Fields a format lacks are absent. */
export type RawItem = {
  /** Where it is in its file, for messages: "item 3 (line 41)". */
  place: string;
  url?: string;
  slug?: string;
  title?: string;
  standfirst?: string;
  /** HTML; sanitized on import. */
  body?: string;
  authors?: string[];
  section?: string;
  tags?: string[];
  language?: string;
  publishedAt?: string;
  updatedAt?: string;
  rightsStatus?: RightsStatus;
  premiumMilli?: number;
  embargoUntil?: string | null;
  images?: RawImage[];
  /** Set when the source already shows the item cannot be used; it is skipped with this reason. */
  problem?: string;
};

export type RawImage = { url: string; caption?: string; credit?: string; rightsHolder?: string };

/** A file that cannot be read as a whole: nothing is imported from it. */
export class ImportFileError extends Error {
  constructor(
    readonly file: string,
    readonly where: string,
    readonly reason: string,
  ) {
    super(`${file}${where ? `:${where}` : ''}: ${reason}`);
    this.name = 'ImportFileError';
  }
}

/** Line and column (1-based) of a character offset, for messages. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}
