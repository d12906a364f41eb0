-- Hand-added: the licences' roll-up triggers (0007) name license_requests in their bodies, and SQLite
-- refuses to rename a table into place while a trigger refers to a missing one: dropped here, made
-- again word for word at the end.
DROP TRIGGER `desk_licences_ai`;--> statement-breakpoint
DROP TRIGGER `desk_licences_au`;--> statement-breakpoint
DROP TRIGGER `desk_licences_ad`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_license_requests` (
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
	`counter_terms` text,
	`asked_terms` text,
	`agreed_fee` integer,
	`selection` text,
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
	CONSTRAINT "requests_use" CHECK(use in ('web', 'print', 'newsletter', 'broadcast', 'academic', 'internal', 'ai-train', 'ai-input', 'ai-index')),
	CONSTRAINT "requests_territory" CHECK(territory in ('country', 'region', 'worldwide')),
	CONSTRAINT "requests_duration" CHECK(duration in ('30d', '1y', 'perpetual')),
	CONSTRAINT "requests_portion" CHECK(portion in ('excerpt', 'full')),
	CONSTRAINT "requests_audience" CHECK(audience > 0),
	CONSTRAINT "requests_money" CHECK(coalesce(quote_total, 0) >= 0 and coalesce(counter_fee, 0) >= 0 and coalesce(agreed_fee, 0) >= 0),
	CONSTRAINT "requests_version" CHECK(version >= 1)
);
--> statement-breakpoint
INSERT INTO `__new_license_requests`("id", "reference", "organization_id", "requester_id", "use", "publication_name", "publication_url", "audience", "territory", "territory_detail", "duration", "start_date", "portion", "translation", "translation_language", "notes", "quote_total", "currency", "quote", "requires_review", "rate_card_version", "counter_fee", "counter_note", "counter_terms", "asked_terms", "agreed_fee", "selection", "status", "version", "idempotency_key", "created_at", "updated_at", "decided_at") SELECT "id", "reference", "organization_id", "requester_id", "use", "publication_name", "publication_url", "audience", "territory", "territory_detail", "duration", "start_date", "portion", "translation", "translation_language", "notes", "quote_total", "currency", "quote", "requires_review", "rate_card_version", "counter_fee", "counter_note", "counter_terms", "asked_terms", "agreed_fee", NULL, "status", "version", "idempotency_key", "created_at", "updated_at", "decided_at" FROM `license_requests`;--> statement-breakpoint
DROP TABLE `license_requests`;--> statement-breakpoint
ALTER TABLE `__new_license_requests` RENAME TO `license_requests`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `requests_reference` ON `license_requests` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `requests_idempotency` ON `license_requests` (`requester_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `requests_org_created` ON `license_requests` (`organization_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `requests_status_created` ON `license_requests` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `requests_created` ON `license_requests` (`created_at`);--> statement-breakpoint
CREATE INDEX `requests_open_created` ON `license_requests` (`created_at`) WHERE status in ('submitted', 'in_review', 'countered');--> statement-breakpoint
CREATE INDEX `requests_decided` ON `license_requests` (`decided_at`);--> statement-breakpoint
CREATE TABLE `__new_organizations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`country` text NOT NULL,
	`domains` text DEFAULT '[]' NOT NULL,
	`flagged` integer DEFAULT false NOT NULL,
	`flag_reason` text,
	`legal_name` text,
	`billing_line1` text,
	`billing_line2` text,
	`billing_city` text,
	`billing_postcode` text,
	`billing_country` text,
	`vat_number` text,
	`billing_email` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "organizations_type" CHECK(type in ('commercial', 'non-profit', 'education', 'individual', 'ai_developer'))
);
--> statement-breakpoint
INSERT INTO `__new_organizations`("id", "name", "type", "country", "domains", "flagged", "flag_reason", "legal_name", "billing_line1", "billing_line2", "billing_city", "billing_postcode", "billing_country", "vat_number", "billing_email", "created_at") SELECT "id", "name", "type", "country", "domains", "flagged", "flag_reason", "legal_name", "billing_line1", "billing_line2", "billing_city", "billing_postcode", "billing_country", "vat_number", "billing_email", "created_at" FROM `organizations`;--> statement-breakpoint
DROP TABLE `organizations`;--> statement-breakpoint
ALTER TABLE `__new_organizations` RENAME TO `organizations`;--> statement-breakpoint
ALTER TABLE `articles` ADD `catalogue_opt_out` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Hand-added: drizzle-kit rebuilt license_requests (its CHECK on use changed) and a DROP TABLE takes the
-- table's triggers with it. These are the triggers of 0004 and 0007, word for word. The INSERT above
-- selected a "selection" column the old table does not have: it reads NULL instead.
-- db/client.ts runs migrations with foreign keys off, so the DROP cascades to nothing.
CREATE TRIGGER `request_status_counts_ai` AFTER INSERT ON `license_requests` BEGIN
  INSERT INTO request_status_counts (status, n) VALUES (new.status, 1)
    ON CONFLICT (status) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `request_status_counts_au` AFTER UPDATE OF status ON `license_requests` WHEN old.status IS NOT new.status BEGIN
  UPDATE request_status_counts SET n = n - 1 WHERE status = old.status;
  INSERT INTO request_status_counts (status, n) VALUES (new.status, 1)
    ON CONFLICT (status) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `request_status_counts_ad` AFTER DELETE ON `license_requests` BEGIN
  UPDATE request_status_counts SET n = n - 1 WHERE status = old.status;
