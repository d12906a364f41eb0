import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { articles } from '@/db/schema';
import { GET as exportRoute } from '@/app/api/v1/licenses/[code]/export/route';
import { createToken } from '@/lib/api/tokens';
import { toPublicUser } from '@/lib/auth/users';
import { licensedArticleIds } from '@/lib/catalogue-licences/licensed';
import { setSetting, type AiSettings } from '@/lib/settings';
import { freshDb } from '../helpers/db';
import { makeArticle, makeOrg, makeUser } from '../helpers/factories';
import { makeCatalogueLicense } from '../helpers/catalogue-licences';

/*
 * Whatever the selection, the AI policies and the articles, a catalogue licence's export sends exactly
 * the articles an independent oracle (plain JavaScript over the generated facts) says it covers: never
 * one outside the licensed set, never a hidden, opted-out, withdrawn or not-wholly-owned one, never one
 * of a section reserved from AI for an AI use.
 */

const SECTIONS = ['News', 'Sport', 'Arts'] as const;
const TAGS = ['harbour', 'council', 'port'] as const;
const DAY = 86_400_000;

const articleArb = fc.record({
  section: fc.constantFrom(...SECTIONS),
  tags: fc.subarray([...TAGS], { minLength: 1 }),
  /** Days before the licence's issue (negative: after, during the licence). */
  daysBefore: fc.integer({ min: -25, max: 400 }),
  rightsStatus: fc.constantFrom('owned', 'owned', 'owned', 'syndicated_in', 'contributor'),
  hidden: fc.constantFrom(false, false, false, true),
  optOut: fc.constantFrom(false, false, false, true),
  /** Withdrawn before the issue, after it, or never. */
  withdrawn: fc.constantFrom('never', 'never', 'never', 'before', 'after'),
});

const selectionArb = fc.record({
  sections: fc.subarray([...SECTIONS]),
  tags: fc.subarray([...TAGS], { maxLength: 2 }),
  fromDays: fc.option(fc.integer({ min: 0, max: 400 })),
  ongoing: fc.boolean(),
});

const policyArb = fc.constantFrom('license', 'reserve', 'allow') as fc.Arbitrary<'license' | 'reserve' | 'allow'>;
const aiArb = fc.record({
  defaultPolicy: policyArb,
  sections: fc.dictionary(fc.constantFrom(...SECTIONS), policyArb, { maxKeys: 3 }),
});

describe('catalogue export (property)', () => {
  it('exports exactly the licensed articles, none excluded', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(articleArb, { minLength: 1, maxLength: 14 }),
        selectionArb,
        aiArb,
        fc.constantFrom('ai-train', 'ai-input', 'web') as fc.Arbitrary<'ai-train' | 'ai-input' | 'web'>,
        fc.integer({ min: 1, max: 4 }),
        async (facts, sel, aiPick, use, pageSize) => {
          const db = freshDb();
          const now = new Date();
          const issuedAt = new Date(now.getTime() - 30 * DAY);
          const day = (daysBefore: number) => new Date(issuedAt.getTime() - daysBefore * DAY - 3_600_000);
          const ai: AiSettings = { ...aiPick, crawlerRules: '' };
          setSetting('ai', ai, db);
          const org = makeOrg(db, { type: 'ai_developer' });
          const owner = toPublicUser(makeUser(db, { organizationId: org.id }));
          const token = createToken({ name: 'T', scope: 'read' }, owner, db).token;

          const make = (f: (typeof facts)[number]) => {
            const id = makeArticle(db, {
              section: f.section,
              tags: f.tags,
              publishedAt: day(f.daysBefore).toISOString(),
              rightsStatus: f.rightsStatus as 'owned',
            }).id;
            db.update(articles)
              .set({
                hidden: f.hidden,
                catalogueOptOut: f.optOut,
                state: f.withdrawn === 'before' ? 'withdrawn' : 'published',
              })
              .where(eq(articles.id, id))
              .run();
            return id;
          };
          // Articles of before the issue exist at issue; the others are published while it runs.
          const ids = new Map<number, (typeof facts)[number]>();
          for (const f of facts) if (f.daysBefore >= 0) ids.set(make(f), f);
          const from = sel.fromDays === null ? null : day(sel.fromDays).toISOString().slice(0, 10);
          const license = makeCatalogueLicense(db, {
            organizationId: org.id,
            requesterId: owner.id,
            selection: { sections: sel.sections, tags: sel.tags, from, ongoing: sel.ongoing },
            use,
            issuedAt,
            startDate: issuedAt.toISOString().slice(0, 10),
          });
          for (const f of facts) if (f.daysBefore < 0) ids.set(make(f), f);
          for (const [id, f] of ids)
            if (f.withdrawn === 'after')
              db.update(articles).set({ state: 'withdrawn' }).where(eq(articles.id, id)).run();

          // The oracle.
          const policy = (s: string) => (Object.hasOwn(ai.sections, s) ? ai.sections[s] : ai.defaultPolicy);
          const matches = (f: (typeof facts)[number]) =>
            !f.hidden &&
            !f.optOut &&
            f.rightsStatus === 'owned' &&
            (use === 'web' || policy(f.section) === 'license') &&
            (!sel.sections.length || sel.sections.includes(f.section)) &&
            (!sel.tags.length || f.tags.some((t) => sel.tags.includes(t))) &&
            (!from || day(f.daysBefore).toISOString() >= `${from}T00:00:00.000Z`);
          const expected = [...ids]
            .filter(([, f]) => f.withdrawn === 'never' && matches(f) && (f.daysBefore >= 0 || sel.ongoing))
            .map(([id]) => id)
            .sort((a, b) => a - b);
          const excluded = new Set(
            [...ids].filter(([, f]) => f.withdrawn !== 'never' || !matches(f)).map(([id]) => id),
          );

          const exported: string[] = [];
          let url: string | null = `http://desk.test/api/v1/licenses/${license.code}/export?limit=${pageSize}`;
          while (url) {
            const res: Response = await exportRoute(
              new Request(url, { headers: { authorization: `Bearer ${token}` } }),
              {
                params: Promise.resolve({ code: license.code }),
              },
            );
            expect(res.status).toBe(200);
            for (const line of (await res.text()).split('\n').filter(Boolean))
              exported.push((JSON.parse(line) as { uri: string }).uri);
            url = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1] ?? null;
          }
          const uriToId = new Map(
            db
              .select({ id: articles.id, uri: articles.canonicalUrl })
              .from(articles)
              .all()
              .map((a) => [a.uri, a.id]),
          );
          const exportedIds = exported.map((u) => uriToId.get(u)!);
          const licensed = new Set(licensedArticleIds(license, db));
          for (const id of exportedIds) {
            expect(licensed.has(id)).toBe(true);
            expect(excluded.has(id)).toBe(false);
          }
          expect(exportedIds).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
