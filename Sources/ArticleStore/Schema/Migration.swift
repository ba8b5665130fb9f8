/// One numbered schema migration from `Schema/NNNN_name.sql`, embedded in the binary.
public struct Migration: Sendable, Equatable {
    /// Its number: 1, 2, 3...
    public let version: Int
    /// The part of the file name after the number, e.g. "initial".
    public let name: String
    /// The SQL it runs.
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// SHA-256 of the SQL, recorded when the migration is applied.
    public var checksum: String { SHA256.hex(sql) }

    /// Every migration this build of ArticleStore knows, generated from `Schema/*.sql`.
    public static var all: [Migration] { EmbeddedSchema.migrations }

    /// The schema version this build creates and reads.
    public static var currentVersion: Int { all.last?.version ?? 0 }
}
