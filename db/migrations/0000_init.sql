CREATE TABLE `article_authors` (
	`article_id` integer NOT NULL,
	`author` text NOT NULL,
	PRIMARY KEY(`article_id`, `author`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_authors_author` ON `article_authors` (`author`);--> statement-breakpoint
CREATE TABLE `article_tags` (
	`article_id` integer NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`article_id`, `tag`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_tags_tag` ON `article_tags` (`tag`);--> statement-breakpoint
CREATE TABLE `articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`standfirst` text DEFAULT '' NOT NULL,
	`body` text NOT NULL,
	`byline` text DEFAULT '' NOT NULL,
	`section` text NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`published_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`canonical_url` text NOT NULL,
	`word_count` integer DEFAULT 0 NOT NULL,
	`premium_milli` integer DEFAULT 1000 NOT NULL,
	`rights_status` text DEFAULT 'owned' NOT NULL,
	`embargo_until` text,
	`hidden` integer DEFAULT false NOT NULL,
	`state` text DEFAULT 'published' NOT NULL,
	`state_note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "articles_rights" CHECK(rights_status in ('owned', 'contributor', 'syndicated_in')),
	CONSTRAINT "articles_state" CHECK(state in ('published', 'corrected', 'withdrawn')),
	CONSTRAINT "articles_premium" CHECK(premium_milli > 0),
	CONSTRAINT "articles_words" CHECK(word_count >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_slug` ON `articles` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `articles_canonical` ON `articles` (`canonical_url`);--> statement-breakpoint
CREATE INDEX `articles_published` ON `articles` (`published_at`);--> statement-breakpoint
CREATE INDEX `articles_section_published` ON `articles` (`section`,`published_at`);--> statement-breakpoint
CREATE TABLE `assets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`kind` text DEFAULT 'image' NOT NULL,
	`url` text NOT NULL,
	`caption` text DEFAULT '' NOT NULL,
	`credit` text DEFAULT '' NOT NULL,
	`rights_holder` text DEFAULT '' NOT NULL,
	`licensable` integer DEFAULT true NOT NULL,
	`licensable_overridden` integer DEFAULT false NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "assets_kind" CHECK(kind in ('image', 'embed'))
);
--> statement-breakpoint
CREATE INDEX `assets_article` ON `assets` (`article_id`);--> statement-breakpoint
CREATE TABLE `downloads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`license_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`format` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`license_id`) REFERENCES `licenses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "downloads_format" CHECK(format in ('html', 'md', 'txt', 'pdf', 'zip'))
);
--> statement-breakpoint
CREATE INDEX `downloads_license` ON `downloads` (`license_id`);--> statement-breakpoint
CREATE TABLE `license_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`license_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	`kind` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`license_id`) REFERENCES `licenses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "license_notices_kind" CHECK(kind in ('corrected', 'withdrawn'))
);
--> statement-breakpoint
CREATE INDEX `license_notices_license` ON `license_notices` (`license_id`);--> statement-breakpoint
CREATE TABLE `license_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`organization_id` integer NOT NULL,
	`requester_id` integer NOT NULL,
	`use` text NOT NULL,
	`publication_name` text NOT NULL,
	`publication_url` text NOT NULL,
	`audience` integer NOT NULL,
	`territory` text NOT NULL,
	`territory_detail` text DEFAULT '' NOT NULL,
	`duration` text NOT NULL,
	`start_date` text NOT NULL,
	`portion` text NOT NULL,
	`translation` integer DEFAULT false NOT NULL,
	`translation_language` text,
	`notes` text DEFAULT '' NOT NULL,
	`quote_total` integer,
	`currency` text DEFAULT 'GBP' NOT NULL,
	`quote` text NOT NULL,
	`requires_review` integer DEFAULT false NOT NULL,
	`rate_card_version` integer NOT NULL,
	`counter_fee` integer,
	`counter_note` text,
	`agreed_fee` integer,
	`status` text DEFAULT 'submitted' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`idempotency_key` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`decided_at` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requester_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rate_card_version`) REFERENCES `rate_cards`(`version`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "requests_status" CHECK(status in ('submitted', 'in_review', 'countered', 'approved', 'rejected', 'withdrawn', 'expired', 'revoked')),
	CONSTRAINT "requests_use" CHECK(use in ('web', 'print', 'newsletter', 'broadcast', 'academic', 'internal')),
	CONSTRAINT "requests_territory" CHECK(territory in ('country', 'region', 'worldwide')),
	CONSTRAINT "requests_duration" CHECK(duration in ('30d', '1y', 'perpetual')),
	CONSTRAINT "requests_portion" CHECK(portion in ('excerpt', 'full')),
	CONSTRAINT "requests_audience" CHECK(audience > 0),
	CONSTRAINT "requests_money" CHECK(coalesce(quote_total, 0) >= 0 and coalesce(counter_fee, 0) >= 0 and coalesce(agreed_fee, 0) >= 0),
	CONSTRAINT "requests_version" CHECK(version >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `requests_reference` ON `license_requests` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `requests_idempotency` ON `license_requests` (`requester_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `requests_org_created` ON `license_requests` (`organization_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `requests_status_created` ON `license_requests` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `requests_created` ON `license_requests` (`created_at`);--> statement-breakpoint
CREATE TABLE `licenses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`request_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`terms` text NOT NULL,
	`fee` integer NOT NULL,
	`currency` text DEFAULT 'GBP' NOT NULL,
	`valid_from` text NOT NULL,
	`valid_until` text,
	`credit_line` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`status_changed_at` text,
	`revoked_reason` text,
	`invoice_ref` text NOT NULL,
	`paid_at` text,
	`reminder_sent_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `license_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "licenses_status" CHECK(status in ('active', 'expired', 'revoked')),
	CONSTRAINT "licenses_fee" CHECK(fee >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `licenses_code` ON `licenses` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `licenses_request` ON `licenses` (`request_id`);--> statement-breakpoint
CREATE INDEX `licenses_org` ON `licenses` (`organization_id`);--> statement-breakpoint
CREATE INDEX `licenses_status_until` ON `licenses` (`status`,`valid_until`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `license_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `messages_request` ON `messages` (`request_id`,`id`);--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`country` text NOT NULL,
	`domains` text DEFAULT '[]' NOT NULL,
	`flagged` integer DEFAULT false NOT NULL,
	`flag_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "organizations_type" CHECK(type in ('commercial', 'non-profit', 'education', 'individual'))
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`kind` text NOT NULL,
	`request_id` integer,
	`license_id` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`request_id`) REFERENCES `license_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`license_id`) REFERENCES `licenses`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "outbox_status_check" CHECK(status in ('pending', 'sent', 'failed', 'logged'))
);
--> statement-breakpoint
CREATE INDEX `outbox_status` ON `outbox` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `pixel_hits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`license_id` integer NOT NULL,
	`host` text DEFAULT '' NOT NULL,
	`referrer` text DEFAULT '' NOT NULL,
	`flagged` integer DEFAULT false NOT NULL,
	`flag_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`license_id`) REFERENCES `licenses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pixel_hits_license` ON `pixel_hits` (`license_id`);--> statement-breakpoint
CREATE INDEX `pixel_hits_flagged` ON `pixel_hits` (`flagged`,`created_at`);--> statement-breakpoint
CREATE TABLE `rate_cards` (
	`version` integer PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `request_articles` (
	`request_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`request_id`, `article_id`),
	FOREIGN KEY (`request_id`) REFERENCES `license_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_articles_article` ON `request_articles` (`article_id`);--> statement-breakpoint
CREATE TABLE `request_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`actor_id` integer,
	`from_status` text,
	`to_status` text NOT NULL,
	`action` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `license_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_events_request` ON `request_events` (`request_id`,`id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text DEFAULT 'publisher' NOT NULL,
	`organization_id` integer,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role" CHECK(role in ('publisher', 'staff', 'admin')),
	CONSTRAINT "users_email_lower" CHECK(email = lower(email))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_org` ON `users` (`organization_id`);