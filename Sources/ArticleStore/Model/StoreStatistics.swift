/// Counts and sizes of a store, as `articles stats` prints them.
public struct StoreStatistics: Sendable, Equatable, Codable {
    public var articles: Int
    public var sources: Int
    public var tags: Int
    public var entities: Int
    public var mentions: Int
    /// The applied schema version.
    public var schemaVersion: Int
    /// Bytes in the database's pages (page_count × page_size).
    public var databaseBytes: Int64
    /// Bytes on disk: the file plus its write-ahead log.
    public var fileBytes: Int64
    /// The linked SQLite library's version.
    public var sqliteVersion: String
    /// Derived data that is incomplete or out of step with the articles (index rows missing,
    /// near-duplicate bands behind), each with what repairs it; empty when all is in step.
    public var warnings: [String] = []
}
