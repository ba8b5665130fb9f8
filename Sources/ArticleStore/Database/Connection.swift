import CArticleStoreSQLite

/// One connection to an SQLite database file: a small, safe wrapper over the C API.
///
/// Opening configures the connection the way ArticleStore needs it
/// (see https://sqlite.org/security.html): defensive mode, `trusted_schema=OFF`, no extension
/// loading, foreign keys on, a busy timeout. Write modes switch the file to WAL
/// (https://sqlite.org/wal.html) so that readers and one writer can work at once.
///
/// ```swift
/// let connection = try Connection(path: "articles.sqlite", mode: .readWriteCreate)
/// try connection.transaction {
///     try connection.run("INSERT INTO sources(name, name_key) VALUES (?, ?)", ["الوطن", "وطن"])
/// }
/// ```
///
/// A connection is not thread-safe; use one per thread.
package final class Connection {
    /// The file this connection opened.
    package let path: String
    /// The mode it was opened in.
    package let mode: OpenMode
    /// Whether it was opened as an immutable file (see ``init(path:mode:busyTimeout:immutable:)``).
    package let isImmutable: Bool

    /// `path` for a `file:` URI: characters that mean something in a URI percent-encoded.
    static func uriEscaped(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
    let handle: OpaquePointer
    private var statementCache: StatementCache
    private var savepointCounter = 0
    /// The schema version at which ``ReadOnlyQuery`` last connected this connection's virtual
    /// tables (they stay connected until the schema changes).
    var virtualTablesConnectedAt: Int64?

    /// Opens (or creates, with ``OpenMode/readWriteCreate``) the database at `path`.
    ///
    /// Nothing is written to the file here except switching an existing writable ArticleStore
    /// database to WAL; files that are not SQLite are reported by ``validateReadable()``.
    /// - Parameter busyTimeout: milliseconds to wait for another process's lock.
    /// - Parameter immutable: open read-only as an immutable file (`immutable=1`): no locks and
    ///   no `-shm` file, for stores on read-only media or in directories the user cannot write.
    ///   Only safe when nothing writes the file meanwhile.
    package init(path: String, mode: OpenMode, busyTimeout: Int32 = 5000, immutable: Bool = false) throws {
        try SQLiteLibrary.checkRequirements()
        self.path = path
        self.mode = mode
        self.isImmutable = immutable
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch mode {
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
        var db: OpaquePointer?
        var target = path
        if immutable {
            flags |= SQLITE_OPEN_URI
            target = "file:" + Self.uriEscaped(path) + "?immutable=1"
        }
        let code = sqlite3_open_v2(target, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            let extended = db.map { sqlite3_extended_errcode($0) } ?? code
            sqlite3_close_v2(db)
            if code & 0xff == SQLITE_CANTOPEN, mode != .readWriteCreate {
                throw ArticleStoreError.databaseNotFound(path: path)
            }
            throw ArticleStoreError.sqlite(code: code & 0xff, extendedCode: extended, message: message, sql: nil)
        }
        self.handle = db
        self.statementCache = StatementCache()
        do {
            try configure(busyTimeout: busyTimeout)
        } catch {
            sqlite3_close_v2(db)
            throw error
        }
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    private func configure(busyTimeout: Int32) throws {
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeout)
        let settings: [(Int32, Int32)] = [
            (SQLITE_DBCONFIG_DEFENSIVE, 1),
            (SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0),
            (SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0),
            (SQLITE_DBCONFIG_ENABLE_TRIGGER, 1),
            (SQLITE_DBCONFIG_ENABLE_FKEY, 1),
        ]
        for (option, value) in settings {
            let code = articlestore_db_config_flag(handle, option, value)
            if code != SQLITE_OK { throw error(code: code, sql: "sqlite3_db_config(\(option))") }
        }
        // These pragmas do not write to the file.
        try execute("PRAGMA trusted_schema = OFF; PRAGMA foreign_keys = ON;")
        // The search's relevance score (bm25 plus term proximity), an FTS5 auxiliary function
        // written in C (CArticleStoreSQLite/shim.h).
        var counter: UnsafeMutablePointer<articlestore_rank_counter>?
        let rankCode = articlestore_register_rank(handle, &counter)
        if rankCode != SQLITE_OK { throw error(code: rankCode, sql: "SELECT fts5(?1)") }
        rankCounter = counter
    }

    /// The row counter of this connection's `articles_rank` (freed by SQLite when it closes).
    private var rankCounter: UnsafeMutablePointer<articlestore_rank_counter>?

    /// Runs `body` and returns how many distinct rows `articles_rank` scored on this
    /// connection meanwhile: the number of matches of a ranking query that scores every match,
    /// counted without buffering them all.
    package func countingRankedRows<T>(_ body: () throws -> T) rethrows -> (result: T, rows: Int64) {
        guard let rankCounter else { return (try body(), 0) }
        articlestore_rank_counter_reset(rankCounter)
        let result = try body()
        return (result, rankCounter.pointee.rows)
    }

    /// Reads the file header and schema, turning "file is not a database" into
    /// ``ArticleStoreError/notADatabase(path:)``. Writes nothing.
    package func validateReadable() throws {
        do {
            _ = try scalar("SELECT count(*) FROM sqlite_schema")
        } catch let ArticleStoreError.sqlite(code, _, _, _) where code == SQLITE_NOTADB {
            throw ArticleStoreError.notADatabase(path: path)
        }
    }

    /// Switches the file to write-ahead logging (a write: call after validating the file).
    package func enableWriteAheadLog() throws {
        guard mode.isWritable else { return }
        let journal = try scalar("PRAGMA journal_mode = WAL").string
        guard journal?.lowercased() == "wal" else {
            throw ArticleStoreError.unsupportedSQLite("could not switch \(path) to WAL (journal mode \(journal ?? "unknown"))")
        }
        try execute("PRAGMA synchronous = NORMAL")
    }

    // MARK: Running SQL

    /// Runs one or more SQL statements that take no parameters.
    package func execute(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if code != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(errorMessage)
            throw ArticleStoreError.sqlite(code: code & 0xff, extendedCode: sqlite3_extended_errcode(handle), message: message, sql: sql)
        }
    }

    /// Compiles a statement that the caller owns.
    package func prepare(_ sql: String) throws -> Statement {
        var pointer: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, 0, &pointer, nil)
        guard code == SQLITE_OK, let pointer else {
            throw error(code: code, sql: sql)
        }
        return Statement(handle: pointer, connection: self, sql: sql)
    }

    /// Compiles the first statement of `sql` and returns it with the text after it.
    package func prepareFirst(_ sql: String) throws -> (Statement, tail: String) {
        var pointer: OpaquePointer?
        var tailOffset = 0
        let code = sql.withCString { start -> Int32 in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(handle, start, -1, 0, &pointer, &tail)
            if let tail { tailOffset = start.distance(to: tail) }
            return code
        }
        guard code == SQLITE_OK, let pointer else {
            if code == SQLITE_OK { throw ArticleStoreError.invalidInput("the SQL holds no statement") }
            throw error(code: code, sql: sql)
        }
        let tail = String(decoding: Array(sql.utf8).dropFirst(tailOffset), as: UTF8.self)
        return (Statement(handle: pointer, connection: self, sql: sql), tail)
    }

    /// Whether `sql` holds nothing to run (white space, `;` and comments only).
    package func isOnlyWhitespaceOrComments(_ sql: String) throws -> Bool {
        var pointer: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, 0, &pointer, nil)
        defer { sqlite3_finalize(pointer) }
        return code == SQLITE_OK ? pointer == nil : false
    }

    /// A compiled statement from this connection's cache, reset and with cleared bindings.
    /// Use it for SQL that runs often; do not keep it past the next call with the same SQL.
    package func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] {
            statement.reset()
            return statement
        }
        var pointer: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &pointer, nil)
        guard code == SQLITE_OK, let pointer else { throw error(code: code, sql: sql) }
        let statement = Statement(handle: pointer, connection: self, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs a statement that returns no rows, with bound parameters.
    package func run(_ sql: String, _ arguments: [any DatabaseBindable] = []) throws {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        while try statement.step() {}
    }

    /// Inserts `rows` with one statement per up to 32 rows (`INSERT ... VALUES (...), (...)`):
    /// SQLite then opens the table's cursors and checks its foreign keys' tables once per
    /// statement instead of once per row. `insert` is the statement up to `VALUES`, for
    /// example `INSERT INTO t(a, b)`; every row has one value per column.
    package func insertRows(_ insert: String, columns: Int, _ rows: [[any DatabaseBindable]]) throws {
        var start = 0
        while start < rows.count {
            let count = min(32, rows.count - start)
            let placeholders = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
            let statement = try cachedStatement(insert + " VALUES " + Array(repeating: placeholders, count: count).joined(separator: ", "))
            try statement.bind(rows[start..<(start + count)].flatMap { $0 })
            while try statement.step() {}
            start += count
        }
    }

    /// All rows a query returns.
    package func rows(_ sql: String, _ arguments: [any DatabaseBindable] = []) throws -> [Row] {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        var result: [Row] = []
        while try statement.step() { result.append(statement.row()) }
        return result
    }

    /// The first column of the first row, or `.null` when there is no row.
    package func scalar(_ sql: String, _ arguments: [any DatabaseBindable] = []) throws -> DatabaseValue {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        guard try statement.step() else { return .null }
        let value = statement.value(at: 0)
        statement.reset()
        return value
    }

    /// The rowid of the last inserted row.
    package var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    package var changes: Int { Int(sqlite3_changes64(handle)) }

    /// True while a transaction is open.
    package var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    // MARK: Transactions

    /// Runs `body` in a transaction (`BEGIN IMMEDIATE` for writes, so a second writer waits for
    /// the busy timeout up front), committing when it returns and rolling back when it throws.
    /// Nested calls become savepoints.
    @discardableResult
    package func transaction<T>(_ body: () throws -> T) throws -> T {
        if isInTransaction { return try savepoint(body) }
        try execute(mode.isWritable ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
    }

    /// Runs `body` inside a savepoint (https://sqlite.org/lang_savepoint.html): on error only the
    /// savepoint's work is undone, the enclosing transaction stays open.
    @discardableResult
    package func savepoint<T>(_ body: () throws -> T) throws -> T {
        savepointCounter += 1
        let name = "articlestore_sp\(savepointCounter)"
        defer { savepointCounter -= 1 }
        // Compiled once per nesting depth: ingest opens one per article.
        try run("SAVEPOINT \(name)")
        do {
            let result = try body()
            try run("RELEASE \(name)")
            return result
        } catch {
            try? execute("ROLLBACK TO \(name)")
            try? execute("RELEASE \(name)")
            throw error
        }
    }

    // MARK: Errors

    func error(code: Int32, sql: String?) -> ArticleStoreError {
        .sqlite(code: code & 0xff, extendedCode: sqlite3_extended_errcode(handle),
                message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}
