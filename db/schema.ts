import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

import {
  API_NOTICE_KINDS,
  API_SCOPES,
  ARTICLE_STATES,
  ASSET_KINDS,
  DECISION_OUTCOMES,
  DOWNLOAD_FORMATS,
  DURATIONS,
  FEED_OUTCOMES,
  INVOICE_EVENT_KINDS,
  INVOICE_STATUSES,
  LICENSE_STATUSES,
  NOTICE_KINDS,
  OPEN_QUEUE_CONDITION,
  ORG_EVENT_KINDS,
  ORG_ROLES,
  ORG_TYPES,
  OUTBOX_STATUSES,
  PAYMENT_METHODS,
  PORTIONS,
  REQUEST_STATUSES,
  RIGHTS_STATUSES,
  ROLES,
  TERRITORIES,
  TOKEN_PURPOSES,
  USES,
  WEBHOOK_DELIVERY_STATUSES,
  VAT_TREATMENTS,
} from './enums';

// The lists live in db/enums.ts (no drizzle there, so client code can import them); server code may
// keep importing them from here.
export * from './enums';

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
const createdAt = () => text('created_at').notNull().default(now);
const bool = (name: string) => integer(name, { mode: 'boolean' });

export const organizations = sqliteTable(
  'organizations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    type: text('type', { enum: ORG_TYPES }).notNull(),
    country: text('country').notNull(),
    /** Website hosts (lower-case, no scheme) that tell licensed pixel hits from foreign ones. */
    domains: text('domains', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    flagged: bool('flagged').notNull().default(false),
    flagReason: text('flag_reason'),
    // The billing profile an invoice needs (owners edit it; every change is an organization_events row).
    // Null until filled in: invoices then fall back to `name` and `country`.
    legalName: text('legal_name'),
    billingLine1: text('billing_line1'),
    billingLine2: text('billing_line2'),
    billingCity: text('billing_city'),
    billingPostcode: text('billing_postcode'),
    /** ISO 3166-1 alpha-2. */
    billingCountry: text('billing_country'),
    /** Upper-case, no spaces, with its country prefix for EU/UK numbers (e.g. GB123456789). */
    vatNumber: text('vat_number'),
    billingEmail: text('billing_email'),
    createdAt: createdAt(),
  },
  () => [check('organizations_type', inList('type', ORG_TYPES))],
);

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Stored lower-cased: uniqueness is case-insensitive. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull().default('publisher'),
    organizationId: integer('organization_id').references(() => organizations.id),
    /**
     * Owner or member of `organizationId`; null when the account has no organisation (staff). No CHECK
     * constraint: adding one would make drizzle-kit rebuild `users`, and dropping that table inside the
     * migration's transaction cascades into sessions; zod and the enum guard what is written.
     */
    orgRole: text('org_role', { enum: ORG_ROLES }),
    disabled: bool('disabled').notNull().default(false),
    /** When the owner followed the verification link; null = unverified (cannot submit requests). */
    emailVerifiedAt: text('email_verified_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email').on(t.email),
    index('users_org').on(t.organizationId),
    check('users_role', inList('role', ROLES)),
    check('users_email_lower', sql`email = lower(email)`),
  ],
);

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    standfirst: text('standfirst').notNull().default(''),
    /** Sanitized HTML. */
    body: text('body').notNull(),
    /** Plain text of the body, derived on every write: what full-text search indexes and previews show. */
    bodyText: text('body_text').notNull().default(''),
    /** Display byline, e.g. "Ana Ruiz and Tom Kell"; individual names are in article_authors. */
    byline: text('byline').notNull().default(''),
    section: text('section').notNull(),
    language: text('language').notNull().default('en'),
    publishedAt: text('published_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    canonicalUrl: text('canonical_url').notNull(),
    wordCount: integer('word_count').notNull().default(0),
    /** Premium multiplier in thousandths (1000 = ×1.0). */
    premiumMilli: integer('premium_milli').notNull().default(1000),
    rightsStatus: text('rights_status', { enum: RIGHTS_STATUSES }).notNull().default('owned'),
    embargoUntil: text('embargo_until'),
    hidden: bool('hidden').notNull().default(false),
    /** Staff kept this article out of every catalogue selection (AI and aggregator licences). */
    catalogueOptOut: bool('catalogue_opt_out').notNull().default(false),
    state: text('state', { enum: ARTICLE_STATES }).notNull().default('published'),
    stateNote: text('state_note'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('articles_slug').on(t.slug),
    uniqueIndex('articles_canonical').on(t.canonicalUrl),
    // Catalogue listing walks these newest-first; the visibility and rights columns ride along so
    // filtering and COUNT(*) never read the (large) article rows. See lib/catalogue/queries.ts.
    index('articles_published_visible').on(t.publishedAt, t.hidden, t.embargoUntil, t.rightsStatus, t.state),
    index('articles_section_published_visible').on(
      t.section,
      t.publishedAt,
      t.hidden,
      t.embargoUntil,
      t.rightsStatus,
      t.state,
    ),
    check('articles_rights', inList('rights_status', RIGHTS_STATUSES)),
    check('articles_state', inList('state', ARTICLE_STATES)),
    check('articles_premium', sql`premium_milli > 0`),
    check('articles_words', sql`word_count >= 0`),
  ],
);

