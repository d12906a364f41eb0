import { z } from 'zod';

// Text people type reaches mails, CSV exports, PDFs, logs and other people's screens. Control
// characters break lines there (CR/LF: forged mail headers and CSV rows; NUL: truncation), and
// the bidi controls reorder what is displayed ("Trusted‮gro.live" shows as "Trustedevil.org")
// (issue 13 item 12). `new URL()` silently drops tab and newline, so URLs are checked as typed.

/** Bidi embeddings, overrides and isolates; the LRM/RLM marks. */
const BIDI = '\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
/** Every C0 and C1 control, DEL, line/paragraph separators, bidi controls. */
const NOT_SINGLE_LINE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029${BIDI}]`);
/** The same, except tab, LF and CR, which notes keep. */
const NOT_MULTI_LINE = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u2028\\u2029${BIDI}]`);

export const SINGLE_LINE_MESSAGE = 'Use one line of plain text (no line breaks, control or text-direction characters).';
export const MULTI_LINE_MESSAGE = 'Remove the control or text-direction characters.';

export const isSingleLine = (v: string) => !NOT_SINGLE_LINE.test(v);
export const isMultiLine = (v: string) => !NOT_MULTI_LINE.test(v);

/**
 * Every single-line text field (names, organisations, titles, references, URLs, emails): the
 * check runs on the text as sent, before trimming, so a trailing newline is refused too.
 * Chain length rules after it: `singleLine().min(1, '…').max(200)`.
 */
export const singleLine = (params?: string | { message?: string }) =>
  z.string(params).refine(isSingleLine, SINGLE_LINE_MESSAGE).trim();

/** Notes and messages: line breaks and tabs stay, NUL, other controls and bidi controls are refused. */
export const multiLine = (params?: string | { message?: string }) =>
  z.string(params).refine(isMultiLine, MULTI_LINE_MESSAGE).trim();
