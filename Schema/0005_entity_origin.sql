-- Where an entity came from: 'builtin' (the shipped gazetteer), 'extracted' (found by the rules),
-- 'user' (imported with `articles entities --import` or the target of a merge). User entities
-- and their aliases join the gazetteer on later extractions.
ALTER TABLE entities ADD COLUMN origin TEXT NOT NULL DEFAULT 'extracted'
    CHECK (origin IN ('builtin', 'extracted', 'user'));
CREATE INDEX entity_aliases_key ON entity_aliases(alias_key);
