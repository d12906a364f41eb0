// Parsers that turn user-chosen names into object keys (form fields, query parameters, dotted
// paths) must never reach Object.prototype: `__proto__.x` assigned through a plain object sets x
// on every object in the process (issue 13 item 4). They build null-prototype objects and skip
// these names outright; parsers of nested names also keep only the keys their schema knows.

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** False for the names that lead to a prototype. */
export function isSafeKey(key: string): boolean {
  return !FORBIDDEN.has(key);
}

/** An empty object with no prototype: no inherited members, `__proto__` is an ordinary key. */
export function nullObject<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
