CREATE TABLE `license_exports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`license_id` integer NOT NULL,
	`token_id` integer NOT NULL,
	`cursor` text DEFAULT '' NOT NULL,
	`items` integer NOT NULL,
	`address` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`license_id`) REFERENCES `licenses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`token_id`) REFERENCES `api_tokens`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "license_exports_items" CHECK(items >= 0)
);
--> statement-breakpoint
CREATE INDEX `license_exports_license` ON `license_exports` (`license_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `license_exports_token` ON `license_exports` (`token_id`,`created_at`);