/// The way to a search cluster: documents and index settings for Elasticsearch/OpenSearch whose
/// analyzer is Lucene's `arabic` chain plus the Persian letter folding (the `lucene-persian`
/// profile of ``ArabicText``), so matching there equals our `lucene` profile token for token.
package enum ElasticsearchExport {
    /// One bulk document: text fields, keyword fields for source, tags and entities.
    static func document(_ article: StoredArticle) -> JSONValue {
        .object([
            ("title", JSONValue(article.title)),
            ("body", .string(article.body)),
            ("dateline", JSONValue(article.dateline)),
            ("source", JSONValue(article.source)),
            ("url", JSONValue(article.url)),
            ("published", JSONValue(article.published)),
            ("language", JSONValue(article.language)),
            ("kind", .string(article.kind.rawValue)),
            ("tags", .array(article.tags.map(JSONValue.string))),
            ("entities", .array(article.entities.map { .object([("name", .string($0.name)), ("type", .string($0.type.rawValue))]) })),
            ("persons", .array(article.entities.filter { $0.type == .person }.map { .string($0.name) })),
            ("locations", .array(article.entities.filter { $0.type == .location }.map { .string($0.name) })),
            ("organizations", .array(article.entities.filter { $0.type == .organization }.map { .string($0.name) })),
            ("content_hash", .string(article.contentHash)),
        ])
    }

    /// Index settings and mappings: the analyzer is Elasticsearch's documented rebuild of the
    /// `arabic` analyzer (https://www.elastic.co/guide/en/elasticsearch/reference/current/analysis-lang-analyzer.html#arabic-analyzer)
    /// with `persian_normalization` added before `arabic_normalization`.
    package static func indexSettings() -> JSONValue {
        let text: JSONValue = .object([("type", .string("text")), ("analyzer", .string("articlestore_arabic")),
                                       ("fields", .object([("keyword", .object([("type", .string("keyword")), ("ignore_above", .int(512))]))]))])
        let keyword: JSONValue = .object([("type", .string("keyword"))])
        return .object([
            ("settings", .object([("analysis", .object([
                ("filter", .object([
                    ("arabic_stop", .object([("type", .string("stop")), ("stopwords", .string("_arabic_"))])),
                    ("arabic_stemmer", .object([("type", .string("stemmer")), ("language", .string("arabic"))])),
                ])),
                ("analyzer", .object([
                    ("articlestore_arabic", .object([
                        ("tokenizer", .string("standard")),
                        ("filter", .array(["lowercase", "decimal_digit", "arabic_stop", "persian_normalization",
                                           "arabic_normalization", "arabic_stemmer"].map(JSONValue.string))),
                    ])),
                ])),
            ]))])),
            ("mappings", .object([("properties", .object([
                ("title", text), ("body", text), ("dateline", keyword), ("source", keyword), ("url", keyword),
                ("published", .object([("type", .string("date")), ("ignore_malformed", .bool(true))])),
                ("language", keyword), ("kind", keyword), ("tags", keyword), ("persons", keyword), ("locations", keyword),
                ("organizations", keyword), ("content_hash", keyword),
                ("entities", .object([("properties", .object([("name", keyword), ("type", keyword)]))])),
            ]))])),
        ])
    }
}
