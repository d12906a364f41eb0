import { z } from 'zod';
import {
  API_NOTICE_KINDS,
  ARTICLE_STATES,
  DOWNLOAD_FORMATS,
  DURATIONS,
  LICENSE_STATUSES,
  NOTICE_KINDS,
  PORTIONS,
  TERRITORIES,
  USES,
} from '@/db/enums';

/*
 * The API's answers as zod schemas: the one source. Route handlers build their bodies to these types,
 * lib/api/openapi.ts turns them into the OpenAPI document's JSON Schemas, and the browser test parses
 * the real responses of a real server with them (strict objects: an undocumented field fails).
 * Pure (no server-only): tests and scripts import it.
 */

/** The named schemas of the OpenAPI document's components (a registry of its own, not zod's global one). */
export const apiSchemas = z.registry<{ id: string }>();

const isoDateTime = z.string().describe('ISO 8601 date-time (UTC)');

export const LICENSE_STATES = ['active', 'expiring', 'upcoming', 'expired', 'revoked'] as const;

export const apiError = z
  .strictObject({
    error: z.string().describe('What went wrong, for people'),
    code: z.string().optional().describe('Machine-readable code (unauthorized, not_found, rate_limited …)'),
    errors: z.record(z.string(), z.string()).optional().describe('Field → message'),
  })
  .register(apiSchemas, { id: 'Error' });

export const apiLicense = z
  .strictObject({
    code: z.string().describe('The licence code, e.g. LIC-7QK4-M2XD-9H3B'),
    status: z
      .enum(LICENSE_STATES)
      .describe('The state now: active, expiring (within 14 days), upcoming, expired, revoked'),
    validFrom: isoDateTime,
    validUntil: isoDateTime.nullable().describe('Null for a perpetual licence'),
    issuedAt: isoDateTime,
    fee: z.int().describe('Minor units (pence)'),
    currency: z.string(),
    paid: z.boolean(),
    use: z.enum(USES),
    territory: z.enum(TERRITORIES),
    portion: z.enum(PORTIONS),
    duration: z.enum(DURATIONS).describe('As agreed (after a counter-offer, the accepted one); validUntil is its end'),
    publicationName: z.string(),
    articles: z.array(z.strictObject({ title: z.string(), canonicalUrl: z.string() })),
    links: z.strictObject({
      verification: z.string().describe('The public verification page'),
      copies: z.record(z.enum(DOWNLOAD_FORMATS), z.string()).describe('Format → API address of the licensed copy'),
    }),
  })
  .register(apiSchemas, { id: 'License' });

export const apiLicenseList = z
  .strictObject({
    data: z.array(apiLicense).describe('Newest first'),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
  })
  .register(apiSchemas, { id: 'LicenseList' });

export const NOTICE_TYPES = {
  corrected: 'correction',
  withdrawn: 'withdrawal',
  revoked: 'revocation',
  expired: 'expiry',
  reminder: 'reminder',
} as const satisfies Record<(typeof API_NOTICE_KINDS)[number], string>;

/** A notice as an IPTC ninjs-style item: `pubStatus: canceled` means the copy must come down. */
export const apiNotice = z
  .strictObject({
    id: z.string().describe('Stable id of the notice (also the `data.id` of its webhook)'),
    type: z.enum(Object.values(NOTICE_TYPES) as [string, ...string[]]),
    pubStatus: z.enum(['usable', 'canceled']).describe('ninjs pubStatus: canceled = take the copy down'),
    versioncreated: isoDateTime,
    uri: z.string().nullable().describe('The canonical address of the article concerned (null: the whole licence)'),
    headline: z.string().nullable(),
    description_text: z.string().describe('The note: what was corrected, why it was withdrawn or revoked'),
    license: z.strictObject({ code: z.string(), status: z.enum(LICENSE_STATES), url: z.string() }),
    takeDown: z
      .strictObject({ required: z.literal(true), deadline: isoDateTime })
      .nullable()
      .describe('The licensee must remove the copy by the deadline'),
  })
  .register(apiSchemas, { id: 'Notice' });

