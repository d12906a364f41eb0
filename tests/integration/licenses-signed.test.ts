import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { calculateJwkThumbprint, createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import type { Db } from '@/db/client';
import { licenseRequests, type License } from '@/db/schema';
import { downloadLicense } from '@/lib/licenses/download';
import type { LicenseTerms } from '@/lib/licenses/issue';
import { markArticle } from '@/lib/licenses/notices';
import { signedVerification } from '@/lib/licenses/signed';
import {
  currentSigningKey,
  publishedKeys,
  rotateSigningKey,
  SIGNATURE_LIFETIME_DAYS,
  signingKeysFile,
} from '@/lib/licenses/signing-keys';
import { takedownTerm } from '@/lib/licenses/terms';
import { transition } from '@/lib/requests/transition';
import { setSetting } from '@/lib/settings';
import { siteUrl } from '@/lib/site';
import { freshDb } from '../helpers/db';
import { desk, submit } from '../helpers/requests';

const ROOT = path.resolve(__dirname, '..', '..');
const today = () => new Date().toISOString().slice(0, 10);
const DAY = 86_400_000;

let db: Db;
let d: ReturnType<typeof desk>;
let license: License;

beforeEach(async () => {
  db = freshDb();
  d = desk(db);
  license = (await submit(db, d.publisher, [d.slugs[0]], { startDate: today() })).license!;
});

const verify = (jws: string, now = new Date()) =>
  jwtVerify(jws, createLocalJWKSet(publishedKeys(now)), {
    issuer: siteUrl(),
    algorithms: ['EdDSA'],
    currentDate: now,
  });

/** The same JWS with one claim changed and the old signature kept. */
function tamper(jws: string, change: Record<string, unknown>): string {
  const [h, p, s] = jws.split('.');
  const payload = { ...JSON.parse(Buffer.from(p, 'base64url').toString('utf8')), ...change };
  return [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
}

describe('signing keys', () => {
  it('are made on first use in DATA_DIR, private to the desk, and published without their private part', async () => {
    const { kid } = currentSigningKey();
    const file = signingKeysFile();
    expect(file.startsWith(process.env.DATA_DIR!)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const { keys } = publishedKeys();
    expect(keys.map((k) => k.kid)).toContain(kid);
    for (const k of keys) {
      expect(k).not.toHaveProperty('d');
      expect(k).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
      // The kid is the RFC 7638 thumbprint, as any JOSE library computes it.
      expect(k.kid).toBe(await calculateJwkThumbprint(k));
    }
  });

  it('rotation: the new key signs, the old one stays published until its signatures expire, then goes', async () => {
    const old = (await signedVerification(license.code, db))!.jws;
    const oldKid = decodeProtectedHeader(old).kid;
    const { kid: newKid, retired } = rotateSigningKey();
    expect(retired).toEqual([oldKid]);
    const fresh = (await signedVerification(license.code, db))!.jws;
    expect(decodeProtectedHeader(fresh).kid).toBe(newKid);
    expect(publishedKeys().keys.map((k) => k.kid)).toEqual([newKid, oldKid]);
    await expect(verify(old)).resolves.toBeTruthy();
    await expect(verify(fresh)).resolves.toBeTruthy();

    // Past the lifetime every signature of the old key has expired, and the key leaves the set.
    const later = new Date(Date.now() + (SIGNATURE_LIFETIME_DAYS + 1) * DAY);
    expect(publishedKeys(later).keys.map((k) => k.kid)).toEqual([newKid]);
    const { removed } = rotateSigningKey(later);
    expect(removed).toEqual([oldKid]);
  });
});

describe('GET /api/licenses/[code]: the public facts, signed', () => {
  it('answers the verification facts and a JWS of exactly those facts, with kid, iat and exp', async () => {
    const now = new Date();
    const signed = (await signedVerification(license.code.toLowerCase(), db, now))!;
    expect(signed.license).toMatchObject({
      code: license.code,
      status: 'active',
      state: 'active',
      licensee: d.org.name,
      publicationUrl: 'https://testtimes.example/news',
      websites: ['testtimes.example'],
      use: 'web',
      territory: 'country',
      takedownHours: 24,
      verifyUrl: `${siteUrl()}/licenses/${license.code}`,
      notices: [],
    });
    expect(JSON.stringify(signed.license)).not.toMatch(/fee|invoice|INV-|@|paid/i);

    const { payload, protectedHeader } = await verify(signed.jws);
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'JWT', kid: currentSigningKey().kid });
    expect(payload.sub).toBe(license.code);
    expect(payload.iat).toBe(Math.floor(now.getTime() / 1000));
    expect(payload.exp).toBe(payload.iat! + SIGNATURE_LIFETIME_DAYS * 86_400);
    const { iss, sub, iat, exp, ...facts } = payload;
    void [iss, sub, iat, exp];
    expect(facts).toEqual(JSON.parse(JSON.stringify(signed.license)));
    expect(await signedVerification('LIC-0000-0000-0000', db)).toBeUndefined();
  });

  it('a tampered JWS is refused: changed facts, another key, alg none', async () => {
    const { jws } = (await signedVerification(license.code, db))!;
    await expect(verify(tamper(jws, { status: 'active', licensee: 'Someone Else' }))).rejects.toThrow(/signature/i);
    await expect(verify(tamper(jws, { exp: Math.floor(Date.now() / 1000) + 100 * 365 * 86_400 }))).rejects.toThrow(
      /signature/i,
    );
    const [, p] = jws.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${p}.`;
    await expect(verify(none)).rejects.toThrow();
    // Signed by a key the desk never published.
    const before = publishedKeys();
    rotateSigningKey();
    const stranger = (await signedVerification(license.code, db))!.jws;
    await expect(
      jwtVerify(stranger, createLocalJWKSet(before), { issuer: siteUrl(), algorithms: ['EdDSA'] }),
    ).rejects.toThrow();
  });

  it('after revocation the API says revoked, and the JWS signed before still verifies with its issue time', async () => {
    const before = (await signedVerification(license.code, db, new Date(Date.now() - 60_000)))!;
    const req = db.select().from(licenseRequests).where(eq(licenseRequests.id, license.requestId)).get()!;
    await transition(
      { reference: req.reference, action: 'revoke', expectedVersion: req.version, note: 'Breach.' },
      d.staff,
      db,
    );
    const after = (await signedVerification(license.code, db))!;
    expect(after.license).toMatchObject({ status: 'revoked', state: 'revoked' });
    expect((await verify(after.jws)).payload.status).toBe('revoked');
    const old = await verify(before.jws);
    expect(old.payload.status).toBe('active');
    expect(old.payload.iat).toBeLessThan((await verify(after.jws)).payload.iat!);
  });
});

describe("the README's five lines", () => {
  it('verify a downloaded HTML copy with nothing but jose and the published JWKS', async () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const at = readme.indexOf('Verify a copy offline');
    const snippet = /```js\n([\s\S]*?)```/.exec(readme.slice(at))![1]!;
    expect(snippet.trim().split('\n')).toHaveLength(5);
    // The copy and the JWKS saved next to the script, as the README says; jose resolved from this repository.
    const dir = fs.mkdtempSync(path.join(ROOT, 'node_modules', '.readme-verify-'));
    try {
      const copy = await downloadLicense(license.code, 'html', d.publisher, db);
      fs.writeFileSync(path.join(dir, 'LIC-XXXX-XXXX-XXXX.html'), copy.body as string);
      fs.writeFileSync(path.join(dir, 'jwks.json'), JSON.stringify(publishedKeys()));
      fs.writeFileSync(path.join(dir, 'verify.mjs'), snippet.replace('https://desk.example', siteUrl()));
      const run = spawnSync(process.execPath, ['verify.mjs'], { cwd: dir, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain(`code: '${license.code}'`);
      // A changed fact in the copy: the same five lines refuse it.
      const html = fs.readFileSync(path.join(dir, 'LIC-XXXX-XXXX-XXXX.html'), 'utf8');
      const jws = /class="licence-jws">([\w.-]+)</.exec(html)![1]!;
      fs.writeFileSync(
        path.join(dir, 'LIC-XXXX-XXXX-XXXX.html'),
        html.replace(jws, tamper(jws, { territory: 'worldwide' })),
      );
      const refused = spawnSync(process.execPath, ['verify.mjs'], { cwd: dir, encoding: 'utf8' });
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toMatch(/signature verification failed/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the kill-notice duty (take down within the configured hours)', () => {
  it('is in the frozen terms, and a withdrawal notice carries its deadline in the signed facts', async () => {
    const terms = license.terms as LicenseTerms;
    expect(terms.terms).toContain(takedownTerm(24));
    expect(terms.takedownHours).toBe(24);
    await markArticle(d.articleIds[0], 'withdrawn', 'Legal complaint.', d.staff, db);
    const { license: facts, jws } = (await signedVerification(license.code, db))!;
    const [notice] = facts.notices;
    expect(notice).toMatchObject({ kind: 'withdrawn', note: 'Legal complaint.' });
    expect(new Date(notice.takedownBy!).getTime() - new Date(notice.createdAt).getTime()).toBe(24 * 3_600_000);
    expect(((await verify(jws)).payload.notices as { takedownBy: string }[])[0].takedownBy).toBe(notice.takedownBy);
    const mail = db.$client.prepare("select text from outbox where kind = 'article_withdrawn'").get() as {
      text: string;
    };
    expect(mail.text).toContain('must be taken down by');
  });

  it('a changed setting applies to licences issued after it; earlier licences keep their hours', async () => {
    setSetting('takedownHours', 6, db);
    const later = (await submit(db, d.publisher, [d.slugs[1]], { startDate: today() })).license!;
    expect((later.terms as LicenseTerms).terms).toContain(takedownTerm(6));
    expect((await signedVerification(later.code, db))!.license.takedownHours).toBe(6);
    expect((await signedVerification(license.code, db))!.license.takedownHours).toBe(24);
  });
});
