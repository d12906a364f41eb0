CREATE TABLE `usage_totals` (
	`id` integer PRIMARY KEY NOT NULL,
	`reads` integer DEFAULT 0 NOT NULL,
	`flagged_days` integer DEFAULT 0 NOT NULL,
	`hosts` integer DEFAULT 0 NOT NULL,
	`flagged_hosts` integer DEFAULT 0 NOT NULL,
	`licences` integer DEFAULT 0 NOT NULL,
	`hits` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "usage_totals_one_row" CHECK(id = 1)
);
--> statement-breakpoint
DROP INDEX `usage_hosts_order`;--> statement-breakpoint
CREATE INDEX `usage_hosts_order` ON `usage_hosts` (("flagged_days" > 0),`last_read_at`,`license_id`,`host`);