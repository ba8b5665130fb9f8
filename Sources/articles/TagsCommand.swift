import ArgumentParser
import ArticleStore

/// `articles tags`: canonical tags with article counts, or the tags that co-occur with one.
struct TagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tags",
        abstract: "List tags with article counts (spelling variants are one tag), with --auto the keyword tags computed from the text, or with --related TAG the tags that co-occur with it."
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "List the tags on the same articles as this one (any spelling).")
    var related: String?

    @Flag(name: .long, help: "List the keyword tags computed from the text instead of the sources' own tags.")
    var auto = false

    @Option(name: .long, help: "How many to list.")
    var limit = 100

    func run() throws {
        let store = try options.openStore(.readOnly)
        if let wanted = related {
            var table = OutputTable(columns: ["id", "tag", "articles", "shared"])
            let found: [TagCooccurrence]
            do {
                found = try store.relatedTags(wanted, limit: limit)
            } catch let ArticleStoreError.notFound(message) {
                let hint = Suggestion.closestName(to: wanted, in: try store.tags(limit: 5000).map(\.name)).map { "; did you mean \($0)?" } ?? ""
                throw CommandFailure(message: message + hint)
            }
            for item in found {
                let (tag, shared) = (item.tag, item.shared)
                table.rows.append([.int(tag.id), .string(tag.name), .int(Int64(tag.articles)), .int(Int64(shared))])
            }
            table.print(options.outputFormat, bom: options.bom)
            return
        }
        if auto {
            var table = OutputTable(columns: ["tag", "articles"])
            let keywords = try store.keywordTags(limit: limit)
            if keywords.isEmpty { options.note("no keyword tags in this store (computed at ingest; articles check --repair computes them for older articles)") }
            for keyword in keywords { table.rows.append([.string(keyword.name), .int(Int64(keyword.articles))]) }
            table.print(options.outputFormat, bom: options.bom)
            return
        }
        var table = OutputTable(columns: ["id", "tag", "articles"])
        let tags = try store.tags(limit: limit)
        if tags.isEmpty { options.note("no tags in this store (tags come from the pages' كلمات دلالية lines and the scrapers' tags fields)") }
        for tag in tags {
            table.rows.append([.int(tag.id), .string(tag.name), .int(Int64(tag.articles))])
        }
        table.print(options.outputFormat, bom: options.bom)
    }
}