export const articleAuthors = sqliteTable(
  'article_authors',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    author: text('author').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.author] }), index('article_authors_author').on(t.author)],
);

export const articleTags = sqliteTable(
  'article_tags',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tag] }), index('article_tags_tag').on(t.tag)],
);

export const assets = sqliteTable(
  'assets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ASSET_KINDS }).notNull().default('image'),
    url: text('url').notNull(),
    caption: text('caption').notNull().default(''),
    credit: text('credit').notNull().default(''),
    rightsHolder: text('rights_holder').notNull().default(''),
    licensable: bool('licensable').notNull().default(true),
    /** True once staff set `licensable` by hand; the agency rule no longer applies. */
    licensableOverridden: bool('licensable_overridden').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('assets_article').on(t.articleId), check('assets_kind', inList('kind', ASSET_KINDS))],
);

export const rateCards = sqliteTable('rate_cards', {
  /** Versions only grow; an old version is never rewritten. */
  version: integer('version').primaryKey(),
  /** The RateCard of lib/quote.ts. */
  data: text('data', { mode: 'json' }).notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: createdAt(),
});

/**
 * The terms of a use that a counter-offer may change (lib/requests/counter.ts), as one whole set so
 * nothing is implied: the articles in order and the quote of these terms on the request's rate card.
 */
export type UseTerms = {
  use: (typeof USES)[number];
  audience: number;
  territory: (typeof TERRITORIES)[number];
  territoryDetail: string;
  duration: (typeof DURATIONS)[number];
  portion: (typeof PORTIONS)[number];
  articleIds: number[];
  quoteTotal: number | null;
  /** lib/quote.ts Quote (db/ does not import lib/). */
  quote: unknown;
};

/**
 * What a catalogue licence covers (lib/catalogue-licences/selection.ts): the articles matching every
 * filter, minus those never in a selection. Empty lists mean "any"; dates are whole UTC days.
 */
export type CatalogueSelection = {
  sections: string[];
  /** An article matches when it has at least one of these tags. */
  tags: string[];
  /** Published on or after (YYYY-MM-DD). */
  from: string | null;
  /** Published on or before (YYYY-MM-DD). */
  to: string | null;
  /** The licence also covers matching articles published while it runs. */
  ongoing: boolean;
};

