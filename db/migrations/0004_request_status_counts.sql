-- Per-status request counts for the staff queue, maintained by triggers so they stay exact
-- whoever writes (the app, seeds, bulk loaders, sqlite3). drizzle-kit cannot express triggers,
-- so this migration is hand-written.
CREATE TRIGGER `request_status_counts_ai` AFTER INSERT ON `license_requests` BEGIN
  INSERT INTO request_status_counts (status, n) VALUES (new.status, 1)
    ON CONFLICT (status) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `request_status_counts_au` AFTER UPDATE OF status ON `license_requests` WHEN old.status IS NOT new.status BEGIN
  UPDATE request_status_counts SET n = n - 1 WHERE status = old.status;
  INSERT INTO request_status_counts (status, n) VALUES (new.status, 1)
    ON CONFLICT (status) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `request_status_counts_ad` AFTER DELETE ON `license_requests` BEGIN
  UPDATE request_status_counts SET n = n - 1 WHERE status = old.status;
END;
--> statement-breakpoint
INSERT INTO request_status_counts (status, n)
  SELECT status, count(*) FROM license_requests WHERE true GROUP BY status;
