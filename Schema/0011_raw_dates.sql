-- Dates as the input wrote them. `published` and `modified` now hold ISO 8601 (see
-- DateNormalizer: RFC 822, day-first, Unix time, Arabic month names... are converted), so they
-- sort and filter as dates; the value as given is kept beside them. A date that could not be
-- read stays here with NULL in the normalized column. Rows stored before this migration keep
-- their values as they were (raw NULL); `articles check --repair` normalizes them.
ALTER TABLE articles ADD COLUMN published_raw TEXT;
ALTER TABLE articles ADD COLUMN modified_raw TEXT;
