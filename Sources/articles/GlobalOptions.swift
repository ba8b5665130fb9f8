import ArgumentParser
import ArticleStore
import Foundation

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The database file (default: $ARTICLES_DB, else ./articles.sqlite).")
    var db: String?

    @Option(name: .long, help: "Output format: table, json, ndjson or csv (default: table on a terminal, json otherwise).")
    var format: OutputFormat?

    @Flag(name: .long, help: "CSV: start with a UTF-8 byte-order mark, so spreadsheets read Arabic correctly.")
    var bom = false

    @Flag(name: .long, help: "Print nothing but results and errors.")
    var quiet = false

    /// The database path after applying the default rules.
    var databasePath: String {
        if let db, !db.isEmpty { return db }
        if let environment = ProcessInfo.processInfo.environment["ARTICLES_DB"], !environment.isEmpty { return environment }
        return "articles.sqlite"
    }

    /// The output format after applying the default rules.
    var outputFormat: OutputFormat { format ?? (StandardOutput.isTerminal ? .table : .json) }

    /// Opens the store and prints its warnings (unless --quiet).
    func openStore(_ mode: OpenMode, migrations: ArticleStore.MigrationPolicy = .apply) throws -> ArticleStore {
        if db == "" { throw CommandFailure(message: "--db needs a path (it was empty)") }
        let store = try ArticleStore(path: databasePath, mode: mode, migrations: migrations)
        if !quiet { for warning in store.warnings { StandardError.write("warning: \(warning)\n") } }
        return store
    }

    /// Prints a note on stderr unless --quiet.
    func note(_ text: String) {
        if !quiet { StandardError.write(text + "\n") }
    }
}