export const licenseRequests = sqliteTable(
  'license_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reference: text('reference').notNull(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    requesterId: integer('requester_id')
      .notNull()
      .references(() => users.id),
    use: text('use', { enum: USES }).notNull(),
    publicationName: text('publication_name').notNull(),
    publicationUrl: text('publication_url').notNull(),
    audience: integer('audience').notNull(),
    territory: text('territory', { enum: TERRITORIES }).notNull(),
    territoryDetail: text('territory_detail').notNull().default(''),
    duration: text('duration', { enum: DURATIONS }).notNull(),
    startDate: text('start_date').notNull(),
    portion: text('portion', { enum: PORTIONS }).notNull(),
    translation: bool('translation').notNull().default(false),
    translationLanguage: text('translation_language'),
    notes: text('notes').notNull().default(''),
    /** Quote as computed by the server, minor units; null = staff quote. */
    quoteTotal: integer('quote_total'),
    currency: text('currency').notNull().default('GBP'),
    quote: text('quote', { mode: 'json' }).notNull(),
    requiresReview: bool('requires_review').notNull().default(false),
    rateCardVersion: integer('rate_card_version')
      .notNull()
      .references(() => rateCards.version),
    /** Counter-offer awaiting the publisher's answer. */
    counterFee: integer('counter_fee'),
    counterNote: text('counter_note'),
    /** The whole set of terms the counter-offer proposes, when it changes any; null: only the fee. */
    counterTerms: text('counter_terms', { mode: 'json' }).$type<UseTerms>(),
    /** What the publisher asked for, kept when an accepted counter-offer replaced the terms above. */
    askedTerms: text('asked_terms', { mode: 'json' }).$type<UseTerms>(),
    /** The fee the licence is issued at, once decided. */
    agreedFee: integer('agreed_fee'),
    /**
     * Set for a catalogue licence request: the filters that define its articles. request_articles then
     * holds the selection as quoted, replaced by the selection as issued when the licence is issued.
     */
    selection: text('selection', { mode: 'json' }).$type<CatalogueSelection>(),
    status: text('status', { enum: REQUEST_STATUSES }).notNull().default('submitted'),
    /** Optimistic lock: every transition bumps it and requires the value the actor saw. */
    version: integer('version').notNull().default(1),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull().default(now),
    decidedAt: text('decided_at'),
  },
  (t) => [
    uniqueIndex('requests_reference').on(t.reference),
    uniqueIndex('requests_idempotency').on(t.requesterId, t.idempotencyKey),
    index('requests_org_created').on(t.organizationId, t.createdAt),
    index('requests_status_created').on(t.status, t.createdAt),
    index('requests_created').on(t.createdAt),
    // The staff queue's default view (open requests, oldest first) reads only this small index,
    // however many decided requests pile up. Queries must repeat this exact condition.
    index('requests_open_created').on(t.createdAt).where(sql.raw(OPEN_QUEUE_CONDITION)),
    index('requests_decided').on(t.decidedAt),
    check('requests_status', inList('status', REQUEST_STATUSES)),
    check('requests_use', inList('use', USES)),
    check('requests_territory', inList('territory', TERRITORIES)),
    check('requests_duration', inList('duration', DURATIONS)),
    check('requests_portion', inList('portion', PORTIONS)),
    check('requests_audience', sql`audience > 0`),
    check(
      'requests_money',
      sql`coalesce(quote_total, 0) >= 0 and coalesce(counter_fee, 0) >= 0 and coalesce(agreed_fee, 0) >= 0`,
    ),
    check('requests_version', sql`version >= 1`),
  ],
);

export const requestArticles = sqliteTable(
  'request_articles',
  {
    requestId: integer('request_id')
      .notNull()
      .references(() => licenseRequests.id, { onDelete: 'cascade' }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.articleId] }), index('request_articles_article').on(t.articleId)],
);

export const requestEvents = sqliteTable(
  'request_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => licenseRequests.id, { onDelete: 'cascade' }),
    /** Null when the system acted (auto-approval, expiry). */
    actorId: integer('actor_id').references(() => users.id),
    fromStatus: text('from_status', { enum: REQUEST_STATUSES }),
    toStatus: text('to_status', { enum: REQUEST_STATUSES }).notNull(),
    action: text('action').notNull(),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('request_events_request').on(t.requestId, t.id)],
);

export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => licenseRequests.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('messages_request').on(t.requestId, t.id)],
);

export const licenses = sqliteTable(
  'licenses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    /** Unique: one request can never hold two licences. */
    requestId: integer('request_id')
      .notNull()
      .references(() => licenseRequests.id),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** Frozen copy of everything agreed (articles, use, terms, fee, credit line). */
    terms: text('terms', { mode: 'json' }).notNull(),
    fee: integer('fee').notNull(),
    currency: text('currency').notNull().default('GBP'),
    validFrom: text('valid_from').notNull(),
    /** Null for perpetual licences. */
    validUntil: text('valid_until'),
    creditLine: text('credit_line').notNull(),
    status: text('status', { enum: LICENSE_STATUSES }).notNull().default('active'),
    statusChangedAt: text('status_changed_at'),
    revokedReason: text('revoked_reason'),
    invoiceRef: text('invoice_ref').notNull(),
    paidAt: text('paid_at'),
    reminderSentAt: text('reminder_sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('licenses_code').on(t.code),
    uniqueIndex('licenses_request').on(t.requestId),
    index('licenses_org').on(t.organizationId),
    index('licenses_status_until').on(t.status, t.validUntil),
    index('licenses_created').on(t.createdAt),
    check('licenses_status', inList('status', LICENSE_STATUSES)),
    check('licenses_fee', sql`fee >= 0`),
  ],
);

export const licenseNotices = sqliteTable(
  'license_notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    licenseId: integer('license_id')
      .notNull()
      .references(() => licenses.id, { onDelete: 'cascade' }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    kind: text('kind', { enum: NOTICE_KINDS }).notNull(),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('license_notices_license').on(t.licenseId),
    check('license_notices_kind', inList('kind', NOTICE_KINDS)),
  ],
);

