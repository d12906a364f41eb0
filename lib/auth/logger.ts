import 'server-only';
import type { NextAuthOptions } from 'next-auth';

type LoggerInstance = Required<NonNullable<NextAuthOptions['logger']>>;

/** The message of whatever next-auth hands over (an Error, `{ error }`, `{ message }`), on one short line. */
function messageOf(metadata: unknown): string {
  const m = metadata as { message?: unknown; error?: { message?: unknown } } | undefined;
  const text = m instanceof Error ? m.message : (m?.error?.message ?? m?.message ?? '');
  return String(text).replace(/\s+/g, ' ').slice(0, 200);
}

/**
 * next-auth's logger. Its default prints the whole error object with its stack for every bad
 * session cookie, so anyone could flood the log by sending garbage cookies (issue 13, item 13).
 * Here every event is one line: the code and a short message, never a stack or a token.
 */
export const authLogger: LoggerInstance = {
  error(code, metadata) {
    console.error(`[auth] ${code}${messageOf(metadata) ? `: ${messageOf(metadata)}` : ''}`);
  },
  warn(code) {
    console.warn(`[auth] ${code}`);
  },
  debug() {
    // Debug output would include tokens; never printed.
  },
};
