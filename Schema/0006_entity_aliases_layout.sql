-- entity_aliases with its primary-key columns first. SQLite 3.40's integrity_check reports a
-- false "NULL value in entity_aliases.alias" for a WITHOUT ROWID table whose primary key is not
-- its leading columns; the data was fine, but a check that cries wolf is no check.
CREATE TABLE entity_aliases_new (
    alias_key   TEXT NOT NULL,                -- analyzed alias
    entity_id   INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias       TEXT NOT NULL,
    PRIMARY KEY (alias_key, entity_id)
) WITHOUT ROWID;
INSERT INTO entity_aliases_new(alias_key, entity_id, alias) SELECT alias_key, entity_id, alias FROM entity_aliases;
DROP TABLE entity_aliases;
ALTER TABLE entity_aliases_new RENAME TO entity_aliases;
CREATE INDEX entity_aliases_entity ON entity_aliases(entity_id);
