CREATE TABLE `desk_article_licences_monthly` (
	`month` text NOT NULL,
	`article_id` integer NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `article_id`)
);
--> statement-breakpoint
CREATE TABLE `desk_decisions_monthly` (
	`month` text NOT NULL,
	`outcome` text NOT NULL,
	`auto` integer NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `outcome`, `auto`)
);
--> statement-breakpoint
CREATE TABLE `desk_revenue_monthly` (
	`month` text NOT NULL,
	`use` text NOT NULL,
	`organization_id` integer NOT NULL,
	`licences` integer DEFAULT 0 NOT NULL,
	`revenue` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `use`, `organization_id`)
);
