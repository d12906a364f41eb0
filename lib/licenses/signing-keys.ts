import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { dataDir } from '@/db/client';

/**
 * The desk's Ed25519 signing keys (docs/DESIGN.md § Signed verification). They live in DATA_DIR
 * (`signing-keys.json`, mode 0600), never in the repository: the first key is made on first start
 * or first use, like the auth secret (lib/auth/secret.ts); `npm run keys:rotate` adds a new one.
 *
 * A signature expires SIGNATURE_LIFETIME_DAYS after it was made, so a retired key stays in the
 * JWKS for that long after its retirement (every signature it made can still be checked) and is
 * dropped after.
 */
export const SIGNATURE_LIFETIME_DAYS = 365;
const LIFETIME_MS = SIGNATURE_LIFETIME_DAYS * 86_400_000;
export const SIGNING_ALG = 'EdDSA';

type PrivateJwk = { kty: 'OKP'; crv: 'Ed25519'; x: string; d: string };
export type PublicJwk = { kty: 'OKP'; crv: 'Ed25519'; x: string; kid: string; alg: string; use: 'sig' };
type StoredKey = { kid: string; createdAt: string; retiredAt: string | null; jwk: PrivateJwk };
type KeyFile = { keys: StoredKey[] };

export const signingKeysFile = () => path.join(dataDir(), 'signing-keys.json');

/** RFC 7638 thumbprint of an OKP key: the required members in lexicographic order, SHA-256, base64url. */
export function jwkThumbprint(jwk: { crv: string; kty: string; x: string }): string {
  return createHash('sha256')
    .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x }))
    .digest('base64url');
}

function newKey(now: Date): StoredKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' }) as PrivateJwk;
  return { kid: jwkThumbprint(jwk), createdAt: now.toISOString(), retiredAt: null, jwk };
}

// Re-read when the file changes (a rotation while the server runs), else from memory.
let cache: { mtimeMs: number; file: string; keys: KeyFile } | undefined;

function readFile(file: string): KeyFile | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return undefined;
  }
  if (cache && cache.file === file && cache.mtimeMs === stat.mtimeMs) return cache.keys;
  const keys = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  cache = { file, mtimeMs: stat.mtimeMs, keys };
  return keys;
}

/** Writes the whole file at once (temporary file, then rename), so a reader never sees half of it. */
function writeFile(file: string, keys: KeyFile): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
  cache = undefined;
}

/** The key file, made with a first key if there is none yet. */
export function ensureSigningKeys(now = new Date()): KeyFile {
  const file = signingKeysFile();
  const existing = readFile(file);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // 'wx' fails if another process wrote it first; then read theirs.
  try {
    fs.writeFileSync(file, `${JSON.stringify({ keys: [newKey(now)] }, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return readFile(file)!;
}

/** The key that signs now: the newest one not retired. */
export function currentSigningKey(now = new Date()): { kid: string; key: KeyObject } {
  const keys = ensureSigningKeys(now).keys.filter((k) => !k.retiredAt);
  const newest = keys[keys.length - 1];
  if (!newest) throw new Error(`No signing key in use in ${signingKeysFile()}: run npm run keys:rotate.`);
  return { kid: newest.kid, key: createPrivateKey({ key: newest.jwk, format: 'jwk' }) };
}

const stillPublished = (k: StoredKey, now: Date) =>
  !k.retiredAt || new Date(k.retiredAt).getTime() + LIFETIME_MS > now.getTime();

/** The JWKS: the key in use and every retired key whose signatures may not have expired yet. */
export function publishedKeys(now = new Date()): { keys: PublicJwk[] } {
  return {
    keys: ensureSigningKeys(now)
      .keys.filter((k) => stillPublished(k, now))
      .reverse()
      .map((k) => ({ kty: 'OKP', crv: 'Ed25519', x: k.jwk.x, kid: k.kid, alg: SIGNING_ALG, use: 'sig' })),
  };
}

/**
 * A new key signs from now on; the one before is retired but stays published until its last
 * signature expires. Keys past that are removed from the file.
 */
export function rotateSigningKey(now = new Date()): { kid: string; retired: string[]; removed: string[] } {
  const file = signingKeysFile();
  const { keys } = ensureSigningKeys(now);
  const retired: string[] = [];
  const kept = keys.map((k) => {
    if (k.retiredAt) return k;
    retired.push(k.kid);
    return { ...k, retiredAt: now.toISOString() };
  });
  const removed = kept.filter((k) => !stillPublished(k, now)).map((k) => k.kid);
  const next = newKey(now);
  writeFile(file, { keys: [...kept.filter((k) => stillPublished(k, now)), next] });
  return { kid: next.kid, retired, removed };
}
