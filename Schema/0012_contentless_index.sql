-- The analyzed terms are derived data: they are no longer stored a second time in `articles`
-- (they were 40% of that table on real news). The full-text index of analyzed terms becomes
-- contentless: it holds the index alone, and ArticleStore analyzes the original text again
-- when it must remove an article's entry (delete, update, re-ingest). `articles check
-- --repair` rebuilds it from the original text (`articles_fts` cannot be rebuilt with FTS5's
-- 'rebuild' command, which needs stored content).
--
-- A second index, `articles_words`, makes the file searchable by the words as written, from
-- any SQLite tool without a plugin: external content over `articles(title, body)` with the
-- built-in unicode61 tokenizer (case and Latin accents folded, Arabic harakat kept inside the
-- word), the table Datasette's search box and `sqlite-utils search articles` find through
-- content="articles". It is a standard index: FTS5's 'rebuild' and 'integrity-check' work on it
-- (`sqlite-utils rebuild-fts store.sqlite articles`). detail=none keeps it small: it answers
-- words (and ANDs, ORs of words), not phrases; phrases, stems and spelling variants are what
-- `articles search` is for.
--
-- indexed_hash fingerprints the text an article was indexed from (title, body, tags), so that
-- `articles check` finds rows another tool changed without re-analyzing every article. NULL
-- for rows indexed before this migration (taken as current).
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title_terms, body_terms, tags_terms,
    content='',
    tokenize="ascii"
);
INSERT INTO articles_fts(rowid, title_terms, body_terms, tags_terms)
    SELECT id, title_terms, body_terms, tags_terms FROM articles;
ALTER TABLE articles DROP COLUMN title_terms;
ALTER TABLE articles DROP COLUMN body_terms;
ALTER TABLE articles DROP COLUMN tags_terms;
ALTER TABLE articles ADD COLUMN indexed_hash INTEGER;

CREATE VIRTUAL TABLE articles_words USING fts5(
    title, body,
    content="articles", content_rowid="id",
    tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co Mn'",
    detail=none
);
INSERT INTO articles_words(articles_words) VALUES ('rebuild');
