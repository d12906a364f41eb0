import { z } from 'zod';
import { DOWNLOAD_FORMATS } from '@/db/enums';
import { EXPORT_ITEMS_PER_MINUTE, EXPORT_MAX_PAGE, EXPORT_PAGE } from '@/lib/catalogue-licences/export-limits';
import { apiSchemas } from './schemas';

/*
 * The OpenAPI 3.1 document, served at /api/openapi.json. Its schemas are generated from the zod
 * schemas in ./schemas.ts — the same ones the handlers' bodies are typed by and the browser test
 * parses the real responses with — so the document cannot drift from the answers.
 */

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string, description: string) => ({
  description,
  content: { 'application/json': { schema: ref(id) } },
});

const refusals = {
  '401': {
    ...json('Error', 'No token, or an unknown, revoked or expired one'),
    headers: { 'WWW-Authenticate': { schema: { type: 'string' } } },
  },
  '403': {
    ...json('Error', 'The token lacks the scope the operation needs'),
    headers: { 'WWW-Authenticate': { schema: { type: 'string' }, description: 'error="insufficient_scope"' } },
  },
  '429': {
    ...json('Error', 'Too many requests with this token'),
    headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } },
  },
};

function components() {
  const { schemas } = z.toJSONSchema(apiSchemas, { uri: (id) => `#/components/schemas/${id}` });
  // Each component is embedded in this document: no $schema or $id of its own.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, s]) => [
      id,
      Object.fromEntries(Object.entries(s).filter(([k]) => k !== '$schema' && k !== '$id')),
    ]),
  );
}

