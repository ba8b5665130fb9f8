import ArabicText

/// Applies the embedded migrations to a database and reports their state.
///
/// The `schema_migrations` table records version, name, checksum and time of each applied
/// migration; `PRAGMA user_version` mirrors the latest version and `PRAGMA application_id`
/// marks the file as an ArticleStore (https://sqlite.org/pragma.html#pragma_application_id).
struct Migrator {
    /// "ARTS" in ASCII: the application id of every ArticleStore database.
    static let applicationID: Int64 = 0x4152_5453

    let migrations: [Migration]

    /// What the file holds before we touch it.
    enum Ownership: Equatable {
        case empty
        case articleStore
    }

    /// Decides whether `connection`'s file is ours, without writing to it.
    func ownership(of connection: Connection) throws -> Ownership {
        try connection.validateReadable()
        let applicationID = try connection.scalar("PRAGMA application_id").int64 ?? 0
        if applicationID == Self.applicationID { return .articleStore }
        let objects = try connection.scalar("SELECT count(*) FROM sqlite_schema").int64 ?? 0
        if objects == 0 && applicationID == 0 { return .empty }
        let reason = applicationID == 0
            ? "it has \(objects) schema objects and no ArticleStore application id"
            : "its application id is \(applicationID)"
        throw ArticleStoreError.notAnArticleStore(path: connection.path, reason: reason)
    }

    /// Applied migrations, as recorded in the database.
    func appliedRecords(in connection: Connection) throws -> [(version: Int, name: String, checksum: String, appliedAt: String)] {
        let exists = try connection.scalar(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").int64 ?? 0
        guard exists > 0 else { return [] }
        return try connection.rows("SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version").map {
            (Int($0[0].int64 ?? 0), $0[1].string ?? "", $0[2].string ?? "", $0[3].string ?? "")
        }
    }

    /// The highest applied version (0 for a new file).
    func appliedVersion(in connection: Connection) throws -> Int {
        try appliedRecords(in: connection).map(\.version).max() ?? 0
    }

    /// Every migration known to the binary or recorded in the file, with its state.
    func status(of connection: Connection) throws -> [MigrationStatus] {
        let applied = try appliedRecords(in: connection)
        var result: [MigrationStatus] = migrations.map { migration in
            guard let record = applied.first(where: { $0.version == migration.version }) else {
                return MigrationStatus(version: migration.version, name: migration.name, state: .pending,
                                       appliedAt: nil, checksum: migration.checksum)
            }
            let state: MigrationStatus.State = record.checksum == migration.checksum ? .applied : .modified
            return MigrationStatus(version: migration.version, name: migration.name, state: state,
                                   appliedAt: record.appliedAt, checksum: record.checksum)
        }
        for record in applied where !migrations.contains(where: { $0.version == record.version }) {
            result.append(MigrationStatus(version: record.version, name: record.name, state: .unknown,
                                          appliedAt: record.appliedAt, checksum: record.checksum))
        }
        return result
    }

    /// Throws ``ArticleStoreError/schemaTooNew(path:found:supported:)`` when the file was
    /// written by a newer binary.
    func checkNotNewer(_ connection: Connection) throws {
        let found = max(try appliedVersion(in: connection), Int(try connection.scalar("PRAGMA user_version").int64 ?? 0))
        let supported = migrations.last?.version ?? 0
        if found > supported {
            throw ArticleStoreError.schemaTooNew(path: connection.path, found: found, supported: supported)
        }
    }

    /// Applies every pending migration, each in its own transaction. Returns those applied.
    @discardableResult
    func migrate(_ connection: Connection) throws -> [Migration] {
        var applied: [Migration] = []
        for migration in migrations {
            let didApply: Bool = try connection.transaction {
                // Re-read inside the write lock: another process may have migrated meanwhile.
                try checkNotNewer(connection)
                if try appliedRecords(in: connection).contains(where: { $0.version == migration.version }) { return false }
                try connection.execute("""
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        version     INTEGER PRIMARY KEY,
                        name        TEXT NOT NULL,
                        checksum    TEXT NOT NULL,
                        applied_at  TEXT NOT NULL
                    );
                    PRAGMA application_id = \(Self.applicationID);
                    """)
                try connection.execute(migration.sql)
                // What SQL cannot derive: the forms index of the articles already stored.
                if migration.version == FormsIndex.migrationVersion { try FormsIndex.fill(connection, analyzer: Analyzer()) }
                try connection.run(
                    "INSERT INTO schema_migrations(version, name, checksum, applied_at) VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                    [migration.version, migration.name, migration.checksum])
                try connection.execute("PRAGMA user_version = \(migration.version)")
                return true
            }
            if didApply { applied.append(migration) }
        }
        return applied
    }
}
