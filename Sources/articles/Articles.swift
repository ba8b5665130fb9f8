import ArgumentParser
import ArticleStore
#if canImport(Glibc)
import Glibc
#endif

/// The `articles` command: a thin shell over the ArticleStore library.
@main
struct Articles: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles",
        abstract: "Store news articles in one SQLite file and search them, with first-class Arabic.",
        discussion: """
            The database is --db PATH, or $ARTICLES_DB, or ./articles.sqlite.
            Exit status: 0 success, 1 error, 64 usage error.
            """,
        subcommands: [InitCommand.self, MigrateCommand.self, IngestCommand.self, SearchCommand.self, ListCommand.self, ShowCommand.self,
                      EntitiesCommand.self, EntityCommand.self, TagsCommand.self, ExportCommand.self, SQLCommand.self,
                      DuplicatesCommand.self, OptimizeCommand.self,
                      StatsCommand.self, AnalyzeCommand.self]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ArticleStoreError {
            fail(error.description, code: 1)
        } catch let error as CommandFailure {
            fail(error.message, code: error.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is CleanExit {
                exit(withError: error)
            }
            let message = self.message(for: error)
            fail(message + " (see `articles help`)", code: code == .validationFailure ? 64 : code.rawValue)
        }
    }

    /// Prints `error: message` as one line on stderr and exits.
    static func fail(_ message: String, code: Int32) -> Never {
        let line = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        StandardError.write("error: \(line)\n")
        Glibc.exit(code)
    }
}
