import Foundation

/// Checks that a store's schema is exactly what its applied migrations create, so a file from
/// elsewhere cannot smuggle in triggers or views that run when our statements touch its tables
/// (with `trusted_schema=OFF` SQLite already refuses unsafe functions in them; this refuses the
/// file before anything runs).
///
/// The expected schema is built by applying the same migrations to an in-memory database.
/// Every object they create must be present with the same SQL (a table may have columns other
/// tools added). What other tools add is tolerated (tables, views, indexes, triggers on their
/// own tables; `articles check` lists them), except what would run inside or break our writes
/// (a trigger on one of our tables, a UNIQUE index on one, a CHECK or foreign key on an added
/// column): those are returned as write blockers, which refuse writing opens but not reading.
struct SchemaVerifier {
    let migrations: [Migration]

    /// Checks the schema; returns the user's additions that would make ArticleStore's own
    /// writes fail (a UNIQUE index on one of its tables), which block writing but not reading.
    @discardableResult
    func verify(_ connection: Connection, version: Int) throws -> [WriteBlocker] {
        let expectedConnection = try expectedSchema(version: version)
        let expected = try Self.objects(in: expectedConnection)
        let ourTables = Set(expected.keys.filter { $0.type == "table" }.map(\.name))
        let actual = try Self.objects(in: connection)
        var blockers: [WriteBlocker] = []
        for (key, sql) in expected {
            guard let found = actual[key] else {
                // The word index is optional (ArticleStore.setWordIndex): a store may go without it.
                if WordIndex.contains(objectNamed: key.name), actual[Key(type: "table", name: WordIndex.table)] == nil { continue }
                throw tampered(connection, "its \(key.type) \(key.name) is missing")
            }
            if Self.normalized(found) != Self.normalized(sql) {
                // A table may have columns another tool added (sqlite-utils add-column), before or
                // after our own migrations' columns; any other change to our objects is tampering.
                guard key.type == "table", let blocker = try Self.compareColumns(of: key.name, actual: connection, found: found,
                                                                                 expected: expectedConnection, sql: sql) else {
                    throw tampered(connection, "its \(key.type) \(key.name) was changed")
                }
                if let reason = blocker { blockers.append(reason) }
            }
        }
        for key in actual.keys.sorted(by: { ($0.type, $0.name) < ($1.type, $1.name) }) where expected[key] == nil {
            let table = try connection.rows("SELECT tbl_name FROM sqlite_master WHERE type = ? AND name = ?", [key.type, key.name])
                .first?["tbl_name"].string ?? ""
            let quoted = "\"" + key.name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            switch key.type {
            case "trigger" where ourTables.contains(table):
                // It would run inside our writes.
                blockers.append(WriteBlocker(object: "trigger \(key.name) on \(table)", dropSQL: "DROP TRIGGER \(quoted);"))
            case "index" where ourTables.contains(table):
                if let sql = actual[key], Self.normalized(sql).uppercased().hasPrefix("CREATE UNIQUE INDEX") {
                    blockers.append(WriteBlocker(object: "unique index \(key.name) on \(table)", dropSQL: "DROP INDEX \(quoted);"))
                }
            default:
                // The user's own tables, views, indexes and triggers on their tables: tolerated.
                break
            }
        }
        return blockers
    }

    /// A user's addition that would make ArticleStore's writes fail, and the SQL that removes it.
    struct WriteBlocker: Equatable {
        let object: String
        let dropSQL: String
    }

    private func tampered(_ connection: Connection, _ detail: String) -> ArticleStoreError {
        .notAnArticleStore(path: connection.path, reason: "its schema was changed outside ArticleStore: \(detail); refusing to use it")
    }

    /// An in-memory database with the migrations up to `version` applied: what the file should hold.
    func expectedSchema(version: Int) throws -> Connection {
        let memory = try Connection(path: ":memory:", mode: .readWriteCreate)
        for migration in migrations where migration.version <= version {
            try memory.execute(migration.sql)
        }
        return memory
    }

    struct Key: Hashable {
        let type: String
        let name: String
    }

    /// Whether table `name` differs from ours only by added columns: nil when it differs
    /// otherwise (tampering); `.some(nil)` when the additions are harmless; `.some(blocker)`
    /// when they would make our writes fail (a CHECK constraint or a foreign key).
    static func compareColumns(of name: String, actual: Connection, found: String, expected: Connection,
                               sql: String) throws -> WriteBlocker?? {
        func columns(_ connection: Connection) throws -> [[String]] {
            try connection.rows("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)", [name]).map { row in
                row.values.map { value in value.string ?? value.int64.map(String.init) ?? "" }
            }
        }
        let ours = try columns(expected)
        let theirs = try columns(actual)
        // Ours must appear, unchanged and in order, among theirs.
        var index = 0
        var extra: [String] = []
        for column in theirs {
            if index < ours.count, column == ours[index] { index += 1 } else { extra.append(column[0]) }
        }
        guard index == ours.count, !extra.isEmpty else { return nil }
        let checks = { (text: String) in text.uppercased().components(separatedBy: "CHECK").count }
        let foreign = try actual.rows("SELECT \"from\" FROM pragma_foreign_key_list(?)", [name]).compactMap { $0.values.first?.string }
        if checks(found) > checks(sql) || foreign.contains(where: extra.contains) {
            let column = extra.first { found.contains($0) } ?? extra[0]
            return .some(WriteBlocker(object: "constraint on the column \(column) added to \(name)",
                                      dropSQL: "ALTER TABLE \(name) DROP COLUMN \"\(column)\";"))
        }
        return .some(nil)
    }

    /// Objects by type and name, with their SQL (internal SQLite objects and the migrations
    /// table, which the migrator creates, left out).
    static func objects(in connection: Connection) throws -> [Key: String] {
        var result: [Key: String] = [:]
        for row in try connection.rows("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'") {
            guard let type = row[0].string, let name = row[1].string, name != "schema_migrations" else { continue }
            result[Key(type: type, name: name)] = row[2].string ?? ""
        }
        return result
    }

    /// SQL with runs of white space made one space, so layout differences do not count.
    static func normalized(_ sql: String) -> String {
        sql.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
