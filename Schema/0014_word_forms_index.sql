-- Quoted words match the words' own forms (harakat, tatweel and letter forms folded; no
-- stemming, no clitics added or removed). Until now every article FTS5 found by the stems was
-- read and its text compared word by word: linear in the stem's articles (a quoted common word
-- took 40 ms at 12,000 articles and grows with the store). `articles_forms` indexes every
-- word's normalized form (stopwords included, so that phrases need their words next to each
-- other), title, body and tags in their own columns, contentless like `articles_fts`: a
-- quoted word or phrase is one MATCH on it.
--
-- The forms are the normalized words joined by spaces, the text the content hash is computed
-- over. ArticleStore fills the index from the stored text when it applies this migration
-- (SQL has no Arabic normalizer); `articles check --repair` rebuilds it like `articles_fts`.
CREATE VIRTUAL TABLE articles_forms USING fts5(
    title_forms, body_forms, tags_forms,
    content='',
    tokenize="ascii"
);
