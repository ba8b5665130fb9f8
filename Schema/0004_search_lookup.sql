-- What ranking, tie-breaking and filtering read for every match, in one small covering index,
-- so a search over many matches never reads article rows (whose bodies spill into overflow
-- pages). The search engine names it with INDEXED BY; the articles table keeps its layout.
CREATE INDEX articles_lookup ON articles(id, published, source_id, language, kind);
