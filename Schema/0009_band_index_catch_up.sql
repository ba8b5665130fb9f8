-- The LSH band index is written in bulk: ingest stores each article's signature at once and
-- adds band rows later, many articles at a time in band-key order (band keys are random
-- hashes; inserting 8 per article as it arrived touched 8 random pages of an index that grows
-- with the store, so at a million articles every batch rewrote most of it). See
-- SignatureBandIndex.swift.
--
-- Rows are keyed by band only. No index by article (bulk inserts in band order would make it
-- the random one) and so no foreign key: every lookup joins article_signatures, which drops
-- rows of articles deleted outside ArticleStore; `articles optimize` removes them.
CREATE TABLE signature_bands_new (
    band_key    INTEGER NOT NULL,               -- hash of (band number, its 8 minimums)
    article_id  INTEGER NOT NULL,
    PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
INSERT INTO signature_bands_new(band_key, article_id)
    SELECT band_key, article_id FROM signature_bands ORDER BY band_key, article_id;
DROP TABLE signature_bands;
ALTER TABLE signature_bands_new RENAME TO signature_bands;

-- The highest article id whose band rows are in signature_bands: articles with a signature
-- and a higher id wait for the next catch-up, and readers take their bands from the signatures.
CREATE TABLE signature_band_watermark (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    article_id  INTEGER NOT NULL
);
INSERT INTO signature_band_watermark(id, article_id)
    SELECT 1, coalesce(max(article_id), 0) FROM signature_bands;
