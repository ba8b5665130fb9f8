import ArgumentParser
import ArticleStore

/// `articles list`: articles, newest first.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List articles (id, source, title or opening words, date), newest first."
    )

    @OptionGroup var options: GlobalOptions

    @OptionGroup(title: "Selection") var selection: SelectionOptions

    @Option(name: .long, help: "Only articles matching this search query (words and filters, as in `articles search`).")
    var query: String?

    @Option(name: .long, help: "How many to list.")
    var limit = 50

    @Option(name: .long, help: "How many to skip.")
    var offset = 0

    func validate() throws {
        guard limit >= 0, offset >= 0 else { throw ValidationError("--limit and --offset must not be negative") }
    }

    func run() throws {
        let store = try options.openStore(.readOnly)
        let listings = try store.articles(try selection.selection(query: query), limit: limit, offset: offset)
        var table = OutputTable(columns: ["id", "source", "title", "published", "kind"])
        for item in listings {
            table.rows.append([.int(item.id), JSONValue(item.source), .string(item.title), JSONValue(item.published),
                               .string(item.kind.rawValue)])
        }
        table.print(options.outputFormat, bom: options.bom)
    }
}

