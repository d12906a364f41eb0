CREATE TABLE `invoice_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` integer NOT NULL,
	`actor_id` integer,
	`kind` text NOT NULL,
	`amount` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "invoice_events_kind" CHECK(kind in ('issued', 'payment', 'paid', 'void', 'credit_note', 'reminder', 'checkout'))
);
--> statement-breakpoint
CREATE INDEX `invoice_events_invoice` ON `invoice_events` (`invoice_id`,`id`);--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`license_id` integer NOT NULL,
	`request_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`issued_on` text NOT NULL,
	`due_on` text NOT NULL,
	`currency` text NOT NULL,
	`seller` text NOT NULL,
	`buyer` text NOT NULL,
	`lines` text NOT NULL,
	`vat_treatment` text NOT NULL,
	`vat_rate_milli` integer NOT NULL,
	`net` integer NOT NULL,
	`vat` integer NOT NULL,
	`total` integer NOT NULL,
	`amount_paid` integer DEFAULT 0 NOT NULL,
	`amount_credited` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`paid_at` text,
	`voided_at` text,
	`last_reminder_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`license_id`) REFERENCES `licenses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `license_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "invoices_status" CHECK(status in ('open', 'paid', 'void')),
	CONSTRAINT "invoices_vat_treatment" CHECK(vat_treatment in ('domestic', 'reverse_charge', 'outside_scope')),
	CONSTRAINT "invoices_money" CHECK(net >= 0 and vat >= 0 and total = net + vat and vat_rate_milli >= 0),
	CONSTRAINT "invoices_paid" CHECK(amount_paid >= 0 and amount_paid <= total),
	CONSTRAINT "invoices_credited" CHECK(amount_credited >= 0 and amount_credited <= amount_paid)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_number` ON `invoices` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_license` ON `invoices` (`license_id`);--> statement-breakpoint
CREATE INDEX `invoices_org` ON `invoices` (`organization_id`,`issued_on`);--> statement-breakpoint
CREATE INDEX `invoices_status_due` ON `invoices` (`status`,`due_on`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` integer NOT NULL,
	`amount` integer NOT NULL,
	`method` text NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`received_on` text NOT NULL,
	`recorded_by` integer,
	`provider_payment_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payments_method" CHECK(method in ('transfer', 'card', 'cheque', 'other')),
	CONSTRAINT "payments_amount" CHECK(amount > 0)
);
--> statement-breakpoint
CREATE INDEX `payments_invoice` ON `payments` (`invoice_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_provider` ON `payments` (`provider_payment_id`);