import { AppError } from '@/lib/errors';

/*
 * Opaque cursors: a kind letter and a row id, base64url-encoded, so clients pass them back without
 * building them (and the desk may change what is inside). A cursor of one list is refused by another.
 */

export type CursorKind = 'l' | 'n' | 'e';

export function encodeCursor(kind: CursorKind, id: number): string {
  return Buffer.from(`${kind}1:${id}`).toString('base64url');
}

/** The id inside `value`, 0 when absent; an unreadable cursor is a 422 naming the parameter. */
export function decodeCursor(kind: CursorKind, value: string | null, param: string): number {
  if (value === null || value === '') return 0;
  const raw = /^[A-Za-z0-9_-]{1,40}$/.test(value) ? Buffer.from(value, 'base64url').toString() : '';
  const m = new RegExp(`^${kind}1:(\\d{1,15})$`).exec(raw);
  if (!m) throw new AppError('invalid', 'This cursor is not one the API gave out.', { [param]: 'Unknown cursor.' });
  return Number(m[1]);
}

/** `limit`: a whole number from 1 to max, `fallback` when absent. */
export function parseLimit(value: string | null, fallback: number, max: number): number {
  if (value === null || value === '') return fallback;
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > max)
    throw new AppError('invalid', `limit is a whole number from 1 to ${max}.`, { limit: `From 1 to ${max}.` });
  return Number(value);
}
