import CArticleStoreSQLite
import Foundation

/// Runs one SQL statement from a user with guards that do not depend on reading the text:
/// an authorizer that denies everything but reading (no ATTACH, DETACH, writes, schema
/// changes or pragmas that change state), no attached databases (`SQLITE_LIMIT_ATTACHED` 0),
/// exactly one statement (trailing SQL is refused, not silently dropped), a time limit
/// through the progress handler and a heap limit (https://sqlite.org/c3ref/hard_heap_limit64.html).
struct ReadOnlyQuery {
    let connection: Connection
    /// Seconds the statement may run.
    let timeLimit: Double
    /// Bytes SQLite may allocate while it runs (process-wide while it runs).
    let memoryLimit: Int64

    func run(_ sql: String, arguments: [DatabaseValue], columns: ([String]) throws -> Void,
             row: ([DatabaseValue]) throws -> Void) throws {
        let handle = connection.handle
        let previousAttached = sqlite3_limit(handle, SQLITE_LIMIT_ATTACHED, 0)
        defer { sqlite3_limit(handle, SQLITE_LIMIT_ATTACHED, previousAttached) }
        // A virtual table's constructor (FTS5 reading its config, declaring its columns) runs
        // the first time a connection uses the table, with the authorizer in force, which
        // refuses it ("vtable constructor failed"): connect every virtual table first, once per
        // connection and schema version.
        let schemaVersion = try connection.scalar("PRAGMA schema_version").int64
        if schemaVersion == nil || connection.virtualTablesConnectedAt != schemaVersion {
            for name in try connection.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage = 0 AND sql LIKE 'CREATE VIRTUAL TABLE%'")
                .compactMap({ $0["name"].string }) {
                _ = try? connection.prepareFirst("SELECT 1 FROM \"\(name.replacingOccurrences(of: "\"", with: "\"\""))\" LIMIT 0")
            }
            connection.virtualTablesConnectedAt = schemaVersion
        }
        sqlite3_set_authorizer(handle, { _, action, _, _, _, _ in
            switch action {
            case SQLITE_SELECT, SQLITE_READ, SQLITE_FUNCTION, SQLITE_RECURSIVE: SQLITE_OK
            // Reading pragmas (table_info, index_list...) are allowed; pragmas with a value set state.
            case SQLITE_PRAGMA: SQLITE_OK
            default: SQLITE_DENY
            }
        }, nil)
        defer { sqlite3_set_authorizer(handle, nil, nil) }

        let statement: Statement
        let tail: String
        do {
            (statement, tail) = try connection.prepareFirst(sql)
        } catch let ArticleStoreError.sqlite(_, _, message, _) where message.contains("not authorized") || message.contains("too many attached") {
            throw ArticleStoreError.invalidInput("only read-only statements (SELECT, WITH, EXPLAIN, read-only PRAGMA) can run here; not: \(Self.oneLine(sql))")
        }
        guard try connection.isOnlyWhitespaceOrComments(tail) else {
            throw ArticleStoreError.invalidInput("only one statement can run here; remove what follows the first `;`")
        }
        guard statement.isReadOnly else {
            throw ArticleStoreError.invalidInput("only read-only statements (SELECT, WITH, EXPLAIN, read-only PRAGMA) can run here")
        }
        try statement.bind(arguments)
        try columns((0..<statement.columnCount).map { statement.columnName(at: $0) })

        let deadline = DeadlineBox(Date().addingTimeInterval(timeLimit))
        let context = Unmanaged.passRetained(deadline)
        defer { context.release() }
        sqlite3_progress_handler(handle, 10_000, { pointer in
            guard let pointer else { return 0 }
            let box = Unmanaged<DeadlineBox>.fromOpaque(pointer).takeUnretainedValue()
            return Date() > box.deadline ? 1 : 0
        }, context.toOpaque())
        defer { sqlite3_progress_handler(handle, 0, nil, nil) }
        let previousHeapLimit = sqlite3_hard_heap_limit64(memoryLimit)
        defer { sqlite3_hard_heap_limit64(previousHeapLimit) }
        do {
            while try statement.step() {
                try row((0..<statement.columnCount).map { statement.value(at: $0) })
            }
        } catch let ArticleStoreError.sqlite(code, _, _, _) where code == SQLITE_INTERRUPT {
            throw ArticleStoreError.invalidInput("the statement ran longer than \(Self.format(timeLimit)) s and was stopped; allow more time to run it")
        } catch let ArticleStoreError.sqlite(code, _, _, _) where code == SQLITE_NOMEM || code == SQLITE_TOOBIG {
            throw ArticleStoreError.invalidInput("the statement needed more than \(memoryLimit >> 20) MB and was stopped; allow more memory to run it")
        }
    }

    private final class DeadlineBox {
        let deadline: Date
        init(_ deadline: Date) { self.deadline = deadline }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }

    private static func oneLine(_ sql: String) -> String {
        let line = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return line.count > 80 ? String(line.prefix(80)) + "…" : line
    }
}
