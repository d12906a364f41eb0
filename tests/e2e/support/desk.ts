/**
 * The e2e server's own database (E2E_DATA_DIR, see global-setup.ts), for specs that set up data
 * through the same lib functions the app uses instead of clicking through every step.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { expect } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '../../../db/client';
import { users } from '../../../db/schema';
import { toPublicUser } from '../../../lib/auth/users';
import { submitRequest } from '../../../lib/requests/create';
import { requestFormSchema } from '../../../lib/validation/request';

let db: Db | undefined;
export const desk = () => (db ??= openDatabase(path.join(process.env.E2E_DATA_DIR!, 'desk.db')));

/**
 * A request by the demo publisher, perpetual so the auto-approval rule leaves it to staff; its
 * reference. `publicationUrl` tells one spec's requests from another's.
 */
export async function submittedRequest(articles: string[], publicationUrl: string): Promise<string> {
  const row = desk().select().from(users).where(eq(users.email, 'publisher@demo.test')).get()!;
  const form = requestFormSchema.parse({
    articles,
    use: 'web',
    audience: 30_000,
    territory: 'country',
    territoryDetail: 'United Kingdom',
    duration: 'perpetual',
    portion: 'full',
    translation: false,
    publicationName: 'Northbank Daily',
    publicationUrl,
    startDate: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
    acceptTerms: true,
    idempotencyKey: randomUUID(),
  });
  const { request } = await submitRequest(form, toPublicUser(row), desk());
  expect(request.status).toBe('submitted');
  return request.reference;
}
