CREATE TABLE `feed_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`feed_id` integer NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text NOT NULL,
	`outcome` text NOT NULL,
	`http_status` integer,
	`imported` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`skipped` text DEFAULT '[]' NOT NULL,
	`error` text,
	FOREIGN KEY (`feed_id`) REFERENCES `feeds`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "feed_runs_outcome" CHECK(outcome in ('fetched', 'unchanged', 'error'))
);
--> statement-breakpoint
CREATE INDEX `feed_runs_feed` ON `feed_runs` (`feed_id`,`id`);--> statement-breakpoint
CREATE TABLE `feeds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`interval_minutes` integer DEFAULT 10 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`etag` text,
	`last_modified` text,
	`next_poll_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`last_polled_at` text,
	`last_outcome` text,
	`last_error` text,
	`failures` integer DEFAULT 0 NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "feeds_interval" CHECK(interval_minutes between 1 and 1440),
	CONSTRAINT "feeds_outcome" CHECK(last_outcome is null or last_outcome in ('fetched', 'unchanged', 'error'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feeds_url` ON `feeds` (`url`);--> statement-breakpoint
CREATE INDEX `feeds_due` ON `feeds` (`active`,`next_poll_at`);--> statement-breakpoint
CREATE TABLE `leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` integer NOT NULL
);