export const downloads = sqliteTable(
  'downloads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    licenseId: integer('license_id')
      .notNull()
      .references(() => licenses.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    format: text('format', { enum: DOWNLOAD_FORMATS }).notNull(),
    /** Set when the copy was fetched with an API token (userId is then the token's creator). */
    tokenId: integer('token_id').references(() => apiTokens.id),
    createdAt: createdAt(),
  },
  (t) => [index('downloads_license').on(t.licenseId), check('downloads_format', inList('format', DOWNLOAD_FORMATS))],
);

/**
 * A bounded sample of raw pixel hits (bots and repeats included, `counted` says which were reads):
 * at most a few per licence and day (lib/licenses/pixel-store.ts), pruned after the days set in
 * the admin settings. Pages never read it: they read usage_daily / usage_hosts.
 */
export const pixelHits = sqliteTable(
  'pixel_hits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    licenseId: integer('license_id')
      .notNull()
      .references(() => licenses.id),
    host: text('host').notNull().default(''),
    referrer: text('referrer').notNull().default(''),
    userAgent: text('user_agent').notNull().default(''),
    /** Counted as a read: not a bot, not a repeat, not past the address's rate. */
    counted: bool('counted').notNull().default(false),
    flagged: bool('flagged').notNull().default(false),
    flagReason: text('flag_reason'),
    createdAt: createdAt(),
  },
  (t) => [index('pixel_hits_license').on(t.licenseId, t.createdAt), index('pixel_hits_created').on(t.createdAt)],
);

// Usage from the pixel, written by lib/licenses/pixel-store.ts. `day` is 'YYYY-MM-DD' (UTC).

/** Counted reads per licence × host × day; flag_reason is set once, by the day's first read that flags. */
export const usageDaily = sqliteTable(
  'usage_daily',
  {
    licenseId: integer('license_id').notNull(),
    host: text('host').notNull(),
    day: text('day').notNull(),
    reads: integer('reads').notNull().default(0),
    flagReason: text('flag_reason'),
    lastReadAt: text('last_read_at').notNull(),
    lastReferrer: text('last_referrer').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.licenseId, t.host, t.day] })],
);

/**
 * The daily counts summed per licence × host in the same transaction, so /admin/usage reads one
 * row per group (a page of them by index) however many days and reads there are.
 */
export const usageHosts = sqliteTable(
  'usage_hosts',
  {
    licenseId: integer('license_id').notNull(),
    host: text('host').notNull(),
    reads: integer('reads').notNull().default(0),
    /** Days on which reads from this host were flagged. */
    flaggedDays: integer('flagged_days').notNull().default(0),
    flagReason: text('flag_reason'),
    lastReadAt: text('last_read_at').notNull(),
    lastReferrer: text('last_referrer').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.licenseId, t.host] }),
    // The page's whole order (flagged first, latest read, then the key as tie-break), so a page is
    // read straight off the index: no sort of every group before the LIMIT.
    index('usage_hosts_order').on(sql`(${t.flaggedDays} > 0)`, t.lastReadAt, t.licenseId, t.host),
  ],
);

/**
 * The usage page's totals in one row (id 1), kept exact by triggers on usage_hosts and
 * usage_hit_totals (migration usage_totals_triggers), so the page reads one row instead of
 * summing every licence × host group and every licence × day of history.
 */
export const usageTotals = sqliteTable(
  'usage_totals',
  {
    id: integer('id').primaryKey(),
    reads: integer('reads').notNull().default(0),
    flaggedDays: integer('flagged_days').notNull().default(0),
    /** usage_hosts rows: the page count of /admin/usage. */
    hosts: integer('hosts').notNull().default(0),
    /** usage_hosts rows with flagged days: the page count of the flagged-only view. */
    flaggedHosts: integer('flagged_hosts').notNull().default(0),
    /** Licences with at least one usage_hosts row. */
    licences: integer('licences').notNull().default(0),
    /** Sum of usage_hit_totals: every pixel hit ever. */
    hits: integer('hits').notNull().default(0),
  },
  () => [check('usage_totals_one_row', sql`id = 1`)],
);

/** Every pixel hit per licence and day (bots, repeats and floods included). */
export const usageHitTotals = sqliteTable(
  'usage_hit_totals',
  {
    licenseId: integer('license_id').notNull(),
    day: text('day').notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.licenseId, t.day] })],
);

