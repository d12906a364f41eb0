-- usage_totals (one row) kept exact by triggers on usage_hosts and usage_hit_totals, whoever
-- writes: each trigger takes away the old row's contribution and adds the new one's. The page
-- then reads one row instead of summing every group and every day of history.
-- Hand-written: drizzle-kit cannot express triggers. Starts from what is already counted.
INSERT INTO `usage_totals` (`id`, `reads`, `flagged_days`, `hosts`, `flagged_hosts`, `licences`, `hits`)
SELECT 1, coalesce(sum(`reads`), 0), coalesce(sum(`flagged_days`), 0), count(*), coalesce(sum(`flagged_days` > 0), 0),
  count(DISTINCT `license_id`), (SELECT coalesce(sum(`hits`), 0) FROM `usage_hit_totals`)
FROM `usage_hosts`;
--> statement-breakpoint
CREATE TRIGGER `usage_totals_hosts_ai` AFTER INSERT ON `usage_hosts` BEGIN
  UPDATE `usage_totals` SET `reads` = `reads` + new.`reads`, `flagged_days` = `flagged_days` + new.`flagged_days`,
    `hosts` = `hosts` + 1, `flagged_hosts` = `flagged_hosts` + (new.`flagged_days` > 0),
    -- A licence's first group (a lookup on the primary key's prefix).
    `licences` = `licences` + NOT EXISTS (
      SELECT 1 FROM `usage_hosts` WHERE `license_id` = new.`license_id` AND `host` <> new.`host`)
  WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `usage_totals_hosts_au` AFTER UPDATE OF `reads`, `flagged_days` ON `usage_hosts`
WHEN old.`reads` IS NOT new.`reads` OR old.`flagged_days` IS NOT new.`flagged_days` BEGIN
  UPDATE `usage_totals` SET `reads` = `reads` + new.`reads` - old.`reads`,
    `flagged_days` = `flagged_days` + new.`flagged_days` - old.`flagged_days`,
    `flagged_hosts` = `flagged_hosts` + (new.`flagged_days` > 0) - (old.`flagged_days` > 0)
  WHERE `id` = 1;
END;
--> statement-breakpoint
-- The key never changes in the desk's own code; moved to another licence, the licence count follows.
CREATE TRIGGER `usage_totals_hosts_au_licence` AFTER UPDATE OF `license_id` ON `usage_hosts`
WHEN old.`license_id` IS NOT new.`license_id` BEGIN
  UPDATE `usage_totals` SET `licences` = `licences`
      - NOT EXISTS (SELECT 1 FROM `usage_hosts` WHERE `license_id` = old.`license_id`)
      + NOT EXISTS (SELECT 1 FROM `usage_hosts` WHERE `license_id` = new.`license_id` AND `host` <> new.`host`)
  WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `usage_totals_hosts_ad` AFTER DELETE ON `usage_hosts` BEGIN
  UPDATE `usage_totals` SET `reads` = `reads` - old.`reads`, `flagged_days` = `flagged_days` - old.`flagged_days`,
    `hosts` = `hosts` - 1, `flagged_hosts` = `flagged_hosts` - (old.`flagged_days` > 0),
    `licences` = `licences` - NOT EXISTS (SELECT 1 FROM `usage_hosts` WHERE `license_id` = old.`license_id`)
  WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `usage_totals_hits_ai` AFTER INSERT ON `usage_hit_totals` BEGIN
  UPDATE `usage_totals` SET `hits` = `hits` + new.`hits` WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `usage_totals_hits_au` AFTER UPDATE OF `hits` ON `usage_hit_totals` WHEN old.`hits` IS NOT new.`hits` BEGIN
  UPDATE `usage_totals` SET `hits` = `hits` + new.`hits` - old.`hits` WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `usage_totals_hits_ad` AFTER DELETE ON `usage_hit_totals` BEGIN
  UPDATE `usage_totals` SET `hits` = `hits` - old.`hits` WHERE `id` = 1;
END;
