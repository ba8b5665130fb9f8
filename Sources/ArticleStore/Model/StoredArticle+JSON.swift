extension StoredArticle {
    /// The article as a JSON object: every field, tags, linked articles, similar headlines and
    /// entities with their mentions. `articles show --format json` prints it; `articles export`
    /// writes one per line; `articles ingest` reads it back.
    public var jsonValue: JSONValue {
        let article = self
        func linked(_ items: [StoredArticle.LinkedArticle]) -> JSONValue {
            .array(items.map { .object([("id", .int($0.id)), ("title", JSONValue($0.title)), ("body", .string($0.body)),
                                        ("partial", .bool($0.isPartial))]) })
        }
        return .object([
            ("id", .int(article.id)),
            ("title", JSONValue(article.title)),
            ("body", .string(article.body)),
            ("dateline", JSONValue(article.dateline)),
            ("agency", JSONValue(article.agency)),
            ("source", JSONValue(article.source)),
            ("source_domain", JSONValue(article.sourceDomain)),
            ("url", JSONValue(article.url)),
            ("published", JSONValue(article.published)),
            ("modified", JSONValue(article.modified)),
            ("language", JSONValue(article.language)),
            ("authors", .array(article.authors.map(JSONValue.string))),
            ("description", JSONValue(article.description)),
            ("kind", .string(article.kind.rawValue)),
            ("partial", .bool(article.isPartial)),
            ("tags", .array(article.tags.map(JSONValue.string))),
            ("embedded", linked(article.embedded)),
            ("related", linked(article.related)),
            ("similar", .array(article.similar.map { .string($0.headline) })),
            ("similar_links", .array(article.similar.map { .object([("headline", .string($0.headline)), ("article_id", JSONValue($0.linkedArticleID))]) })),
            ("entities", .array(article.entities.map { entity in
                .object([("name", .string(entity.name)), ("type", .string(entity.type)),
                         ("mentions", .array(entity.mentions.map { mention in
                             .object([("field", .string(mention.field)), ("start", .int(Int64(mention.start))),
                                      ("end", .int(Int64(mention.end))), ("surface", .string(mention.surface)),
                                      ("adjective", .bool(mention.isAdjective))])
                         }))])
            })),
            ("parents", .array(article.parents.map(JSONValue.int))),
            ("rest", JSONValue(article.rest)),
            ("extra", JSONValue(article.extra)),
            ("content_hash", .string(article.contentHash)),
            ("origin", JSONValue(article.originPath)),
            ("origin_line", JSONValue(article.originLine)),
            ("ingested_at", .string(article.ingestedAt)),
        ])
    }
}
