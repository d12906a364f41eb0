/**
 * Every enumeration the schema stores, as plain lists: the CHECK constraints (db/schema.ts), the zod
 * schemas (lib/validation) and the UI read these same lists. No drizzle import here on purpose — client
 * components and proxy.ts import this file, and it must not pull the tables into their bundles.
 */
/** `ai_developer`: a company training, grounding or indexing AI models on the catalogue (docs/DESIGN.md § AI and catalogue licences). */
export const ORG_TYPES = ['commercial', 'non-profit', 'education', 'individual', 'ai_developer'] as const;
export const ROLES = ['publisher', 'staff', 'admin'] as const;
/** A publisher's place in their organisation: owners manage colleagues and the billing profile. */
export const ORG_ROLES = ['owner', 'member'] as const;
/**
 * What a mailed link lets its holder do (account_tokens.purpose): confirm an address, set a new
 * password, move the account to a new address, join an organisation, or become staff.
 */
export const TOKEN_PURPOSES = [
  'verify_email',
  'reset_password',
  'change_email',
  'join_organization',
  'staff_invitation',
] as const;
/** Who did what to an organisation: its profile and its members (organization_events.kind). */
export const ORG_EVENT_KINDS = [
  'profile_changed',
  'member_invited',
  'invitation_revoked',
  'member_joined',
  'role_changed',
  'member_removed',
  'member_left',
] as const;
export const RIGHTS_STATUSES = ['owned', 'contributor', 'syndicated_in'] as const;
export const ARTICLE_STATES = ['published', 'corrected', 'withdrawn'] as const;
export const ASSET_KINDS = ['image', 'embed'] as const;
/** What another outlet does with an article: the per-article request form offers these. */
export const ARTICLE_USES = ['web', 'print', 'newsletter', 'broadcast', 'academic', 'internal'] as const;
/**
 * What a machine does with the text: training (`ai-train`), retrieval and answers that use it (`ai-input`),
 * a search index with snippets (`ai-index`) — RSL 1.0's usage names. Licensed per catalogue selection only.
 */
export const AI_USES = ['ai-train', 'ai-input', 'ai-index'] as const;
export const USES = [...ARTICLE_USES, ...AI_USES] as const;
export const TERRITORIES = ['country', 'region', 'worldwide'] as const;
export const DURATIONS = ['30d', '1y', 'perpetual'] as const;
export const PORTIONS = ['excerpt', 'full'] as const;
export const REQUEST_STATUSES = [
  'submitted',
  'in_review',
  'countered',
  'approved',
  'rejected',
  'withdrawn',
  'expired',
  'revoked',
] as const;
/** Word for word the partial index condition of `requests_open_created` (SQLite matches it textually). */
export const OPEN_QUEUE_CONDITION = "status in ('submitted', 'in_review', 'countered')";
/** How a decided request counts on the dashboard (desk_decisions_monthly). */
export const DECISION_OUTCOMES = ['approved', 'rejected', 'withdrawn'] as const;
export const LICENSE_STATUSES = ['active', 'expired', 'revoked'] as const;
export const DOWNLOAD_FORMATS = ['html', 'md', 'txt', 'pdf', 'ninjs', 'zip'] as const;
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'logged'] as const;
export const NOTICE_KINDS = ['corrected', 'withdrawn'] as const;
/** What an API token may do; `read` is the only scope so far (list licences, download copies, read notices). */
export const API_SCOPES = ['read'] as const;
/** What the notices feed and the webhooks tell a licensee's systems (api_notices.kind). */
export const API_NOTICE_KINDS = ['corrected', 'withdrawn', 'revoked', 'expired', 'reminder'] as const;
/** A webhook delivery: waiting (first try or a retry), delivered (2xx), or given up after 24 hours. */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
/**
 * An invoice as stored: open (money owed), paid (payments reached the total), void (the licence was
 * revoked before payment). Unpaid / part-paid / overdue are read from the amounts and the due date.
 */
export const INVOICE_STATUSES = ['open', 'paid', 'void'] as const;
/** How VAT applies to an invoice (lib/invoices/vat.ts, docs/DESIGN.md § Invoices and payments). */
export const VAT_TREATMENTS = ['domestic', 'reverse_charge', 'outside_scope'] as const;
/** How money reached the desk: staff record transfers and the rest; `card` is Stripe Checkout. */
export const PAYMENT_METHODS = ['transfer', 'card', 'cheque', 'other'] as const;
/** An invoice's history (invoice_events.kind). */
export const INVOICE_EVENT_KINDS = [
  'issued',
  'payment',
  'paid',
  'void',
  'credit_note',
  'reminder',
  'checkout',
] as const;

export type OrgType = (typeof ORG_TYPES)[number];
export type Role = (typeof ROLES)[number];
export type OrgRole = (typeof ORG_ROLES)[number];
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];
export type OrgEventKind = (typeof ORG_EVENT_KINDS)[number];
export type RightsStatus = (typeof RIGHTS_STATUSES)[number];
export type ArticleState = (typeof ARTICLE_STATES)[number];
export type AssetKind = (typeof ASSET_KINDS)[number];
export type Use = (typeof USES)[number];
export type ArticleUse = (typeof ARTICLE_USES)[number];
export type AiUse = (typeof AI_USES)[number];
/** Per section, what the desk says to machines: license it (RSL, catalogue licences), reserve it (TDMRep), or allow it. */
export const AI_SECTION_POLICIES = ['license', 'reserve', 'allow'] as const;
export type AiSectionPolicy = (typeof AI_SECTION_POLICIES)[number];
export type Territory = (typeof TERRITORIES)[number];
export type Duration = (typeof DURATIONS)[number];
export type Portion = (typeof PORTIONS)[number];
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export type ApiScope = (typeof API_SCOPES)[number];
export type ApiNoticeKind = (typeof API_NOTICE_KINDS)[number];
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export type VatTreatment = (typeof VAT_TREATMENTS)[number];
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export type InvoiceEventKind = (typeof INVOICE_EVENT_KINDS)[number];

/** A feed poll ends as: fetched (and imported), unchanged (304), or error (nothing imported). */
export const FEED_OUTCOMES = ['fetched', 'unchanged', 'error'] as const;
export type FeedOutcome = (typeof FEED_OUTCOMES)[number];