/** When each reader (salted hash, see usage_salts) was last counted per licence: the 30-minute dedup. */
export const usageReaders = sqliteTable(
  'usage_readers',
  {
    reader: text('reader').primaryKey(),
    /** Milliseconds since the epoch. */
    countedAt: integer('counted_at').notNull(),
  },
  (t) => [index('usage_readers_counted').on(t.countedAt)],
);

/** The random salt of each day's reader hashes; deleted after a day, so old hashes cannot be linked. */
export const usageSalts = sqliteTable('usage_salts', {
  day: text('day').primaryKey(),
  salt: text('salt').notNull(),
});

export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    /** Optional HTML part, sent beside the plain text. */
    html: text('html'),
    kind: text('kind').notNull(),
    requestId: integer('request_id').references(() => licenseRequests.id),
    licenseId: integer('license_id').references(() => licenses.id),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: text('sent_at'),
  },
  (t) => [index('outbox_status').on(t.status, t.id), check('outbox_status_check', inList('status', OUTBOX_STATUSES))],
);

/**
 * Signed-in sessions: the JWT carries only `id`, and every read of a session checks this row, so
 * signing out, "sign out everywhere", a password change or disabling the account ends it at once.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    /** Random, unguessable (it travels inside the encrypted JWT). */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    /** Touched at most once a minute. */
    lastSeenAt: text('last_seen_at').notNull().default(now),
    /** A short summary of the browser, for a list of the user's sessions. */
    userAgent: text('user_agent').notNull().default(''),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/**
 * Every link the desk mails that lets its holder act: confirm an address, reset a password, change
 * the account's address, join an organisation, become staff. Only the SHA-256 of the token is
 * kept; each is single use and expires (lib/auth/tokens.ts owns the rules).
 */
export const accountTokens = sqliteTable(
  'account_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    purpose: text('purpose', { enum: TOKEN_PURPOSES }).notNull(),
    /** The account it acts on; null for an invitation to someone who may not have one yet. */
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** The address the link was sent to (the new address for change_email, the invitee's for invitations). */
    email: text('email').notNull(),
    /** join_organization: the organisation to join. */
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    /** join_organization: owner/member; staff_invitation: staff/admin. */
    role: text('role'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('account_tokens_hash').on(t.tokenHash),
    index('account_tokens_user').on(t.userId, t.purpose),
    index('account_tokens_org').on(t.organizationId, t.purpose),
    check('account_tokens_purpose', inList('purpose', TOKEN_PURPOSES)),
  ],
);

/** Who changed what in an organisation, and when: its billing profile and its members. */
export const organizationEvents = sqliteTable(
  'organization_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Who did it (null: the desk itself, or an account since deleted). */
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: ORG_EVENT_KINDS }).notNull(),
    /** e.g. { field: [before, after] } for profile_changed, { email, role } for members. */
    detail: text('detail', { mode: 'json' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('organization_events_org').on(t.organizationId, t.id),
    check('organization_events_kind', inList('kind', ORG_EVENT_KINDS)),
  ],
);

/**
 * rate-limiter-flexible's RateLimiterSQLite store (its own column layout): sign-in and
 * registration limits live in the database, so they survive a restart and hold across processes.
 * `expire` is epoch milliseconds.
 */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: integer('expire'),
});

/**
 * Requests per status, kept exact by triggers on license_requests (migration
 * request_status_counts): the queue's counts are one tiny read however large the desk grows.
 */
export const requestStatusCounts = sqliteTable('request_status_counts', {
  status: text('status', { enum: REQUEST_STATUSES }).primaryKey(),
  n: integer('n').notNull().default(0),
});

// Dashboard rollups, kept exact by triggers (migration desk_rollup_triggers): the dashboard reads a few
// hundred rows per month whatever the size of the history. `month` is 'YYYY-MM' (UTC).

/** Decided requests by the month of the decision; outcome approved (incl. later expired/revoked), rejected or withdrawn. */
export const deskDecisionsMonthly = sqliteTable(
  'desk_decisions_monthly',
  {
    month: text('month').notNull(),
    outcome: text('outcome', { enum: DECISION_OUTCOMES }).notNull(),
    /** Decided in the instant of submission: the auto-approval rule, not a person. */
    auto: bool('auto').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.outcome, t.auto] })],
);

/** Licences not revoked, by month issued, use and licensee. */
export const deskRevenueMonthly = sqliteTable(
  'desk_revenue_monthly',
  {
    month: text('month').notNull(),
    use: text('use', { enum: USES }).notNull(),
    organizationId: integer('organization_id').notNull(),
    licences: integer('licences').notNull().default(0),
    revenue: integer('revenue').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.use, t.organizationId] })],
);

