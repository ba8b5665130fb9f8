-- ArticleStore schema, version 1.
--
-- Original text (titles, bodies, tag spellings, mention surfaces) is stored byte-for-byte.
-- Columns named *_terms hold analyzed text (normalized, stemmed words separated by spaces):
-- derived data that `articles reindex` can always rebuild from the original text.
-- Offsets (mentions.start_offset/end_offset) count Unicode code points, as SQLite's substr()
-- and Python's str do: substr(body, start_offset + 1, end_offset - start_offset) is the surface.

-- Publishers an article was taken from (`المصدر:` on aggregator pages, source_domain in JSON).
CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL UNIQUE,         -- analyzed name, for matching spelling variants
    domain      TEXT,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    source_id     INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    title         TEXT,                       -- NULL when the input has none (never invented)
    body          TEXT NOT NULL,
    dateline      TEXT,                       -- e.g. موسكو
    agency        TEXT,                       -- e.g. د.ب.ا
    url           TEXT,
    published     TEXT,                       -- ISO 8601 date or date-time, as given
    modified      TEXT,
    language      TEXT,                       -- BCP 47 code, e.g. ar
    authors       TEXT,                       -- JSON array of names
    description   TEXT,
    kind          TEXT NOT NULL DEFAULT 'article'
                  CHECK (kind IN ('article', 'embedded', 'related')),
    is_partial    INTEGER NOT NULL DEFAULT 0 CHECK (is_partial IN (0, 1)),
    rest          TEXT,                       -- input text the parser could not place
    extra         TEXT,                       -- JSON object of input fields we do not model
    content_hash  TEXT NOT NULL UNIQUE,       -- SHA-256 of the normalized body (+ URL)
    origin_path   TEXT,                       -- file the article came from ('-' for stdin)
    origin_line   INTEGER,                    -- line in that file (JSON Lines)
    ingested_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    title_terms   TEXT NOT NULL DEFAULT '',   -- analyzed title (derived)
    body_terms    TEXT NOT NULL DEFAULT '',   -- analyzed body (derived)
    tags_terms    TEXT NOT NULL DEFAULT ''    -- analyzed tags (derived)
);
CREATE INDEX articles_source ON articles(source_id);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;

-- Full-text index over the analyzed columns. External content (content="articles", double
-- quotes so Datasette detects it), built-in unicode61 tokenizer only, so every SQLite tool can
-- read it. It is maintained by ArticleStore in the same transaction as the row (SQLite refuses
-- FTS5 inside triggers when trusted_schema is off, as it is for every connection we open).
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title_terms, body_terms, tags_terms,
    content="articles", content_rowid="id",
    tokenize="unicode61 remove_diacritics 0"
);

-- Keyword tags, one row per canonical tag (normalized key), displayed in their most frequent
-- original spelling.
CREATE TABLE tags (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    tag_key   TEXT NOT NULL UNIQUE
);

CREATE TABLE article_tags (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id      INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    spelling    TEXT NOT NULL,                -- the tag as written in this article's input
    position    INTEGER NOT NULL,
    PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags(tag_id, article_id);

-- Named entities: people, places and organizations.
CREATE TABLE entities (
    id          INTEGER PRIMARY KEY,
    type        TEXT NOT NULL CHECK (type IN ('PERSON', 'LOCATION', 'ORGANIZATION')),
    name        TEXT NOT NULL,                -- canonical display name
    name_key    TEXT NOT NULL,                -- analyzed canonical name
    UNIQUE (type, name_key)
);

CREATE TABLE entity_aliases (
    entity_id   INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias       TEXT NOT NULL,
    alias_key   TEXT NOT NULL,                -- analyzed alias
    PRIMARY KEY (alias_key, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_entity ON entity_aliases(entity_id);

CREATE TABLE mentions (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id     INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    field         TEXT NOT NULL CHECK (field IN ('title', 'body', 'dateline', 'agency')),
    start_offset  INTEGER NOT NULL CHECK (start_offset >= 0),
    end_offset    INTEGER NOT NULL CHECK (end_offset > start_offset),
    surface       TEXT NOT NULL,              -- the mention as written
    is_adjective  INTEGER NOT NULL DEFAULT 0 CHECK (is_adjective IN (0, 1)) -- nisba: الروسي
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_entity ON mentions(entity_id, article_id);

-- Links between articles of one page: the embedded second story, and "إقرأ أيضاً" entries
-- (stored as partial articles of their own).
CREATE TABLE article_links (
    article_id         INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    linked_article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind               TEXT NOT NULL CHECK (kind IN ('embedded', 'related')),
    position           INTEGER NOT NULL,
    PRIMARY KEY (article_id, kind, linked_article_id)
) WITHOUT ROWID;
CREATE INDEX article_links_linked ON article_links(linked_article_id);

-- "مقالات مشابهة": headlines listed beside an article; linked to a stored article with the
-- same normalized title when there is one.
CREATE TABLE similar_headlines (
    id                 INTEGER PRIMARY KEY,
    article_id         INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position           INTEGER NOT NULL,
    headline           TEXT NOT NULL,
    headline_key       TEXT NOT NULL,         -- analyzed headline
    linked_article_id  INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    UNIQUE (article_id, position)
);
CREATE INDEX similar_headlines_key ON similar_headlines(headline_key);

-- Readable views for people who open the file in sqlite3, Datasette or a DB browser.
CREATE VIEW article_overview AS
SELECT a.id,
       coalesce(a.title, substr(a.body, 1, 80)) AS title,
       s.name AS source,
       a.published,
       a.dateline,
       a.language,
       a.kind,
       (SELECT group_concat(t.spelling, ' | ')
          FROM (SELECT spelling FROM article_tags WHERE article_id = a.id ORDER BY position) AS t) AS tags,
       length(a.body) AS body_characters,
       a.url
  FROM articles AS a
  LEFT JOIN sources AS s ON s.id = a.source_id;

CREATE VIEW tag_counts AS
SELECT t.id, t.name, t.tag_key, count(at.article_id) AS articles
  FROM tags AS t
  LEFT JOIN article_tags AS at ON at.tag_id = t.id
 GROUP BY t.id;

CREATE VIEW entity_mentions AS
SELECT m.id, e.type, e.name AS entity, m.surface, m.field, m.start_offset, m.end_offset,
       m.is_adjective, m.article_id
  FROM mentions AS m
  JOIN entities AS e ON e.id = m.entity_id;
