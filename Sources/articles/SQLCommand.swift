import ArgumentParser
import ArticleStore

/// `articles sql "SELECT ..."`: read-only SQL against the store.
struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run a read-only SQL statement against the store and print its rows (writes are refused).",
        discussion: "The file is opened read-only and only statements SQLite reports as read-only run. Tables and views: see README, \"Schema\"."
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: "One SQL statement, e.g. \"SELECT name, articles FROM tag_counts ORDER BY articles DESC LIMIT 10\".")
    var statement: String

    func run() throws {
        let store = try options.openStore(.readOnly)
        var table = OutputTable(columns: [])
        try store.query(statement, columns: { table = OutputTable(columns: $0) }) { values in
            table.rows.append(values.map { value in
                switch value {
                case .null: .null
                case let .integer(number): .int(number)
                case let .real(number): .double(number)
                case let .text(text): .string(text)
                case let .blob(bytes): .string("<\(bytes.count) bytes>")
                }
            })
        }
        table.print(options.outputFormat)
    }
}
