import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  licenseRequests,
  licenses,
  messages,
  requestEvents,
  users,
  type Duration,
  type PublicUser,
  type Territory,
  type ArticleUse,
} from '@/db/schema';
import { toPublicUser } from '@/lib/auth/users';
import { submitRequest } from '@/lib/requests/create';
import type { Action } from '@/lib/requests/machine';
import { transition } from '@/lib/requests/transition';
import type { RequestForm } from '@/lib/validation/request';

// Demo request history so the dashboard and the queue have something to show on a fresh start.
// Every request goes through submitRequest and transition (the real rules, trail, licences and
// mails); only the clock is moved back afterwards, to spread them over the past months.

type Who = 'publisher' | 'nonprofit';
type Step = { action: Action; hours: number; fee?: number; note?: string };
type Spec = {
  who: Who;
  daysAgo: number;
  articles: string[];
  use: ArticleUse;
  audience?: number;
  territory?: Territory;
  duration?: Duration;
  translation?: string;
  notes?: string;
  steps?: Step[];
};

const ACCOUNTS: Record<Who, string> = { publisher: 'publisher@demo.test', nonprofit: 'nonprofit@demo.test' };
const PUBLICATION: Record<Who, { name: string; url: string }> = {
  publisher: { name: 'Northbank Daily', url: 'https://northbank.example/news' },
  nonprofit: { name: 'Open Coast Trust', url: 'https://opencoast.example/stories' },
};

export const DEMO_REQUESTS: Spec[] = [
  { who: 'publisher', daysAgo: 160, articles: ['council-passes-budget-after-all-night-session'], use: 'web' },
  {
    who: 'publisher',
    daysAgo: 130,
    articles: ['shipyard-wins-ferry-order', 'fish-market-prices-squeeze-small-boats'],
    use: 'print',
    duration: 'perpetual',
    steps: [{ action: 'approve', hours: 26 }],
  },
  { who: 'nonprofit', daysAgo: 118, articles: ['seagrass-restoration-harbour-mouth'], use: 'newsletter' },
  {
    who: 'publisher',
    daysAgo: 95,
    articles: ['port-authority-contracts-investigation'],
    use: 'broadcast',
    territory: 'worldwide',
    duration: 'perpetual',
    steps: [
      {
        action: 'reject',
        hours: 30,
        note: 'We are not licensing this investigation for broadcast while legal review is open.',
      },
    ],
  },
  {
    who: 'nonprofit',
    daysAgo: 80,
    articles: ['sewage-overflows-investigation'],
    use: 'web',
    translation: 'Irish',
    steps: [
      {
        action: 'counter',
        hours: 20,
        fee: 9000,
        note: 'Happy to license the Irish translation; please keep the original headline in the credit.',
      },
      { action: 'accept_counter', hours: 44 },
    ],
  },
  {
    who: 'publisher',
    daysAgo: 62,
    articles: ['tourism-season-best-since-2019'],
    use: 'web',
    audience: 2_000_000,
    steps: [{ action: 'approve', hours: 5, fee: 42000, note: 'Long-standing partner rate.' }],
  },
  { who: 'nonprofit', daysAgo: 45, articles: ['tide-gauge-centenary'], use: 'academic' },
  {
    who: 'publisher',
    daysAgo: 40,
    articles: ['storm-surge-barrier-consultation', 'street-trees-heat-map'],
    use: 'print',
    duration: 'perpetual',
    steps: [
      { action: 'approve', hours: 3 },
      { action: 'revoke', hours: 400, note: 'The pieces ran on a partner site that is not covered by the licence.' },
    ],
  },
  {
    who: 'publisher',
    daysAgo: 20,
    articles: ['seaweed-bioplastic-breakthrough'],
    use: 'newsletter',
    duration: 'perpetual',
    steps: [{ action: 'approve', hours: 50 }],
  },
  {
    who: 'publisher',
    daysAgo: 6,
    articles: ['opinion-port-aldery-needs-a-night-mayor'],
    use: 'web',
    notes: 'For our weekend opinion section.',
    steps: [
      {
        action: 'request_info',
        hours: 28,
        note: 'Will the piece run with the author’s photo? The contributor asked to approve any picture use.',
      },
    ],
  },
  {
    who: 'publisher',
    daysAgo: 4,
    articles: [
      'ferry-fare-freeze-becomes-election-battleground',
      'boundary-review-redraws-eastside',
      'youth-council-holds-first-sitting',
    ],
    use: 'web',
    duration: 'perpetual',
  },
  {
    who: 'publisher',
    daysAgo: 3,
    articles: ['harbour-porpoise-acoustic-study'],
    use: 'newsletter',
    translation: 'French',
    steps: [
      {
        action: 'counter',
        hours: 20,
        fee: 18000,
        note: 'Translation at the newsletter rate, 1 year, credit in both languages.',
      },
    ],
  },
  { who: 'nonprofit', daysAgo: 1, articles: ['citizen-rain-gauge-network'], use: 'web', duration: 'perpetual' },
];