export const apiNoticeFeed = z
  .strictObject({
    data: z.array(apiNotice).describe('Oldest first'),
    nextCursor: z.string().describe('Pass as `since` next time; unchanged when nothing new arrived'),
    hasMore: z.boolean(),
  })
  .register(apiSchemas, { id: 'NoticeFeed' });

/** The body POSTed to a webhook endpoint (Standard Webhooks: type, timestamp, data). */
export const webhookPayload = z
  .strictObject({
    type: z.string().describe('notice.<type>, e.g. notice.withdrawal'),
    timestamp: isoDateTime,
    data: apiNotice,
  })
  .register(apiSchemas, { id: 'WebhookPayload' });

/**
 * GET /api/licenses/{code} (public, no token): the verification page's facts and their compact JWS
 * (lib/licenses/signed.ts). The JWS's payload is `license` plus iss, sub, iat and exp.
 */
export const signedLicense = z
  .strictObject({
    license: z.strictObject({
      code: z.string(),
      status: z.enum(LICENSE_STATUSES).describe('As stored: active, expired or revoked'),
      statusChangedAt: isoDateTime.nullable(),
      validFrom: isoDateTime,
      validUntil: isoDateTime.nullable().describe('Null for a perpetual licence'),
      issuedAt: isoDateTime,
      publisher: z.string(),
      licensee: z.string().describe('Its legal name when it had one at issue'),
      websites: z.array(z.string()).describe('Hosts the licence covers'),
      publicationName: z.string(),
      publicationUrl: z.string(),
      use: z.enum(USES),
      territory: z.enum(TERRITORIES),
      territoryDetail: z.string(),
      portion: z.enum(PORTIONS),
      duration: z.enum(DURATIONS),
      translationLanguage: z.string().nullable(),
      creditLine: z.string(),
      takedownHours: z.int().describe('Hours to take a copy down after a kill notice'),
      catalogue: z
        .strictObject({
          selection: z.record(z.string(), z.unknown()).describe('The filters of a catalogue licence'),
          articleCount: z.int(),
          ongoing: z.boolean(),
        })
        .optional()
        .describe('Only for a catalogue licence (its articles list is then empty)'),
      articles: z.array(
        z.strictObject({
          title: z.string(),
          byline: z.string(),
          canonicalUrl: z.string(),
          state: z.enum(ARTICLE_STATES),
        }),
      ),
      notices: z
        .array(
          z.strictObject({
            id: z.int(),
            kind: z.enum(NOTICE_KINDS),
            note: z.string(),
            createdAt: isoDateTime,
            articleTitle: z.string(),
            takedownBy: isoDateTime.nullable().describe('A kill notice: the copy must be down by then'),
          }),
        )
        .describe('Newest first'),
      state: z.enum(LICENSE_STATES).describe('The state on the day of signing'),
      verifyUrl: z.string(),
      apiUrl: z.string(),
    }),
    jws: z
      .string()
      .describe('Compact JWS (EdDSA, kid) of `license` with iss, sub, iat, exp; verify with /.well-known/jwks.json'),
  })
  .register(apiSchemas, { id: 'SignedLicense' });

export const jwks = z
  .strictObject({
    keys: z.array(
      z.strictObject({
        kty: z.literal('OKP'),
        crv: z.literal('Ed25519'),
        x: z.string(),
        kid: z.string().describe('RFC 7638 thumbprint'),
        alg: z.literal('EdDSA'),
        use: z.literal('sig'),
      }),
    ),
  })
  .describe('The key in use first, then retired keys whose signatures have not expired')
  .register(apiSchemas, { id: 'JWKS' });

export type ApiLicense = z.infer<typeof apiLicense>;
export type ApiNotice = z.infer<typeof apiNotice>;
export type ApiNoticeFeed = z.infer<typeof apiNoticeFeed>;
export type ApiLicenseList = z.infer<typeof apiLicenseList>;
