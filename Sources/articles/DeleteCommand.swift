import ArgumentParser
import ArticleStore

/// `articles delete`: remove articles (a takedown, a mistaken import) with their derived data.
struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete articles by id, query or filters, with their index rows, tags, mentions and near-duplicate data, in one transaction.",
        discussion: """
            Embedded stories go with the page that embeds them. --dry-run lists what would go and changes
            nothing. Selecting every article is refused: delete the file instead.
            """
    )

    @OptionGroup var options: GlobalOptions

    @OptionGroup(title: "Selection") var selection: SelectionOptions

    @Option(name: .long, help: "Articles matching this search query (words and filters, as in `articles search`).")
    var query: String?

    @Flag(name: .customLong("dry-run"), help: "List what would be deleted; change nothing.")
    var dryRun = false

    @Argument(help: "Article ids.")
    var ids: [Int64] = []

    func run() throws {
        let chosen = try selection.selection(query: query)
        let filtered = chosen.expression != nil || chosen.hasFilters
        guard !ids.isEmpty || filtered else {
            throw CommandFailure(message: "name article ids, --query or a filter (--source, --tag, --until...) to say what to delete", exitCode: 64)
        }
        let store = try options.openStore(dryRun ? .readOnly : .readWrite)
        var listings: [ArticleListing] = []
        if !ids.isEmpty {
            guard !filtered else { throw CommandFailure(message: "give ids or a selection, not both", exitCode: 64) }
            listings = try store.deleteArticles(ids: ids, dryRun: dryRun)
        } else {
            listings = try store.deleteArticles(chosen, dryRun: dryRun)
        }
        var table = OutputTable(columns: ["id", "source", "title", "published", "kind"])
        for item in listings {
            table.rows.append([.int(item.id), JSONValue(item.source), .string(item.title), JSONValue(item.published), .string(item.kind.rawValue)])
        }
        table.print(options.outputFormat, bom: options.bom)
        let count = listings.count
        options.note((dryRun ? "would delete " : "deleted ") + "\(count) article\(count == 1 ? "" : "s")")
    }
}
