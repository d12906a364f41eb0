CREATE TABLE `account_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`purpose` text NOT NULL,
	`user_id` integer,
	`email` text NOT NULL,
	`organization_id` integer,
	`role` text,
	`created_by` integer,
	`token_hash` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "account_tokens_purpose" CHECK(purpose in ('verify_email', 'reset_password', 'change_email', 'join_organization', 'staff_invitation'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_tokens_hash` ON `account_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `account_tokens_user` ON `account_tokens` (`user_id`,`purpose`);--> statement-breakpoint
CREATE INDEX `account_tokens_org` ON `account_tokens` (`organization_id`,`purpose`);--> statement-breakpoint
CREATE TABLE `organization_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`actor_id` integer,
	`kind` text NOT NULL,
	`detail` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "organization_events_kind" CHECK(kind in ('profile_changed', 'member_invited', 'invitation_revoked', 'member_joined', 'role_changed', 'member_removed', 'member_left'))
);
--> statement-breakpoint
CREATE INDEX `organization_events_org` ON `organization_events` (`organization_id`,`id`);--> statement-breakpoint
ALTER TABLE `organizations` ADD `legal_name` text;--> statement-breakpoint
ALTER TABLE `organizations` ADD `billing_line1` text;--> statement-breakpoint
ALTER TABLE `organizations` ADD `billing_line2` text;--> statement-breakpoint
ALTER TABLE `organizations` ADD `billing_city` text;--> statement-breakpoint
ALTER TABLE `organizations` ADD `billing_postcode` text;--> statement-breakpoint
ALTER TABLE `organizations` ADD `billing_country` text;--> statement-breakpoint
ALTER TABLE `organizations` ADD `vat_number` text;--> statement-breakpoint
ALTER TABLE `organizations` ADD `billing_email` text;--> statement-breakpoint
ALTER TABLE `users` ADD `org_role` text;--> statement-breakpoint
-- Data: whoever registered an organisation owned it; pending verification links move to account_tokens.
UPDATE `users` SET `org_role` = 'owner' WHERE `organization_id` IS NOT NULL AND `role` = 'publisher';--> statement-breakpoint
INSERT INTO `account_tokens` (`purpose`, `user_id`, `email`, `token_hash`, `expires_at`, `used_at`, `created_at`)
  SELECT 'verify_email', t.`user_id`, u.`email`, t.`token_hash`, t.`expires_at`, t.`used_at`, t.`created_at`
  FROM `email_verification_tokens` t JOIN `users` u ON u.`id` = t.`user_id`;