END;
--> statement-breakpoint
CREATE TRIGGER `desk_decisions_ai` AFTER INSERT ON `license_requests` WHEN new.decided_at IS NOT NULL BEGIN
  INSERT INTO desk_decisions_monthly (month, outcome, auto, n)
    VALUES (substr(new.decided_at, 1, 7), CASE new.status WHEN 'rejected' THEN 'rejected' WHEN 'withdrawn' THEN 'withdrawn' ELSE 'approved' END, new.decided_at = new.created_at, 1)
    ON CONFLICT (month, outcome, auto) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `desk_decisions_au` AFTER UPDATE OF decided_at, created_at, status ON `license_requests`
WHEN old.decided_at IS NOT new.decided_at OR old.created_at IS NOT new.created_at OR old.status IS NOT new.status BEGIN
  UPDATE desk_decisions_monthly SET n = n - 1
    WHERE old.decided_at IS NOT NULL AND month = substr(old.decided_at, 1, 7)
      AND outcome = CASE old.status WHEN 'rejected' THEN 'rejected' WHEN 'withdrawn' THEN 'withdrawn' ELSE 'approved' END
      AND auto = (old.decided_at = old.created_at);
  INSERT INTO desk_decisions_monthly (month, outcome, auto, n)
    SELECT substr(new.decided_at, 1, 7), CASE new.status WHEN 'rejected' THEN 'rejected' WHEN 'withdrawn' THEN 'withdrawn' ELSE 'approved' END, new.decided_at = new.created_at, 1
    WHERE new.decided_at IS NOT NULL
    ON CONFLICT (month, outcome, auto) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `desk_decisions_ad` AFTER DELETE ON `license_requests` WHEN old.decided_at IS NOT NULL BEGIN
  UPDATE desk_decisions_monthly SET n = n - 1
    WHERE month = substr(old.decided_at, 1, 7)
      AND outcome = CASE old.status WHEN 'rejected' THEN 'rejected' WHEN 'withdrawn' THEN 'withdrawn' ELSE 'approved' END
      AND auto = (old.decided_at = old.created_at);
END;
--> statement-breakpoint
CREATE TRIGGER `desk_licences_ai` AFTER INSERT ON `licenses` WHEN new.status <> 'revoked' BEGIN
  INSERT INTO desk_revenue_monthly (month, use, organization_id, licences, revenue)
    SELECT substr(new.created_at, 1, 7), r.use, new.organization_id, 1, new.fee FROM license_requests r WHERE r.id = new.request_id
    ON CONFLICT (month, use, organization_id) DO UPDATE SET licences = licences + 1, revenue = revenue + excluded.revenue;
  INSERT INTO desk_article_licences_monthly (month, article_id, n)
    SELECT substr(new.created_at, 1, 7), ra.article_id, 1 FROM request_articles ra WHERE ra.request_id = new.request_id
    ON CONFLICT (month, article_id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `desk_licences_au` AFTER UPDATE OF created_at, status, fee ON `licenses`
WHEN old.created_at IS NOT new.created_at OR old.status IS NOT new.status OR old.fee IS NOT new.fee BEGIN
  UPDATE desk_revenue_monthly SET licences = licences - 1, revenue = revenue - old.fee
    WHERE old.status <> 'revoked' AND month = substr(old.created_at, 1, 7) AND organization_id = old.organization_id
      AND use = (SELECT r.use FROM license_requests r WHERE r.id = old.request_id);
  UPDATE desk_article_licences_monthly SET n = n - 1
    WHERE old.status <> 'revoked' AND month = substr(old.created_at, 1, 7)
      AND article_id IN (SELECT ra.article_id FROM request_articles ra WHERE ra.request_id = old.request_id);
  INSERT INTO desk_revenue_monthly (month, use, organization_id, licences, revenue)
    SELECT substr(new.created_at, 1, 7), r.use, new.organization_id, 1, new.fee FROM license_requests r WHERE r.id = new.request_id AND new.status <> 'revoked'
    ON CONFLICT (month, use, organization_id) DO UPDATE SET licences = licences + 1, revenue = revenue + excluded.revenue;
  INSERT INTO desk_article_licences_monthly (month, article_id, n)
    SELECT substr(new.created_at, 1, 7), ra.article_id, 1 FROM request_articles ra WHERE ra.request_id = new.request_id AND new.status <> 'revoked'
    ON CONFLICT (month, article_id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `desk_licences_ad` AFTER DELETE ON `licenses` WHEN old.status <> 'revoked' BEGIN
  UPDATE desk_revenue_monthly SET licences = licences - 1, revenue = revenue - old.fee
    WHERE month = substr(old.created_at, 1, 7) AND organization_id = old.organization_id
      AND use = (SELECT r.use FROM license_requests r WHERE r.id = old.request_id);
  UPDATE desk_article_licences_monthly SET n = n - 1
    WHERE month = substr(old.created_at, 1, 7) AND article_id IN (SELECT ra.article_id FROM request_articles ra WHERE ra.request_id = old.request_id);
END;
