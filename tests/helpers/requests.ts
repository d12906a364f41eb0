import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Db } from '@/db/client';
import type { OrgType, PublicUser } from '@/db/schema';
import { toPublicUser } from '@/lib/auth/users';
import { submitRequest } from '@/lib/requests/create';
import { transition } from '@/lib/requests/transition';
import { requestFormSchema, type RequestForm } from '@/lib/validation/request';
import { makeArticle, makeOrg, makeUser } from './factories';

export function tomorrow(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

export function formFor(slugs: string[], over: Partial<Record<keyof RequestForm, unknown>> = {}): RequestForm {
  return requestFormSchema.parse({
    articles: slugs,
    use: 'web',
    audience: 25_000,
    territory: 'country',
    territoryDetail: 'United Kingdom',
    duration: '1y',
    portion: 'full',
    translation: false,
    publicationName: 'The Test Times',
    publicationUrl: 'https://testtimes.example/news',
    startDate: tomorrow(),
    acceptTerms: true,
    idempotencyKey: randomUUID(),
    ...over,
  });
}

/** An organisation with a publisher, a staff member and articles, ready for requests. */
export function desk(db: Db, opts: { orgType?: OrgType; flagged?: boolean } = {}) {
  const org = makeOrg(db, { type: opts.orgType, flagged: opts.flagged, domains: ['testtimes.example'] });
  const publisher = toPublicUser(makeUser(db, { organizationId: org.id }));
  const staff = toPublicUser(makeUser(db, { role: 'staff' }));
  const a1 = makeArticle(db, { slug: 'first-story' });
  const a2 = makeArticle(db, { slug: 'second-story' });
  return { org, publisher, staff, slugs: ['first-story', 'second-story'], articleIds: [a1.id, a2.id] };
}

export async function submit(
  db: Db,
  user: PublicUser,
  slugs: string[],
  over: Partial<Record<keyof RequestForm, unknown>> = {},
) {
  return submitRequest(formFor(slugs, over), user, db);
}

/**
 * A request for the desk's two articles big enough (500,000 readers) to need staff, approved by
 * staff at `fee` (minor units): its licence and, with it, its invoice.
 */
export async function approvedAt(db: Db, d: ReturnType<typeof desk>, fee: number) {
  const { request } = await submit(db, d.publisher, d.slugs, { audience: 500_000 });
  expect(request.status).toBe('submitted');
  const { license } = await transition(
    { reference: request.reference, action: 'approve', expectedVersion: request.version, fee },
    d.staff,
    db,
  );
  return license!;
}
