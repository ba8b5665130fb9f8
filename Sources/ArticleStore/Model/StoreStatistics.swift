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
}
