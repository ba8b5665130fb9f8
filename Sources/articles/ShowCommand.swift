import ArgumentParser
import ArticleStore

/// `articles show ID`: one article with everything attached to it.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one article with its tags, entities, related articles and similar headlines."
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The article id (see `articles list`).")
    var id: Int64

    func run() throws {
        let store = try options.openStore(.readOnly)
        guard let article = try store.article(id: id) else {
            throw ArticleStoreError.notFound("no article with id \(id)")
        }
        switch options.outputFormat {
        case .json, .ndjson:
            StandardOutput.write(Self.json(article).serialized() + "\n")
        case .csv:
            let object = Self.json(article)
            guard case let .object(pairs) = object else { return }
            OutputTable(columns: pairs.map(\.0), rows: [pairs.map { pair in
                if case .string = pair.1 { return pair.1 }
                if case .null = pair.1 { return pair.1 }
                return .string(pair.1.serialized())
            }]).print(.csv)
        case .table:
            StandardOutput.write(Self.text(article))
        }
    }

    static func json(_ article: StoredArticle) -> JSONValue {
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

    static func text(_ article: StoredArticle) -> String {
        var out = "#\(article.id)  \(article.title ?? "(no title) " + article.displayTitle)\n"
        var facts: [String] = []
        if let source = article.source { facts.append("source: \(source)") }
        if let dateline = article.dateline { facts.append("dateline: \(dateline)" + (article.agency.map { " (\($0))" } ?? "")) }
        if let published = article.published { facts.append("published: \(published)") }
        if let url = article.url { facts.append("url: \(url)") }
        if article.kind != .article { facts.append("kind: \(article.kind.rawValue)" + (article.isPartial ? ", partial" : "")) }
        if !facts.isEmpty { out += facts.joined(separator: "  ·  ") + "\n" }
        if !article.tags.isEmpty { out += "tags: " + article.tags.joined(separator: " | ") + "\n" }
        out += "\n" + article.body + "\n"
        for story in article.embedded {
            out += "\n## embedded #\(story.id): \(story.title ?? "")\n"
        }
        if !article.related.isEmpty {
            out += "\nrelated:\n"
            for item in article.related { out += "  #\(item.id)  \(item.title ?? ArticleListing.openingWords(item.body))\n" }
        }
        if !article.similar.isEmpty {
            out += "\nsimilar headlines:\n"
            for item in article.similar { out += "  • \(item.headline)" + (item.linkedArticleID.map { "  (#\($0))" } ?? "") + "\n" }
        }
        if !article.entities.isEmpty {
            out += "\nentities:\n"
            for entity in article.entities { out += "  \(entity.type)  \(entity.name)  ×\(entity.mentions.count)\n" }
        }
        if let rest = article.rest { out += "\nunplaced text:\n\(rest)\n" }
        return out
    }
}
