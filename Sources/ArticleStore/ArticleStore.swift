import ArabicText
import Foundation

/// An article store: one SQLite file holding articles, sources, tags, entities and their
/// full-text index. This is the type Swift programs hold.
///
/// ```swift
/// let store = try ArticleStore(path: "articles.sqlite")          // creates and migrates
/// print(try store.statistics().articles)
/// let reader = try ArticleStore(path: "articles.sqlite", mode: .readOnly)
/// ```
public final class ArticleStore {
    /// What opening does about the schema version.
    public enum MigrationPolicy: Sendable {
        /// Apply pending migrations (write modes); read-only opens require a current schema.
        case apply
        /// Open whatever version is there (not newer than this binary) without migrating;
        /// for inspecting migration status.
        case inspect
    }

    /// The underlying connection, for callers who need SQL the API does not offer.
    public let connection: Connection
    /// The file path.
    public var path: String { connection.path }
    /// Problems found on open that do not stop work, e.g. a modified applied migration.
    public private(set) var warnings: [String] = []

    private let migrator = Migrator(migrations: Migration.all)
    /// The analyzer used for indexing and queries (the default profile).
    public let analyzer = Analyzer()

    /// The gazetteer extraction uses: built-in entries plus the store's user entities. Built on
    /// first use; ``invalidateGazetteer()`` after imports and merges.
    var gazetteer: Gazetteer {
        if let cachedGazetteer { return cachedGazetteer }
        let built = Gazetteer(extra: (try? userGazetteerEntries()) ?? [], analyzer: analyzer)
        cachedGazetteer = built
        return built
    }
    private var cachedGazetteer: Gazetteer?

    func invalidateGazetteer() { cachedGazetteer = nil }

    /// Opens the store at `path`.
    ///
    /// Refuses, without modifying the file, one that is not SQLite, is SQLite but not an
    /// ArticleStore, has a schema newer than this binary, or whose schema was changed outside
    /// ArticleStore (triggers or views it did not create, altered tables or indexes).
    public init(path: String, mode: OpenMode = .readWriteCreate, migrations: MigrationPolicy = .apply) throws {
        if mode != .readWriteCreate, !FileManager.default.fileExists(atPath: path) {
            throw ArticleStoreError.databaseNotFound(path: path)
        }
        connection = try Connection(path: path, mode: mode)
        let ownership = try migrator.ownership(of: connection)
        try migrator.checkNotNewer(connection)
        if ownership == .articleStore {
            try SchemaVerifier(migrations: migrator.migrations).verify(connection, version: try migrator.appliedVersion(in: connection))
        }
        if ownership == .empty && !(mode.isWritable && migrations == .apply) {
            if migrations == .inspect { return }
            throw ArticleStoreError.notAnArticleStore(path: path, reason: "the database is empty; run `articles init`")
        }
        try connection.enableWriteAheadLog()
        if mode.isWritable && migrations == .apply {
            try migrator.migrate(connection)
        } else if migrations == .apply {
            let found = try migrator.appliedVersion(in: connection)
            if found < Migration.currentVersion {
                throw ArticleStoreError.schemaOutdated(path: path, found: found, current: Migration.currentVersion)
            }
        }
        for status in try migrator.status(of: connection) where status.state == .modified {
            warnings.append(ArticleStoreError.migrationChecksumMismatch(version: status.version, name: status.name).description)
        }
    }

    /// Creates a new store at `path` (or opens and migrates an existing one).
    @discardableResult
    public static func create(at path: String) throws -> ArticleStore {
        try ArticleStore(path: path, mode: .readWriteCreate)
    }

    // MARK: Schema

    /// The schema version of the file.
    public func schemaVersion() throws -> Int { try migrator.appliedVersion(in: connection) }

    /// The state of every migration.
    public func migrationStatus() throws -> [MigrationStatus] { try migrator.status(of: connection) }

    /// Applies pending migrations; returns those applied. Fails if an applied migration was
    /// modified, so it is never silently ignored.
    @discardableResult
    public func migrate() throws -> [Migration] {
        if let modified = try migrationStatus().first(where: { $0.state == .modified }) {
            throw ArticleStoreError.migrationChecksumMismatch(version: modified.version, name: modified.name)
        }
        return try migrator.migrate(connection)
    }

    // MARK: Statistics

    /// Counts and sizes of the store.
    public func statistics() throws -> StoreStatistics {
        func count(_ table: String) throws -> Int {
            Int(try connection.scalar("SELECT count(*) FROM \(table)").int64 ?? 0)
        }
        let pageCount = try connection.scalar("PRAGMA page_count").int64 ?? 0
        let pageSize = try connection.scalar("PRAGMA page_size").int64 ?? 0
        let fileSize = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? NSNumber)?.int64Value ?? 0
        return StoreStatistics(
            articles: try count("articles"),
            sources: try count("sources"),
            tags: try count("tags"),
            entities: try count("entities"),
            mentions: try count("mentions"),
            schemaVersion: try schemaVersion(),
            databaseBytes: pageCount * pageSize,
            fileBytes: fileSize + walSize,
            sqliteVersion: SQLiteLibrary.version
        )
    }
}
