ALTER TABLE `license_requests` ADD `counter_terms` text;--> statement-breakpoint
ALTER TABLE `license_requests` ADD `asked_terms` text;