/**
 * `npm run keys:rotate`: a new Ed25519 key signs licence verifications from now on. The old key
 * stays in /.well-known/jwks.json until the last signature it made has expired
 * (SIGNATURE_LIFETIME_DAYS); keys past that are removed. A running server picks the new key up on
 * its next signature (it re-reads the key file when it changes).
 */
import { dataDir } from '@/db/client';
import { publishedKeys, rotateSigningKey, SIGNATURE_LIFETIME_DAYS } from '@/lib/licenses/signing-keys';

const { kid, retired, removed } = rotateSigningKey();
console.log(`Signing with the new key ${kid} (in ${dataDir()}).`);
for (const k of retired) console.log(`Retired ${k}: still published for ${SIGNATURE_LIFETIME_DAYS} days.`);
for (const k of removed) console.log(`Removed ${k}: its signatures have all expired.`);
console.log(
  `Published keys: ${publishedKeys()
    .keys.map((k) => k.kid)
    .join(', ')}`,
);
