-- mentions without a rowid: keyed by where the mention is (article, field, offset, entity), so
-- one b-tree holds the rows in article order and serves "mentions of this article" and the
-- article cascade; the separate mentions_article index and the rowid table it pointed into
-- are gone. Every mention then costs two b-tree inserts instead of three, which is most of
-- what storing entities costs at ingest. Primary-key columns come first (see 0006).
DROP VIEW entity_mentions;
CREATE TABLE mentions_new (
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    -- Written with OR: SQLite 3.40 checks an IN list of more than two values by building a
    -- temporary b-tree on every insert (17 per article here), which cost more than the row.
    field         TEXT NOT NULL CHECK (field = 'body' OR field = 'title' OR field = 'dateline' OR field = 'agency'),
    start_offset  INTEGER NOT NULL CHECK (start_offset >= 0),
    entity_id     INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    end_offset    INTEGER NOT NULL CHECK (end_offset > start_offset),
    surface       TEXT NOT NULL,              -- the mention as written
    is_adjective  INTEGER NOT NULL DEFAULT 0 CHECK (is_adjective IN (0, 1)), -- nisba: الروسي
    PRIMARY KEY (article_id, field, start_offset, entity_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO mentions_new(article_id, field, start_offset, entity_id, end_offset, surface, is_adjective)
    SELECT article_id, field, start_offset, entity_id, end_offset, surface, is_adjective FROM mentions ORDER BY id;
DROP TABLE mentions;
ALTER TABLE mentions_new RENAME TO mentions;
CREATE INDEX mentions_entity ON mentions(entity_id, article_id);
CREATE VIEW entity_mentions AS
SELECT e.type, e.name AS entity, m.surface, m.field, m.start_offset, m.end_offset,
       m.is_adjective, m.article_id
  FROM mentions AS m
  JOIN entities AS e ON e.id = m.entity_id;
