-- Analyzed titles, so a "similar headline" finds the stored article with the same title in any
-- spelling (harakat, letter forms, clitics). Derived data, like the *_terms columns.
ALTER TABLE articles ADD COLUMN title_key TEXT;
CREATE INDEX articles_title_key ON articles(title_key) WHERE title_key IS NOT NULL;
