-- Hits logged before the usage counts existed become daily counts (each was counted then), then
-- pixel_hits is trimmed to the bounded sample: the first 20 per licence and day.
-- With a single max() in a grouped query SQLite takes the bare columns from that row: the last hit.
UPDATE `pixel_hits` SET `counted` = 1;
--> statement-breakpoint
INSERT INTO `usage_daily` (`license_id`, `host`, `day`, `reads`, `last_read_at`, `last_referrer`)
SELECT `license_id`, `host`, `day`, `n`, `created_at`, `referrer` FROM (
  SELECT `license_id`, `host`, substr(`created_at`, 1, 10) AS `day`, count(*) AS `n`, `created_at`, `referrer`, max(`id`)
  FROM `pixel_hits` GROUP BY `license_id`, `host`, substr(`created_at`, 1, 10)
);
--> statement-breakpoint
UPDATE `usage_daily` SET `flag_reason` = (
  SELECT `p`.`flag_reason` FROM `pixel_hits` `p`
  WHERE `p`.`license_id` = `usage_daily`.`license_id` AND `p`.`host` = `usage_daily`.`host` AND `p`.`flagged` = 1
    AND `p`.`created_at` >= `usage_daily`.`day` AND `p`.`created_at` < `usage_daily`.`day` || 'U'
  ORDER BY `p`.`id` LIMIT 1
);
--> statement-breakpoint
INSERT INTO `usage_hosts` (`license_id`, `host`, `reads`, `flagged_days`, `last_read_at`, `last_referrer`)
SELECT `license_id`, `host`, `r`, `f`, `last_read_at`, `last_referrer` FROM (
  SELECT `license_id`, `host`, sum(`reads`) AS `r`, count(`flag_reason`) AS `f`, `last_read_at`, `last_referrer`, max(`last_read_at`)
  FROM `usage_daily` GROUP BY `license_id`, `host`
);
--> statement-breakpoint
UPDATE `usage_hosts` SET `flag_reason` = (
  SELECT `d`.`flag_reason` FROM `usage_daily` `d`
  WHERE `d`.`license_id` = `usage_hosts`.`license_id` AND `d`.`host` = `usage_hosts`.`host` AND `d`.`flag_reason` IS NOT NULL
  ORDER BY `d`.`day` DESC LIMIT 1
);
--> statement-breakpoint
INSERT INTO `usage_hit_totals` (`license_id`, `day`, `hits`)
SELECT `license_id`, substr(`created_at`, 1, 10), count(*) FROM `pixel_hits` GROUP BY `license_id`, substr(`created_at`, 1, 10);
--> statement-breakpoint
DELETE FROM `pixel_hits` WHERE `id` IN (
  SELECT `id` FROM (SELECT `id`, row_number() OVER (PARTITION BY `license_id`, substr(`created_at`, 1, 10) ORDER BY `id`) AS `n` FROM `pixel_hits`) WHERE `n` > 20
);
