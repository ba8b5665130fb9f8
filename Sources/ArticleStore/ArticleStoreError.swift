import Foundation

/// Every error ArticleStore throws.
///
/// Each case renders as one line (``description``, also its `localizedDescription`) that says
/// what went wrong in the library's terms; a command-line tool adds what to run about it.
/// SQLite failures carry the primary and extended result codes, SQLite's message and the SQL
/// that failed, so callers can pattern-match on them:
///
/// ```swift
/// do { try store.add(article) }
/// catch ArticleStoreError.sqlite(let code, _, _, _) where code == 5 { /* SQLITE_BUSY */ }
/// ```
public enum ArticleStoreError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// SQLite returned an error. `code` is the primary result code (e.g. 5, `SQLITE_BUSY`),
    /// `extendedCode` the extended one; see https://sqlite.org/rescode.html.
    case sqlite(code: Int32, extendedCode: Int32, message: String, sql: String?)
    /// The linked SQLite library lacks something ArticleStore needs (FTS5, a minimum version).
    case unsupportedSQLite(String)
    /// No database exists at the path and the open mode does not create one.
    case databaseNotFound(path: String)
    /// The file exists but is not an SQLite database.
    case notADatabase(path: String)
    /// The file is an SQLite database, but not an ArticleStore one.
    case notAnArticleStore(path: String, reason: String)
    /// The database was written by a newer ArticleStore.
    case schemaTooNew(path: String, found: Int, supported: Int)
    /// The database needs migrations that a read-only open cannot apply.
    case schemaOutdated(path: String, found: Int, current: Int)
    /// An applied migration's SQL differs from the one this binary embeds.
    case migrationChecksumMismatch(version: Int, name: String)
    /// Input that cannot be used: bad UTF-8, empty or binary file, malformed JSON, ...
    case invalidInput(String)
    /// A query that cannot be run, with the character position (0-based) of the problem when
    /// there is one.
    case invalidQuery(message: String, position: Int?)
    /// A requested record does not exist.
    case notFound(String)
    /// Something another tool added to the file would run inside or break ArticleStore's writes
    /// (a trigger on one of its tables, a UNIQUE index, a CHECK or foreign key on an added
    /// column): writing is refused, reading works.
    case writesBlocked(path: String, object: String, dropSQL: String)
    /// Stored data that breaks the schema's rules (a row changed by another tool, for example).
    case corrupt(String)

    public var description: String {
        switch self {
        case let .sqlite(code, extendedCode, message, sql):
            var text = "SQLite error \(code)"
            if extendedCode != code { text += " (extended \(extendedCode))" }
            text += ": \(message)"
            if let sql { text += " [in: \(Self.oneLine(sql))]" }
            return text
        case let .unsupportedSQLite(reason):
            return "the SQLite library is not usable: \(reason)"
        case let .databaseNotFound(path):
            return "no database at \(path)"
        case let .notADatabase(path):
            return "\(path) is not an SQLite database; it was left untouched"
        case let .notAnArticleStore(path, reason):
            return "\(path) is an SQLite database but not an ArticleStore (\(reason)); it was left untouched"
        case let .schemaTooNew(path, found, supported):
            return "\(path) has schema version \(found), newer than this version of ArticleStore supports (\(supported)); it was left untouched"
        case let .schemaOutdated(path, found, current):
            return "\(path) has schema version \(found) and this version of ArticleStore uses \(current); open it for writing to migrate it"
        case let .migrationChecksumMismatch(version, name):
            return "applied migration \(version) (\(name)) differs from the one this version of ArticleStore embeds"
        case let .invalidInput(message):
            return message
        case let .invalidQuery(message, position):
            guard let position else { return message }
            return "\(message) (at character \(position + 1))"
        case let .notFound(what):
            return what
        case let .writesBlocked(path, object, dropSQL):
            return "\(path) has a \(object) that ArticleStore did not create; it would run inside or break ArticleStore's writes, so writing is refused (reading works); to write, remove it with: \(dropSQL)"
        case let .corrupt(what):
            return "the store holds data it cannot read: \(what)"
        }
    }

    /// The one-line ``description``, for `localizedDescription`.
    public var errorDescription: String? { description }

    private static func oneLine(_ sql: String) -> String {
        let collapsed = sql.split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\t" }).joined(separator: " ")
        return collapsed.count > 200 ? String(collapsed.prefix(200)) + "…" : collapsed
    }
}
