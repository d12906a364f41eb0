DROP INDEX `articles_published`;--> statement-breakpoint
DROP INDEX `articles_section_published`;--> statement-breakpoint
CREATE INDEX `articles_published_visible` ON `articles` (`published_at`,`hidden`,`embargo_until`,`rights_status`,`state`);--> statement-breakpoint
CREATE INDEX `articles_section_published_visible` ON `articles` (`section`,`published_at`,`hidden`,`embargo_until`,`rights_status`,`state`);