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
            StandardOutput.write(TerminalText.visible(Self.text(article)))
        }
    }

    static func json(_ article: StoredArticle) -> JSONValue { article.jsonValue }

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
        if !article.keywords.isEmpty { out += "keywords: " + article.keywords.joined(separator: " | ") + "\n" }
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
            for entity in article.entities { out += "  \(entity.type.rawValue)  \(entity.name)  ×\(entity.mentions.count)\n" }
        }
        if let rest = article.rest { out += "\nunplaced text:\n\(rest)\n" }
        return out
    }
}
