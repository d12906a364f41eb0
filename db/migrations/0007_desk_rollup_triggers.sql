-- Dashboard rollups (desk_decisions_monthly, desk_revenue_monthly, desk_article_licences_monthly)
-- kept exact by triggers, whoever writes. Each trigger takes away the old row's contribution and
-- adds the new one's, so any change of date, status or fee (including back-dating) moves the
-- figures. Hand-written: drizzle-kit cannot express triggers.
CREATE TRIGGER `desk_decisions_ai` AFTER INSERT ON `license_requests` WHEN new.decided_at IS NOT NULL BEGIN
  INSERT INTO desk_decisions_monthly (month, outcome, auto, n)
    VALUES (substr(new.decided_at, 1, 7), CASE new.status WHEN 'rejected' THEN 'rejected' WHEN 'withdrawn' THEN 'withdrawn' ELSE 'approved' END, new.decided_at = new.created_at, 1)
    ON CONFLICT (month, outcome, auto) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `desk_decisions_au` AFTER UPDATE OF decided_at, created_at, status ON `license_requests`
WHEN old.decided_at IS NOT new.decided_at OR old.created_at IS NOT new.created_at OR old.status IS NOT new.status BEGIN
  UPDATE desk_decisions_monthly SET n = n - 1
    WHERE old.decided_at IS NOT NULL AND month = substr(old.decided_at, 1, 7)
      AND outcome = CASE old.status WHEN 'rejected' THEN 'rejected' WHEN 'withdrawn' THEN 'withdrawn' ELSE 'approved' END
      AND auto = (old.decided_at = old.created_at);
  INSERT INTO desk_decisions_monthly (month, outcome, auto, n)
    SELECT substr(new.decided_at, 1, 7), CASE new.status WHEN 'rejected' THEN 'rejected' WHEN 'withdrawn' THEN 'withdrawn' ELSE 'approved' END, new.decided_at = new.created_at, 1
    WHERE new.decided_at IS NOT NULL
    ON CONFLICT (month, outcome, auto) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `desk_decisions_ad` AFTER DELETE ON `license_requests` WHEN old.decided_at IS NOT NULL BEGIN
  UPDATE desk_decisions_monthly SET n = n - 1
    WHERE month = substr(old.decided_at, 1, 7)
      AND outcome = CASE old.status WHEN 'rejected' THEN 'rejected' WHEN 'withdrawn' THEN 'withdrawn' ELSE 'approved' END
      AND auto = (old.decided_at = old.created_at);
END;
--> statement-breakpoint
CREATE TRIGGER `desk_licences_ai` AFTER INSERT ON `licenses` WHEN new.status <> 'revoked' BEGIN
  INSERT INTO desk_revenue_monthly (month, use, organization_id, licences, revenue)
    SELECT substr(new.created_at, 1, 7), r.use, new.organization_id, 1, new.fee FROM license_requests r WHERE r.id = new.request_id
    ON CONFLICT (month, use, organization_id) DO UPDATE SET licences = licences + 1, revenue = revenue + excluded.revenue;
  INSERT INTO desk_article_licences_monthly (month, article_id, n)
    SELECT substr(new.created_at, 1, 7), ra.article_id, 1 FROM request_articles ra WHERE ra.request_id = new.request_id
    ON CONFLICT (month, article_id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `desk_licences_au` AFTER UPDATE OF created_at, status, fee ON `licenses`
WHEN old.created_at IS NOT new.created_at OR old.status IS NOT new.status OR old.fee IS NOT new.fee BEGIN
  UPDATE desk_revenue_monthly SET licences = licences - 1, revenue = revenue - old.fee
    WHERE old.status <> 'revoked' AND month = substr(old.created_at, 1, 7) AND organization_id = old.organization_id
      AND use = (SELECT r.use FROM license_requests r WHERE r.id = old.request_id);
  UPDATE desk_article_licences_monthly SET n = n - 1
    WHERE old.status <> 'revoked' AND month = substr(old.created_at, 1, 7)
      AND article_id IN (SELECT ra.article_id FROM request_articles ra WHERE ra.request_id = old.request_id);
  INSERT INTO desk_revenue_monthly (month, use, organization_id, licences, revenue)
    SELECT substr(new.created_at, 1, 7), r.use, new.organization_id, 1, new.fee FROM license_requests r WHERE r.id = new.request_id AND new.status <> 'revoked'
    ON CONFLICT (month, use, organization_id) DO UPDATE SET licences = licences + 1, revenue = revenue + excluded.revenue;
  INSERT INTO desk_article_licences_monthly (month, article_id, n)
    SELECT substr(new.created_at, 1, 7), ra.article_id, 1 FROM request_articles ra WHERE ra.request_id = new.request_id AND new.status <> 'revoked'
    ON CONFLICT (month, article_id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `desk_licences_ad` AFTER DELETE ON `licenses` WHEN old.status <> 'revoked' BEGIN
  UPDATE desk_revenue_monthly SET licences = licences - 1, revenue = revenue - old.fee
    WHERE month = substr(old.created_at, 1, 7) AND organization_id = old.organization_id
      AND use = (SELECT r.use FROM license_requests r WHERE r.id = old.request_id);
  UPDATE desk_article_licences_monthly SET n = n - 1
    WHERE month = substr(old.created_at, 1, 7) AND article_id IN (SELECT ra.article_id FROM request_articles ra WHERE ra.request_id = old.request_id);
END;
--> statement-breakpoint
INSERT INTO desk_decisions_monthly (month, outcome, auto, n)
  SELECT substr(decided_at, 1, 7), CASE status WHEN 'rejected' THEN 'rejected' WHEN 'withdrawn' THEN 'withdrawn' ELSE 'approved' END, decided_at = created_at, count(*)
  FROM license_requests WHERE decided_at IS NOT NULL GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO desk_revenue_monthly (month, use, organization_id, licences, revenue)
  SELECT substr(l.created_at, 1, 7), r.use, l.organization_id, count(*), sum(l.fee)
  FROM licenses l JOIN license_requests r ON r.id = l.request_id WHERE l.status <> 'revoked' GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO desk_article_licences_monthly (month, article_id, n)
  SELECT substr(l.created_at, 1, 7), ra.article_id, count(*)
  FROM licenses l JOIN request_articles ra ON ra.request_id = l.request_id WHERE l.status <> 'revoked' GROUP BY 1, 2;