/** Licences not revoked, by month issued and article. */
export const deskArticleLicencesMonthly = sqliteTable(
  'desk_article_licences_monthly',
  {
    month: text('month').notNull(),
    articleId: integer('article_id').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.articleId] })],
);

export const ASK_STATUSES = ['waiting', 'attached', 'dismissed'] as const;

/**
 * "Ask for it anyway": a publisher followed the desk's link (/r?url=…) for an article of the
 * publisher's that is not in the catalogue yet. Staff see these in the queue and attach the
 * article once it is imported (the feed sync usually brings it within minutes).
 */
export const unlistedAsks = sqliteTable(
  'unlisted_asks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The address as normalised by lib/catalogue/canonical-url.ts (clean https form). */
    url: text('url').notNull(),
    /** Its lookup key (host + path + kept query): one ask per person and article. */
    urlKey: text('url_key').notNull(),
    requesterId: integer('requester_id')
      .notNull()
      .references(() => users.id),
    organizationId: integer('organization_id').references(() => organizations.id),
    note: text('note').notNull().default(''),
    status: text('status', { enum: ASK_STATUSES }).notNull().default('waiting'),
    articleId: integer('article_id').references(() => articles.id),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('unlisted_asks_requester_url').on(t.requesterId, t.urlKey),
    index('unlisted_asks_status_created').on(t.status, t.createdAt),
    check('unlisted_asks_status', inList('status', ASK_STATUSES)),
  ],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull().default(now),
});

/** The publisher's feeds the desk polls (lib/feeds): the catalogue follows the site by itself. */
export const feeds = sqliteTable(
  'feeds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    url: text('url').notNull(),
    /** Minutes between polls when all is well; failures back off from it (lib/feeds/schedule.ts). */
    intervalMinutes: integer('interval_minutes').notNull().default(10),
    active: bool('active').notNull().default(true),
    /** Validators of the last response imported whole, sent back as If-None-Match / If-Modified-Since. */
    etag: text('etag'),
    lastModified: text('last_modified'),
    nextPollAt: text('next_poll_at').notNull().default(now),
    lastPolledAt: text('last_polled_at'),
    lastOutcome: text('last_outcome', { enum: FEED_OUTCOMES }),
    lastError: text('last_error'),
    /** Consecutive failed polls; 0 after a good one. */
    failures: integer('failures').notNull().default(0),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('feeds_url').on(t.url),
    index('feeds_due').on(t.active, t.nextPollAt),
    check('feeds_interval', sql`interval_minutes between 1 and 1440`),
    check('feeds_outcome', sql`last_outcome is null or ${inList('last_outcome', FEED_OUTCOMES)}`),
  ],
);

/** One line per poll: what came back and what the import did with it. */
export const feedRuns = sqliteTable(
  'feed_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    feedId: integer('feed_id')
      .notNull()
      .references(() => feeds.id, { onDelete: 'cascade' }),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at').notNull(),
    outcome: text('outcome', { enum: FEED_OUTCOMES }).notNull(),
    httpStatus: integer('http_status'),
    imported: integer('imported').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    /** Items left out, with the importer's reason: [{ place, reason }]. */
    skipped: text('skipped', { mode: 'json' })
      .$type<{ place: string; reason: string }[]>()
      .notNull()
      .default(sql`'[]'`),
    error: text('error'),
  },
  (t) => [index('feed_runs_feed').on(t.feedId, t.id), check('feed_runs_outcome', inList('outcome', FEED_OUTCOMES))],
);

/**
 * A named lease: who may run a singleton job (the feed poller) until when. Taken and renewed
 * with one conditional upsert, so two processes on one database never both hold it.
 */
export const leases = sqliteTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  /** Epoch milliseconds. */
  expiresAt: integer('expires_at').notNull(),
});

/**
 * Bearer tokens for a licensee's systems (lib/api/tokens.ts): only the SHA-256 of the token is kept,
 * the token itself is shown once. A token acts for its organisation, whoever created it.
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    scope: text('scope', { enum: API_SCOPES }).notNull().default('read'),
    /** The first characters of the token (`rdk_` + 8), so people can tell their tokens apart. */
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** Who created it (accounts are disabled, never deleted); API downloads are logged under this user and the token. */
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    expiresAt: text('expires_at'),
    /** Written at most once a minute. */
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('api_tokens_hash').on(t.tokenHash),
    index('api_tokens_org').on(t.organizationId),
    check('api_tokens_scope', inList('scope', API_SCOPES)),
  ],
);

