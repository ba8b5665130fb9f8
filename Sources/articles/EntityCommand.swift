import ArgumentParser
import ArticleStore

/// `articles entity NAME`: one entity, its aliases, articles and co-occurring entities.
struct EntityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entity",
        abstract: "Show an entity (by name or alias, any spelling): aliases, articles, co-occurring entities."
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "Only an entity of this type.")
    var type: EntityType?

    @Option(name: .long, help: "How many articles to list.")
    var limit = 20

    @Argument(help: "The entity's name or alias.")
    var name: [String]

    func run() throws {
        let store = try options.openStore(.readOnly)
        let text = name.joined(separator: " ")
        guard let entity = try store.entity(named: text, type: type, articleLimit: limit) else {
            let names = try store.entities(type: type, limit: 5000).map(\.name)
            let hint = Suggestion.closestName(to: text, in: names).map { "; did you mean \($0)?" } ?? ""
            throw CommandFailure(message: "no entity named \(text)\(hint)")
        }
        let summary = entity.summary
        let articles = JSONValue.array(entity.articles.map {
            .object([("id", .int($0.id)), ("title", .string($0.title)), ("source", JSONValue($0.source)), ("published", JSONValue($0.published))])
        })
        let cooccurring = JSONValue.array(entity.cooccurring.map {
            .object([("id", .int($0.entity.id)), ("name", .string($0.entity.name)), ("type", .string($0.entity.type.rawValue)),
                     ("articles", .int(Int64($0.articles)))])
        })
        switch options.outputFormat {
        case .json, .ndjson:
            StandardOutput.write(JSONValue.object([
                ("id", .int(summary.id)), ("name", .string(summary.name)), ("type", .string(summary.type.rawValue)),
                ("origin", .string(summary.origin)), ("mentions", .int(Int64(summary.mentions))),
                ("article_count", .int(Int64(summary.articles))), ("aliases", .array(entity.aliases.map(JSONValue.string))),
                ("articles", articles), ("cooccurring", cooccurring),
            ]).serialized() + "\n")
        case .table, .csv:
            var out = "\(summary.name) (\(summary.type.rawValue), #\(summary.id)): \(summary.mentions) mentions in \(summary.articles) articles\n"
            if !entity.aliases.isEmpty { out += "aliases: " + entity.aliases.joined(separator: "، ") + "\n" }
            out += "articles:\n"
            for article in entity.articles {
                out += "  #\(article.id) \(article.published ?? "") \(article.source ?? "") \(article.title)\n"
            }
            if !entity.cooccurring.isEmpty {
                out += "mentioned with: " + entity.cooccurring.map { "\($0.entity.name) (\($0.articles))" }.joined(separator: ", ") + "\n"
            }
            StandardOutput.write(TerminalText.visible(out))
        }
    }
}
