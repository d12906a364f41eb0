CREATE TABLE `request_status_counts` (
	`status` text PRIMARY KEY NOT NULL,
	`n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `requests_open_created` ON `license_requests` (`created_at`) WHERE status in ('submitted', 'in_review', 'countered');--> statement-breakpoint
CREATE INDEX `requests_decided` ON `license_requests` (`decided_at`);--> statement-breakpoint
CREATE INDEX `licenses_created` ON `licenses` (`created_at`);