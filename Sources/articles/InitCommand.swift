import ArgumentParser
import ArticleStore

/// `articles init`: create a new store (or bring an existing one up to date).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a database (applies every schema migration)."
    )

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let store = try options.openStore(.readWriteCreate)
        options.note("initialized \(store.path) at schema version \(try store.schemaVersion())")
    }
}
