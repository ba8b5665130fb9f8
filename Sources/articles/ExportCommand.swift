import ArgumentParser
import ArticleStore

/// `articles export`: every article (or those matching a query, source or date), streamed.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write articles with every field, tags, entities, related and similar headlines: jsonl (ingests back), json, csv, or elasticsearch bulk NDJSON.",
        discussion: """
            --es-index-settings prints the Elasticsearch/OpenSearch index settings and mappings whose analyzer
            matches the store's lucene-persian profile (see README, "Export, other tools, and the way to a cluster").
            """
    )

    @Option(name: .long, help: "Database file (default: $ARTICLES_DB, else ./articles.sqlite).")
    var db: String?

    @Option(name: .customLong("format"), help: "jsonl (default), json, csv or elasticsearch.")
    var exportFormat: ExportFormat = .jsonl

    @Option(name: .long, help: "Only articles matching this search query.")
    var query: String?

    @OptionGroup(title: "Selection") var selection: SelectionOptions

    @Option(name: .long, help: "Index name for --format elasticsearch.")
    var index = "articles"

    @Flag(name: .customLong("es-index-settings"), help: "Print the Elasticsearch index settings and mappings, and nothing else.")
    var indexSettings = false

    @Flag(name: .customLong("raw-csv"), help: "CSV: write cells that start with = + - @ as they are (by default they get a leading ' so spreadsheets do not run them as formulas).")
    var rawCSV = false

    @Flag(name: .long, help: "CSV: start with a UTF-8 byte-order mark, so spreadsheets read Arabic correctly.")
    var bom = false

    @Flag(name: .long, help: "Print nothing but the export and errors.")
    var quiet = false

    func run() throws {
        if indexSettings {
            StandardOutput.write(ElasticsearchExport.indexSettings().serialized() + "\n")
            return
        }
        var options = GlobalOptions()
        options.db = db
        options.quiet = quiet
        let store = try options.openStore(.readOnly)
        var buffer = bom && exportFormat == .csv ? "\u{FEFF}" : ""
        let count = try store.export(try selection.selection(query: query), format: exportFormat, index: index, guardFormulas: !rawCSV) { text in
            buffer += text
            if buffer.utf8.count > 1 << 16 {
                StandardOutput.write(buffer)
                buffer = ""
            }
        }
        StandardOutput.write(buffer)
        if !quiet { StandardError.write("exported \(count) article\(count == 1 ? "" : "s")\n") }
    }
}

extension ExportFormat: ExpressibleByArgument {}
