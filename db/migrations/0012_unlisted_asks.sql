CREATE TABLE `unlisted_asks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`url_key` text NOT NULL,
	`requester_id` integer NOT NULL,
	`organization_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'waiting' NOT NULL,
	`article_id` integer,
	`decided_by` integer,
	`decided_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`requester_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "unlisted_asks_status" CHECK(status in ('waiting', 'attached', 'dismissed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unlisted_asks_requester_url` ON `unlisted_asks` (`requester_id`,`url_key`);--> statement-breakpoint
CREATE INDEX `unlisted_asks_status_created` ON `unlisted_asks` (`status`,`created_at`);