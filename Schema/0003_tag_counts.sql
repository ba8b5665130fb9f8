-- Per-tag article counts and spelling counts, kept up to date by the writer, so a tag's display
-- name (its most frequent original spelling) and tag listings need no scan of article_tags.
CREATE TABLE tag_spellings (
    tag_id            INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    spelling          TEXT NOT NULL,
    articles          INTEGER NOT NULL CHECK (articles >= 0),
    first_article_id  INTEGER NOT NULL,       -- tie-break: the spelling seen first wins
    PRIMARY KEY (tag_id, spelling)
) WITHOUT ROWID;

INSERT INTO tag_spellings(tag_id, spelling, articles, first_article_id)
SELECT tag_id, spelling, count(*), min(article_id) FROM article_tags GROUP BY tag_id, spelling;

ALTER TABLE tags ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
UPDATE tags SET articles = (SELECT count(*) FROM article_tags WHERE tag_id = tags.id);