/**
 * Every call of a catalogue licence's export (GET /api/v1/licenses/{code}/export): the usage evidence
 * staff and the licensee see (items per day, the last export, a token used from many addresses).
 * `address` is the calling machine's address as scripts/server.js decided it ('unknown' elsewhere):
 * kept as is, unlike a reader's, because it is a licensee's system under contract, and the evidence
 * of where licensed text went.
 */
export const licenseExports = sqliteTable(
  'license_exports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    licenseId: integer('license_id')
      .notNull()
      .references(() => licenses.id, { onDelete: 'cascade' }),
    tokenId: integer('token_id')
      .notNull()
      .references(() => apiTokens.id, { onDelete: 'cascade' }),
    /** The cursor the call was given ('' for the first page). */
    cursor: text('cursor').notNull().default(''),
    items: integer('items').notNull(),
    address: text('address').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('license_exports_license').on(t.licenseId, t.createdAt),
    index('license_exports_token').on(t.tokenId, t.createdAt),
    check('license_exports_items', sql`items >= 0`),
  ],
);

/**
 * Every notice a licensee's systems should hear of, per organisation, in the order it happened:
 * the notices feed reads it (its id is the cursor) and each row fans out to the organisation's
 * webhook endpoints. Written in the transaction of the change it reports (lib/webhooks/notices.ts).
 */
export const apiNotices = sqliteTable(
  'api_notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    licenseId: integer('license_id')
      .notNull()
      .references(() => licenses.id, { onDelete: 'cascade' }),
    /** The corrected or withdrawn article; null for licence-wide notices. */
    articleId: integer('article_id').references(() => articles.id),
    kind: text('kind', { enum: API_NOTICE_KINDS }).notNull(),
    note: text('note').notNull().default(''),
    /** The item as the feed and every webhook retry carry it, frozen when the notice is written. */
    item: text('item', { mode: 'json' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('api_notices_org').on(t.organizationId, t.id),
    check('api_notices_kind', inList('kind', API_NOTICE_KINDS)),
  ],
);

/** Where an organisation wants its notices POSTed; the signing secret (`whsec_…`) is shown once. */
export const webhookEndpoints = sqliteTable(
  'webhook_endpoints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    /** `whsec_` + base64 of 32 random bytes: kept, since every delivery is signed with it. */
    secret: text('secret').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Removed endpoints stay for their delivery log; nothing new is queued for them. */
    removedAt: text('removed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('webhook_endpoints_org').on(t.organizationId)],
);

/**
 * One notice for one endpoint. `webhookId` is fixed when the row is queued, so every retry carries
 * the same `webhook-id` and a receiver can drop repeats.
 */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    endpointId: integer('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    noticeId: integer('notice_id')
      .notNull()
      .references(() => apiNotices.id, { onDelete: 'cascade' }),
    webhookId: text('webhook_id').notNull(),
    status: text('status', { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull().default(now),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: text('delivered_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_webhook_id').on(t.webhookId),
    uniqueIndex('webhook_deliveries_endpoint_notice').on(t.endpointId, t.noticeId),
    index('webhook_deliveries_due').on(t.status, t.nextAttemptAt),
    check('webhook_deliveries_status', inList('status', WEBHOOK_DELIVERY_STATUSES)),
  ],
);

/** Each try of a delivery: when, what came back (HTTP status) or why nothing did. */
export const webhookAttempts = sqliteTable(
  'webhook_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryId: integer('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attemptedAt: text('attempted_at').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull().default(0),
  },
  (t) => [index('webhook_attempts_delivery').on(t.deliveryId, t.id)],
);

/**
 * One invoice per licence with a fee, written in the approving transaction. Seller, buyer and lines
 * are frozen as issued (a later settings or billing-profile edit never changes an invoice). Money is
 * integer minor units: total = net + vat, and total is the licence fee (VAT included where charged).
 */
export const invoices = sqliteTable(
  'invoices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** INV-YYYY-NNNNNN, the licence's invoice reference and the reference a transfer quotes. */
    number: text('number').notNull(),
    licenseId: integer('license_id')
      .notNull()
      .references(() => licenses.id),
    requestId: integer('request_id')
      .notNull()
      .references(() => licenseRequests.id),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** Whole UTC days (YYYY-MM-DD). */
    issuedOn: text('issued_on').notNull(),
    dueOn: text('due_on').notNull(),
    currency: text('currency').notNull(),
    seller: text('seller', { mode: 'json' }).notNull(),
    buyer: text('buyer', { mode: 'json' }).notNull(),
    lines: text('lines', { mode: 'json' }).notNull(),
    vatTreatment: text('vat_treatment', { enum: VAT_TREATMENTS }).notNull(),
    /** Thousandths: 200 = 20 %; 0 unless domestic. */
    vatRateMilli: integer('vat_rate_milli').notNull(),
    net: integer('net').notNull(),
    vat: integer('vat').notNull(),
    total: integer('total').notNull(),
    /** Sum of the payments; the invoice is paid when it reaches the total. */
    amountPaid: integer('amount_paid').notNull().default(0),
    /** Sum of the credit notes staff recorded against a paid invoice. */
    amountCredited: integer('amount_credited').notNull().default(0),
    status: text('status', { enum: INVOICE_STATUSES }).notNull().default('open'),
    paidAt: text('paid_at'),
    voidedAt: text('voided_at'),
    /** When the last overdue reminder went out (one on becoming overdue, then every 14 days). */
    lastReminderAt: text('last_reminder_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('invoices_number').on(t.number),
    uniqueIndex('invoices_license').on(t.licenseId),
    index('invoices_org').on(t.organizationId, t.issuedOn),
    index('invoices_status_due').on(t.status, t.dueOn),
    check('invoices_status', inList('status', INVOICE_STATUSES)),
    check('invoices_vat_treatment', inList('vat_treatment', VAT_TREATMENTS)),
    check('invoices_money', sql`net >= 0 and vat >= 0 and total = net + vat and vat_rate_milli >= 0`),
    check('invoices_paid', sql`amount_paid >= 0 and amount_paid <= total`),
    check('invoices_credited', sql`amount_credited >= 0 and amount_credited <= amount_paid`),
  ],
);

/** Money received against an invoice: recorded by staff (transfer, cheque …) or by the Stripe webhook. */
export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    amount: integer('amount').notNull(),
    method: text('method', { enum: PAYMENT_METHODS }).notNull(),
    /** What the payer quoted, or the bank's reference. */
    reference: text('reference').notNull().default(''),
    /** The day the money arrived (YYYY-MM-DD). */
    receivedOn: text('received_on').notNull(),
    /** Null when the provider's webhook recorded it. */
    recordedBy: integer('recorded_by').references(() => users.id),
    /** The provider's payment id (Stripe payment intent): unique, so a replayed event pays nothing twice. */
    providerPaymentId: text('provider_payment_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('payments_invoice').on(t.invoiceId),
    uniqueIndex('payments_provider').on(t.providerPaymentId),
    check('payments_method', inList('method', PAYMENT_METHODS)),
    check('payments_amount', sql`amount > 0`),
  ],
);

/** The invoice's history: issued, each payment, paid, void, credit notes, reminders — and who. */
export const invoiceEvents = sqliteTable(
  'invoice_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    /** Null for the system (issuing at auto-approval, the webhook, reminders). */
    actorId: integer('actor_id').references(() => users.id),
    kind: text('kind', { enum: INVOICE_EVENT_KINDS }).notNull(),
    amount: integer('amount'),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('invoice_events_invoice').on(t.invoiceId, t.id),
    check('invoice_events_kind', inList('kind', INVOICE_EVENT_KINDS)),
  ],
);

