-- Keyword tags computed from the text: for every article, up to ten phrases of one to three
-- words taken from its title and body, ranked best first (ArticleStore's KeywordRanker: how
-- often, how early and how rare in the store). Kept apart from the source's own tags
-- (`article_tags`): `articles tags --auto`, the `keywords` of `articles show`, and `tag:`
-- filters when asked for (`--keywords`). `keyword_key` is the key tags use (`tags.tag_key`),
-- so a keyword and a tag with the same stems match the same filter.
-- The document frequencies the ranking needs are read from the full-text index (fts5vocab),
-- not stored again.
CREATE TABLE article_keywords (
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    rank         INTEGER NOT NULL,   -- 1 is the best
    keyword      TEXT NOT NULL,      -- as written in the article
    keyword_key  TEXT NOT NULL,      -- analyzed key, as tags.tag_key
    PRIMARY KEY (article_id, rank)
) WITHOUT ROWID;
CREATE INDEX article_keywords_key ON article_keywords(keyword_key, article_id);
