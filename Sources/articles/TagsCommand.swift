import ArgumentParser
import ArticleStore

/// `articles tags`: canonical tags with article counts, or the tags that co-occur with one.
struct TagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tags",
        abstract: "List tags with article counts (spelling variants are one tag), or with --related TAG the tags that co-occur with it."
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "List the tags on the same articles as this one (any spelling).")
    var related: String?

    @Option(name: .long, help: "How many to list.")
    var limit = 100

    func run() throws {
        let store = try options.openStore(.readOnly)
        if let related {
            var table = OutputTable(columns: ["id", "tag", "articles", "shared"])
            for item in try store.relatedTags(related, limit: limit) {
                let (tag, shared) = (item.tag, item.shared)
                table.rows.append([.int(tag.id), .string(tag.name), .int(Int64(tag.articles)), .int(Int64(shared))])
            }
            table.print(options.outputFormat)
            return
        }
        var table = OutputTable(columns: ["id", "tag", "articles"])
        for tag in try store.tags(limit: limit) {
            table.rows.append([.int(tag.id), .string(tag.name), .int(Int64(tag.articles))])
        }
        table.print(options.outputFormat)
    }
}