export type Organization = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;
export type User = typeof users.$inferSelect;
/** What leaves the data layer: never the hash. */
export type PublicUser = Omit<User, 'passwordHash'>;
export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
export type Asset = typeof assets.$inferSelect;
export type NewAsset = typeof assets.$inferInsert;
export type LicenseRequest = typeof licenseRequests.$inferSelect;
export type RequestEvent = typeof requestEvents.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type License = typeof licenses.$inferSelect;
export type LicenseNotice = typeof licenseNotices.$inferSelect;
export type OutboxMail = typeof outbox.$inferSelect;
export type PixelHit = typeof pixelHits.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type AccountToken = typeof accountTokens.$inferSelect;
export type OrganizationEvent = typeof organizationEvents.$inferSelect;
export type Feed = typeof feeds.$inferSelect;
export type FeedRun = typeof feedRuns.$inferSelect;
export type UnlistedAsk = typeof unlistedAsks.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type ApiNotice = typeof apiNotices.$inferSelect;
export type LicenseExport = typeof licenseExports.$inferSelect;
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type WebhookAttempt = typeof webhookAttempts.$inferSelect;
export type AskStatus = (typeof ASK_STATUSES)[number];
export type Invoice = typeof invoices.$inferSelect;
export type Payment = typeof payments.$inferSelect;
export type InvoiceEvent = typeof invoiceEvents.$inferSelect;
