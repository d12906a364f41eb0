#!/usr/bin/env node
/**
 * Checks a licensed HTML copy offline with nothing but `jose`, the way a licensee's developer
 * would (the README's five lines, made runnable):
 *   node scripts/verify-copy.mjs <copy.html> <jwks.json file or URL> <issuer, the desk's address>
 * Prints the signed facts as JSON and exits 0; exits 1 when the signature or the claims are refused.
 */
import fs from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify } from 'jose';

const [file, keys, issuer] = process.argv.slice(2);
if (!file || !keys || !issuer) {
  console.error('usage: node scripts/verify-copy.mjs <copy.html> <jwks.json file or URL> <issuer>');
  process.exit(2);
}
const html = fs.readFileSync(file, 'utf8');
const jws = /<script type="application\/jose" class="licence-jws">([\w.-]+)<\/script>/.exec(html)?.[1];
if (!jws) {
  console.error('no signed licence (application/jose) in this copy');
  process.exit(1);
}
const jwks = /^https?:/.test(keys)
  ? createRemoteJWKSet(new URL(keys))
  : createLocalJWKSet(JSON.parse(fs.readFileSync(keys, 'utf8')));
try {
  const { payload, protectedHeader } = await jwtVerify(jws, jwks, { issuer, algorithms: ['EdDSA'] });
  console.log(JSON.stringify({ kid: protectedHeader.kid, ...payload }));
} catch (e) {
  console.error(`refused: ${e.code ?? ''} ${e.message}`);
  process.exit(1);
}
