import CArticleStoreSQLite

/// A compiled SQL statement with typed parameter binding and column reading.
///
/// Parameters are always bound (https://sqlite.org/c3ref/bind_blob.html), never spliced into SQL.
package final class Statement {
    /// The SQL this statement was compiled from.
    package let sql: String
    private var handle: OpaquePointer?
    private unowned let connection: Connection

    init(handle: OpaquePointer, connection: Connection, sql: String) {
        self.handle = handle
        self.connection = connection
        self.sql = sql
    }

    deinit { finalize() }

    func finalize() {
        if let handle { sqlite3_finalize(handle) }
        handle = nil
    }

    private var pointer: OpaquePointer {
        guard let handle else { preconditionFailure("statement used after its connection closed") }
        return handle
    }

    /// Number of `?` parameters.
    package var parameterCount: Int { Int(sqlite3_bind_parameter_count(pointer)) }

    /// Binds values to parameters 1...n in order (all of them, replacing earlier bindings).
    package func bind(_ values: [any DatabaseBindable]) throws {
        sqlite3_reset(pointer)
        // Every parameter is bound below, so earlier bindings need no clearing.
        guard values.count == parameterCount else {
            throw ArticleStoreError.sqlite(code: SQLITE_RANGE, extendedCode: SQLITE_RANGE,
                                           message: "statement takes \(parameterCount) parameters, \(values.count) given", sql: sql)
        }
        for (offset, value) in values.enumerated() {
            try bind(value.databaseValue, at: Int32(offset + 1))
        }
    }

    /// Binds one value to a 1-based parameter index.
    package func bind(_ value: DatabaseValue, at index: Int32) throws {
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(pointer, index)
        case let .integer(number):
            code = sqlite3_bind_int64(pointer, index, number)
        case let .real(number):
            code = sqlite3_bind_double(pointer, index, number)
        case let .text(text):
            var text = text
            code = text.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    guard let base = chars.baseAddress else {
                        // An empty buffer may have no address; bind a static empty string.
                        return sqlite3_bind_text(pointer, index, "", 0, nil)
                    }
                    return sqlite3_bind_text64(pointer, index, base, sqlite3_uint64(chars.count),
                                               articlestore_sqlite_transient(), UInt8(SQLITE_UTF8))
                }
            }
        case let .blob(bytes):
            code = bytes.withUnsafeBytes { buffer in
                sqlite3_bind_blob64(pointer, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                                    sqlite3_uint64(buffer.count), articlestore_sqlite_transient())
            }
        }
        if code != SQLITE_OK { throw connection.error(code: code, sql: sql) }
    }

    /// Advances to the next row: true when a row is available, false when done.
    @discardableResult
    package func step() throws -> Bool {
        let code = sqlite3_step(pointer)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE:
            sqlite3_reset(pointer)
            return false
        default:
            let error = connection.error(code: code, sql: sql)
            sqlite3_reset(pointer)
            throw error
        }
    }

    /// Makes the statement ready to run again (bindings are kept).
    package func reset() { sqlite3_reset(pointer) }

    /// Number of result columns.
    package var columnCount: Int { Int(sqlite3_column_count(pointer)) }

    /// Whether the statement makes no direct change to the database
    /// (https://sqlite.org/c3ref/stmt_readonly.html).
    package var isReadOnly: Bool { sqlite3_stmt_readonly(pointer) != 0 }

    /// The name of a result column.
    package func columnName(at index: Int) -> String {
        sqlite3_column_name(pointer, Int32(index)).map { String(cString: $0) } ?? ""
    }

    /// True when the current row's column is NULL.
    package func isNull(at index: Int) -> Bool { sqlite3_column_type(pointer, Int32(index)) == SQLITE_NULL }

    /// The column as an integer (NULL reads as 0).
    package func int64(at index: Int) -> Int64 { sqlite3_column_int64(pointer, Int32(index)) }

    /// The column as a double (NULL reads as 0).
    package func double(at index: Int) -> Double { sqlite3_column_double(pointer, Int32(index)) }

    /// The column as text, or nil when it is NULL. Bytes are decoded as UTF-8 exactly as stored.
    package func string(at index: Int) -> String? {
        guard let text = sqlite3_column_text(pointer, Int32(index)) else { return nil }
        let count = Int(sqlite3_column_bytes(pointer, Int32(index)))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// The column as bytes, or nil when it is NULL.
    package func blob(at index: Int) -> [UInt8]? {
        if isNull(at: index) { return nil }
        let count = Int(sqlite3_column_bytes(pointer, Int32(index)))
        guard count > 0, let bytes = sqlite3_column_blob(pointer, Int32(index)) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// The column as a ``DatabaseValue`` of its storage class.
    package func value(at index: Int) -> DatabaseValue {
        switch sqlite3_column_type(pointer, Int32(index)) {
        case SQLITE_INTEGER: .integer(int64(at: index))
        case SQLITE_FLOAT: .real(double(at: index))
        case SQLITE_TEXT: .text(string(at: index) ?? "")
        case SQLITE_BLOB: .blob(blob(at: index) ?? [])
        default: .null
        }
    }

    /// The current row as a ``Row``.
    package func row() -> Row {
        let count = columnCount
        return Row(columns: (0..<count).map(columnName(at:)), values: (0..<count).map(value(at:)))
    }
}