/** GET notices: at /api/v1/notices, and at /api/notices (the address the licence terms name). */
const noticesOperation = (operationId: string) => ({
  operationId,
  summary: 'Notices concerning your licences after a cursor, oldest first',
  parameters: [
    {
      name: 'since',
      in: 'query',
      schema: { type: 'string' },
      description: '`nextCursor` of the previous answer; absent = from the beginning',
    },
    { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
  ],
  responses: {
    '200': json('NoticeFeed', 'Notices, oldest first'),
    '422': json('Error', 'A cursor or limit that cannot be read'),
    ...refusals,
  },
});

export function openApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Republish Desk API',
      version: '1.0.0',
      description:
        "Read your organisation's licences, download licensed copies and follow notices (corrections, withdrawals, revocations, expiries, reminders). Create a token at /account/api and send it as `Authorization: Bearer rdk_…`. Each token may make 120 calls a minute. Notices are also POSTed to your webhook endpoints, signed per Standard Webhooks (see the `notice` webhook).",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    paths: {
      '/api/v1/licenses': {
        get: {
          operationId: 'listLicenses',
          summary: "Your organisation's licences and their status, newest first",
          parameters: [
            {
              name: 'cursor',
              in: 'query',
              schema: { type: 'string' },
              description: '`nextCursor` of the previous page',
            },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
          ],
          responses: {
            '200': json('LicenseList', 'A page of licences'),
            '422': json('Error', 'A cursor or limit that cannot be read'),
            ...refusals,
          },
        },
      },
      '/api/v1/licenses/{code}/copies/{format}': {
        get: {
          operationId: 'downloadCopy',
          summary: 'A licensed copy (the same checks as on the desk: validity, withdrawals, payment)',
          parameters: [
            { name: 'code', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: [...DOWNLOAD_FORMATS] } },
          ],
          responses: {
            '200': {
              description: 'The copy, as an attachment',
              content: {
                'text/html': { schema: { type: 'string' } },
                'text/markdown': { schema: { type: 'string' } },
                'text/plain': { schema: { type: 'string' } },
                'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } },
                // format=ninjs: an IPTC ninjs 3.0 item (a licensee's CMS reads it as it is).
                'application/json': { schema: { type: 'object', description: 'IPTC ninjs 3.0 item' } },
                'application/zip': { schema: { type: 'string', contentMediaType: 'application/zip' } },
              },
            },
            '402': json('Error', 'The licence is waiting for payment'),
            '404': json('Error', 'No licence of your organisation has this code'),
            '410': json('Error', 'Revoked, expired, or an article withdrawn: take the copy down'),
            '422': json('Error', 'Unknown format'),
            ...refusals,
            '403': json('Error', 'The licence has not started yet (or the token lacks the read scope)'),
          },
        },
      },
      '/api/v1/licenses/{code}/export': {
        get: {
          operationId: 'exportCatalogue',
          summary:
            "A catalogue licence's articles as NDJSON: one ninjs 3.0 `text` item a line, text only, each with the credit line (`descriptions`, role `credit`), the canonical URL (`uri`) and the licence (`altids`, `rightsInfo`). Also at /api/licenses/{code}/export.",
          description: `Pages run by article id, oldest id first. When more items follow, the answer has a \`Link: <…?cursor=…>; rel="next"\` header: fetch it until an answer has none. An ongoing licence gains items as matching articles are published, so walk again from the start (or keep the last cursor) to pick them up; a withdrawn article is no longer sent and its kill notice is in /api/v1/notices. Besides the calls per minute, a token may export ${EXPORT_ITEMS_PER_MINUTE.toLocaleString('en-GB')} items a minute. Every call is logged (time, items, address) and shown to the desk and to you on the licence page.`,
          parameters: [
            { name: 'code', in: 'path', required: true, schema: { type: 'string' } },
            {
              name: 'cursor',
              in: 'query',
              schema: { type: 'string' },
              description: 'The cursor in the previous answer\'s `Link: rel="next"`; absent = from the first item',
            },
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: EXPORT_MAX_PAGE, default: EXPORT_PAGE },
            },
          ],
          responses: {
            '200': {
              description: 'A page of items, one JSON object a line',
              headers: {
                Link: { schema: { type: 'string' }, description: 'rel="next": the next page, absent on the last' },
              },
              content: { 'application/x-ndjson': { schema: { type: 'string' } } },
            },
            '402': json('Error', 'The licence is waiting for payment'),
            '404': json('Error', 'No catalogue licence of your organisation has this code'),
            '410': json('Error', 'Revoked or expired: stop using the articles'),
            '422': json('Error', 'A cursor or limit that cannot be read'),
            ...refusals,
            '403': json('Error', 'The licence has not started yet (or the token lacks the read scope)'),
          },
        },
      },
      '/api/v1/notices': { get: noticesOperation('listNotices') },
      // Public, no token (any origin): what anyone holding a code may check, and the keys to check it with.
      '/api/licenses/{code}': {
        get: {
          operationId: 'verifyLicense',
          summary: "A licence's public facts (as the verification page) and their compact JWS, signed now",
          security: [],
          parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': json('SignedLicense', 'The facts and their signature'),
            '404': json('Error', 'No licence has this code'),
          },
        },
      },
      '/.well-known/jwks.json': {
        get: {
          operationId: 'signingKeys',
          summary: "The desk's public signing keys (RFC 7517), to verify any JWS it signed",
          security: [],
          responses: {
            '200': {
              description: 'The key set',
              content: { 'application/jwk-set+json': { schema: ref('JWKS') } },
            },
          },
        },
      },
      // The address the licence terms name: the same feed.
      '/api/notices': {
        get: { ...noticesOperation('listNoticesAtTermsAddress'), summary: 'The same feed as /api/v1/notices' },
      },
    },
    webhooks: {
      notice: {
        post: {
          summary:
            'Each notice, POSTed to every webhook endpoint of the organisation with webhook-id, webhook-timestamp and webhook-signature (v1, HMAC-SHA256 of "id.timestamp.body" under the base64 key after whsec_). Retried with backoff for 24 hours; the webhook-id is the same on every retry.',
          requestBody: { content: { 'application/json': { schema: ref('WebhookPayload') } } },
          responses: { '2XX': { description: 'Received' } },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token, rdk_…' } },
      schemas: components(),
    },
  };
}
