import ArgumentParser
import ArticleStore
import Foundation

/// `articles sql "SELECT ..."`: read-only SQL against the store.
struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run a read-only SQL statement against the store and print its rows (writes are refused).",
        discussion: "The file is opened read-only and only statements SQLite reports as read-only run. Tables and views: see README, \"Schema\"."
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "Seconds the statement may run before it is stopped.")
    var timeout = 30.0

    @Option(name: .customLong("memory-limit"), help: "Megabytes of memory the statement may use before it is stopped.")
    var memoryLimit = 512

    @Flag(name: .customLong("raw-csv"), help: "CSV: write cells that start with = + - @ as they are (by default they get a leading ').")
    var rawCSV = false

    @Argument(help: "One SQL statement, e.g. \"SELECT name, articles FROM tag_counts ORDER BY articles DESC LIMIT 10\".")
    var statement: String

    func validate() throws {
        guard timeout > 0, memoryLimit > 0 else { throw ValidationError("--timeout and --memory-limit must be positive") }
    }

    func run() throws {
        let store = try options.openStore(.readOnly)
        var table = OutputTable(columns: [])
        table.guardFormulas = !rawCSV
        do {
        try store.query(statement, timeLimit: timeout, memoryLimit: Int64(memoryLimit) << 20,
                        columns: { table = OutputTable(columns: $0); table.guardFormulas = !rawCSV }) { values in
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
        } catch let ArticleStoreError.invalidInput(message) where message.hasSuffix("to run it") {
            throw CommandFailure(message: message.replacingOccurrences(of: "allow more time to run it", with: "raise --timeout")
                .replacingOccurrences(of: "allow more memory to run it", with: "raise --memory-limit"))
        }
        table.print(options.outputFormat, bom: options.bom)
    }
}
