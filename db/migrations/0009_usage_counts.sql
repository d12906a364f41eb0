CREATE TABLE `usage_daily` (
	`license_id` integer NOT NULL,
	`host` text NOT NULL,
	`day` text NOT NULL,
	`reads` integer DEFAULT 0 NOT NULL,
	`flag_reason` text,
	`last_read_at` text NOT NULL,
	`last_referrer` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`license_id`, `host`, `day`)
);
--> statement-breakpoint
CREATE TABLE `usage_hit_totals` (
	`license_id` integer NOT NULL,
	`day` text NOT NULL,
	`hits` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`license_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `usage_hosts` (
	`license_id` integer NOT NULL,
	`host` text NOT NULL,
	`reads` integer DEFAULT 0 NOT NULL,
	`flagged_days` integer DEFAULT 0 NOT NULL,
	`flag_reason` text,
	`last_read_at` text NOT NULL,
	`last_referrer` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`license_id`, `host`)
);
--> statement-breakpoint
CREATE INDEX `usage_hosts_order` ON `usage_hosts` (("flagged_days" > 0),`last_read_at`);--> statement-breakpoint
CREATE TABLE `usage_readers` (
	`reader` text PRIMARY KEY NOT NULL,
	`counted_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `usage_readers_counted` ON `usage_readers` (`counted_at`);--> statement-breakpoint
CREATE TABLE `usage_salts` (
	`day` text PRIMARY KEY NOT NULL,
	`salt` text NOT NULL
);
--> statement-breakpoint
DROP INDEX `pixel_hits_flagged`;--> statement-breakpoint
DROP INDEX `pixel_hits_license`;--> statement-breakpoint
ALTER TABLE `pixel_hits` ADD `user_agent` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `pixel_hits` ADD `counted` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `pixel_hits_created` ON `pixel_hits` (`created_at`);--> statement-breakpoint
CREATE INDEX `pixel_hits_license` ON `pixel_hits` (`license_id`,`created_at`);