-- Near-duplicate detection: a MinHash signature per article (64 × 32-bit minimums over hashed
-- 3-word shingles of its analyzed body) and its 8 LSH band keys, so articles sharing a band are
-- candidate near-duplicates (estimated Jaccard similarity ≥ ~0.75 collide in some band with
-- high probability). Derived data, like the *_terms columns.
CREATE TABLE article_signatures (
    article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    minhash     BLOB NOT NULL
);

CREATE TABLE signature_bands (
    band_key    INTEGER NOT NULL,               -- hash of (band number, its 8 minimums)
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
CREATE INDEX signature_bands_article ON signature_bands(article_id);
