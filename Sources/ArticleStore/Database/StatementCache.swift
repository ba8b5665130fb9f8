/// Prepared statements kept by SQL text, so hot paths compile each statement once.
struct StatementCache {
    private var statements: [String: Statement] = [:]

    subscript(sql: String) -> Statement? {
        get { statements[sql] }
        set { statements[sql] = newValue }
    }

    /// Finalizes every cached statement (before the connection closes).
    mutating func removeAll() {
        for statement in statements.values { statement.finalize() }
        statements.removeAll()
    }
}
