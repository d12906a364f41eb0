-- Full-text search over the catalogue. drizzle-kit cannot express FTS5 tables or triggers, so this
-- migration is hand-written. External content: the index stores no copy of the text; it reads
-- title, standfirst and body_text from `articles` (for snippets and rebuilds). The triggers keep it
-- in step with every insert, update and delete, whoever writes (app, importer, scripts, sqlite3).
-- Rows written before body_text existed get a tag-stripped approximation of their body; every
-- later write sets the exact text (lib/catalogue/write.ts).
UPDATE `articles` SET `body_text` = trim(replace(replace(replace(replace(replace(replace((
  WITH RECURSIVE s(t, n) AS (
    SELECT `articles`.`body`, 0
    UNION ALL
    SELECT substr(t, 1, instr(t, '<') - 1) || ' ' || substr(t, instr(t, '<') + instr(substr(t, instr(t, '<')), '>')), n + 1
    FROM s WHERE instr(t, '<') > 0 AND instr(substr(t, instr(t, '<')), '>') > 0 AND n < 100000
  ) SELECT t FROM s ORDER BY n DESC LIMIT 1
), '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&'))
WHERE `body_text` = '';
--> statement-breakpoint
CREATE VIRTUAL TABLE `articles_fts` USING fts5(
  title, standfirst, body_text,
  content = 'articles', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);
--> statement-breakpoint
CREATE TRIGGER `articles_fts_ai` AFTER INSERT ON `articles` BEGIN
  INSERT INTO articles_fts (rowid, title, standfirst, body_text) VALUES (new.id, new.title, new.standfirst, new.body_text);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_ad` AFTER DELETE ON `articles` BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, standfirst, body_text) VALUES ('delete', old.id, old.title, old.standfirst, old.body_text);
END;
--> statement-breakpoint
-- Only a change to indexed text re-indexes; flipping `hidden` or the premium does not.
CREATE TRIGGER `articles_fts_au` AFTER UPDATE OF title, standfirst, body_text ON `articles` BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, standfirst, body_text) VALUES ('delete', old.id, old.title, old.standfirst, old.body_text);
  INSERT INTO articles_fts (rowid, title, standfirst, body_text) VALUES (new.id, new.title, new.standfirst, new.body_text);
END;
--> statement-breakpoint
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
