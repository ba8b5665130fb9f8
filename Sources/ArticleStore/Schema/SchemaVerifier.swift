import Foundation

/// Checks that a store's schema is exactly what its applied migrations create, so a file from
/// elsewhere cannot smuggle in triggers or views that run when our statements touch its tables
/// (with `trusted_schema=OFF` SQLite already refuses unsafe functions in them; this refuses the
/// file before anything runs).
///
/// The expected schema is built by applying the same migrations to an in-memory database.
/// Every object they create must be present with the same SQL; triggers and views beyond them
/// are refused; extra tables and indexes (a user's own additions) are allowed.
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
        for (key, sql) in expected {
            guard let found = actual[key] else {
                throw tampered(connection, "its \(key.type) \(key.name) is missing")
            }
            if Self.normalized(found) != Self.normalized(sql) {
                throw tampered(connection, "its \(key.type) \(key.name) was changed")
            }
        }
        var blockers: [WriteBlocker] = []
        for key in actual.keys.sorted(by: { ($0.type, $0.name) < ($1.type, $1.name) }) where expected[key] == nil {
            if key.type == "trigger" || key.type == "view" {
                throw tampered(connection, "it has a \(key.type) \(key.name) that ArticleStore did not create")
            }
            if key.type == "index", let sql = actual[key], Self.normalized(sql).uppercased().hasPrefix("CREATE UNIQUE INDEX"),
               let table = try connection.rows("SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND name = ?", [key.name]).first?["tbl_name"].string,
               ourTables.contains(table) {
                blockers.append(WriteBlocker(object: "unique index \(key.name) on \(table)",
                                             dropSQL: "DROP INDEX \"" + key.name.replacingOccurrences(of: "\"", with: "\"\"") + "\";"))
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

    private func expectedSchema(version: Int) throws -> Connection {
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
