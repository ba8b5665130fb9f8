import ArgumentParser
import ArticleStore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
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
        version: ArticleStore.version,
        subcommands: [InitCommand.self, MigrateCommand.self, IngestCommand.self, SearchCommand.self, ListCommand.self, ShowCommand.self,
                      EntitiesCommand.self, EntityCommand.self, TagsCommand.self, ExportCommand.self, SQLCommand.self,
                      DeleteCommand.self, CheckCommand.self, DuplicatesCommand.self, OptimizeCommand.self,
                      StatsCommand.self, AnalyzeCommand.self]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ArticleStoreError {
            fail(commandLineMessage(for: error), code: 1)
        } catch let error as ExitCode {
            // A status with nothing more to say (ingest: 2 when some inputs failed, already reported).
            terminate(error.rawValue)
        } catch let error as CommandFailure {
            fail(error.message, code: error.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is CleanExit {
                exit(withError: error)
            }
            var message = self.message(for: error)
            // A mistyped subcommand: name the one that was probably meant.
            let arguments = CommandLine.arguments.dropFirst()
            if let typed = arguments.first, !typed.hasPrefix("-"),
               !configuration.subcommands.contains(where: { $0.configuration.commandName == typed }),
               let meant = Suggestion.closest(to: typed, in: configuration.subcommands.compactMap { $0.configuration.commandName }) {
                message = "unknown command '\(typed)'; did you mean '\(meant)'?"
            }
            fail(message + " (see `articles help`)", code: code == .validationFailure ? 64 : code.rawValue)
        }
    }

    /// Prints `error: message` as one line on stderr and exits.
    /// The library's message with the command that helps, where there is one.
    static func commandLineMessage(for error: ArticleStoreError) -> String {
        switch error {
        case .databaseNotFound: error.description + "; create one with `articles init` or pass --db"
        case let .notAnArticleStore(_, reason) where reason == "the database is empty": error.description + "; run `articles init`"
        case .schemaOutdated: error.description + "; run `articles migrate`"
        case .schemaTooNew: error.description + "; upgrade articles"
        default: error.description
        }
    }

    static func fail(_ message: String, code: Int32) -> Never {
        // One line whatever the message holds (a path with a line break, a pasted query).
        let line = TerminalText.visible(message.replacingOccurrences(of: "\r\n", with: "\n"))
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: " ")
        StandardError.write("error: \(line)\n")
        terminate(code)
    }
}

/// exit(3) from whichever C library this platform has.
private func terminate(_ code: Int32) -> Never {
    exit(code)
}