const iso = (ms: number) => new Date(ms).toISOString();

function form(spec: Spec, key: string, start: string): RequestForm {
  const pub = PUBLICATION[spec.who];
  return {
    articles: spec.articles,
    use: spec.use,
    audience: spec.audience ?? 25_000,
    territory: spec.territory ?? 'country',
    territoryDetail: spec.territory === 'worldwide' ? '' : spec.who === 'nonprofit' ? 'Ireland' : 'United Kingdom',
    duration: spec.duration ?? '1y',
    portion: 'full',
    translation: Boolean(spec.translation),
    translationLanguage: spec.translation ?? '',
    publicationName: pub.name,
    publicationUrl: pub.url,
    startDate: start,
    notes: spec.notes ?? '',
    acceptTerms: true,
    idempotencyKey: key,
  };
}

/**
 * Creates the demo requests. Called once, right after the demo desk is seeded; a request that
 * fails is reported and skipped, the rest still go in.
 */
export async function seedDemoRequests(db: Db, now = Date.now()): Promise<number> {
  const user = (email: string) => {
    const row = db.select().from(users).where(eq(users.email, email)).get();
    return row ? toPublicUser(row) : undefined;
  };
  const staff = user('staff@demo.test');
  let made = 0;
  for (const [i, spec] of DEMO_REQUESTS.entries()) {
    const requester = user(ACCOUNTS[spec.who]);
    if (!requester || !staff) continue;
    try {
      await seedOne(db, spec, `demo-request-${i + 1}`, requester, staff, now);
      made += 1;
    } catch (e) {
      console.error(`Demo request ${i + 1} was not seeded:`, e instanceof Error ? e.message : e);
    }
  }
  return made;
}

async function seedOne(db: Db, spec: Spec, key: string, requester: PublicUser, staff: PublicUser, now: number) {
  const t0 = now - spec.daysAgo * 86_400_000;
  let { request } = await submitRequest(form(spec, key, iso(t0).slice(0, 10)), requester, db);
  const times: number[] = db
    .select({ id: requestEvents.id })
    .from(requestEvents)
    .where(eq(requestEvents.requestId, request.id))
    .all()
    .map(() => t0);
  let decidedAt = request.status === 'approved' ? t0 : null;
  let last = t0;
  for (const step of spec.steps ?? []) {
    const at = t0 + step.hours * 3_600_000;
    const r = await transition(
      {
        reference: request.reference,
        action: step.action,
        expectedVersion: request.version,
        fee: step.fee,
        note: step.note,
      },
      step.action === 'accept_counter' ? requester : staff,
      db,
    );
    const count = db
      .select({ id: requestEvents.id })
      .from(requestEvents)
      .where(eq(requestEvents.requestId, request.id))
      .all().length;
    // A decision straight from "submitted" also wrote "review started": a little before it.
    while (times.length < count) times.push(times.length === count - 1 ? at : at - 20 * 60_000);
    if (['approve', 'reject', 'accept_counter'].includes(step.action)) decidedAt = at;
    if (step.action === 'request_info')
      db.update(messages)
        .set({ createdAt: iso(at) })
        .where(eq(messages.requestId, request.id))
        .run();
    if (r.license)
      db.update(licenses)
        .set({ createdAt: iso(at) })
        .where(eq(licenses.id, r.license.id))
        .run();
    if (step.action === 'revoke')
      db.update(licenses)
        .set({ statusChangedAt: iso(at) })
        .where(eq(licenses.requestId, request.id))
        .run();
    request = r.request;
    last = at;
  }
  if (request.status === 'approved' && decidedAt === t0)
    db.update(licenses)
      .set({ createdAt: iso(t0) })
      .where(eq(licenses.requestId, request.id))
      .run();
  const events = db
    .select({ id: requestEvents.id })
    .from(requestEvents)
    .where(eq(requestEvents.requestId, request.id))
    .orderBy(requestEvents.id)
    .all();
  events.forEach((e, k) =>
    db
      .update(requestEvents)
      .set({ createdAt: iso(times[k] ?? last) })
      .where(eq(requestEvents.id, e.id))
      .run(),
  );
  db.update(licenseRequests)
    .set({ createdAt: iso(t0), updatedAt: iso(last), decidedAt: decidedAt === null ? null : iso(decidedAt) })
    .where(eq(licenseRequests.id, request.id))
    .run();
}
