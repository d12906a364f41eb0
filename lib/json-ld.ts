import type { Thing, WithContext } from 'schema-dts';

/**
 * JSON-LD as the text of a `<script type="application/ld+json">` element. The text of a script
 * element ends at the first `</script` whatever JSON thinks, and `<!--` changes how it is parsed,
 * so `<`, `>` and `&` are written as JSON's \u escapes (the same string to any JSON parser); U+2028
 * and U+2029 too, for older JavaScript readers. A headline holding `</script><script>…` stays data.
 */
export function jsonLdScript(data: WithContext<Thing> | Record<string, unknown>): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The whole element, for documents written as text (the licensed HTML copy). */
export const jsonLdElement = (data: WithContext<Thing> | Record<string, unknown>) =>
  `<script type="application/ld+json">${jsonLdScript(data)}</script>`;
