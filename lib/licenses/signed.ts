import 'server-only';
import { SignJWT } from 'jose';
import { getDb, type Db } from '@/db/client';
import { siteUrl } from '@/lib/site';
import { verifyLicense, type Verification } from './queries';
import { currentSigningKey, SIGNATURE_LIFETIME_DAYS, SIGNING_ALG } from './signing-keys';
import { licenseState, type LicenseState } from './status';

/** The licence's public facts as machines read them: the verification page's, with its links. */
export type LicenseFacts = Verification & {
  /** active, expiring, upcoming, expired or revoked: the state on the day of signing. */
  state: LicenseState;
  verifyUrl: string;
  apiUrl: string;
};

export const verifyUrlOf = (site: string, code: string) => `${site}/licenses/${code}`;
export const apiUrlOf = (site: string, code: string) => `${site}/api/licenses/${code}`;

/**
 * A compact JWS (a JWT) of the facts, signed with the desk's current Ed25519 key: header
 * `{ alg: EdDSA, kid, typ: JWT }`, claims `iss` (this desk), `sub` (the code), `iat` and `exp`.
 * It is a dated statement — "on iat the desk said this" — so it keeps verifying after the
 * licence is revoked; what is true now is what the API answers now. It expires
 * SIGNATURE_LIFETIME_DAYS after signing, which is what lets a retired key leave the JWKS.
 */
export async function signFacts(facts: LicenseFacts, now = new Date()): Promise<string> {
  const { kid, key } = currentSigningKey(now);
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ ...facts })
    .setProtectedHeader({ alg: SIGNING_ALG, kid, typ: 'JWT' })
    .setIssuer(siteUrl())
    .setSubject(facts.code)
    .setIssuedAt(iat)
    .setExpirationTime(iat + SIGNATURE_LIFETIME_DAYS * 86_400)
    .sign(key);
}

/** GET /api/licenses/[code]: the facts and their signature, or undefined for an unknown code. */
export async function signedVerification(
  rawCode: string,
  db: Db = getDb(),
  now = new Date(),
): Promise<{ license: LicenseFacts; jws: string } | undefined> {
  const v = await verifyLicense(rawCode, db);
  if (!v) return undefined;
  const site = siteUrl();
  const facts: LicenseFacts = {
    ...v,
    state: licenseState(v, now),
    verifyUrl: verifyUrlOf(site, v.code),
    apiUrl: apiUrlOf(site, v.code),
  };
  return { license: facts, jws: await signFacts(facts, now) };
}
