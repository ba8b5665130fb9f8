import ArabicText
import Foundation

/// An article store: one SQLite file holding articles, sources, tags, entities and their
/// full-text index. This is the type Swift programs hold.
///
/// ```swift
/// let store = try ArticleStore(path: "articles.sqlite")          // creates and migrates
/// print(try store.statistics().articles)
/// let scratch = try ArticleStore(path: ":memory:")               // nothing on disk
/// ```
///
/// A store is `Sendable`: share one between threads and tasks. Writes (add, ingest, delete,
/// rebuilds) go through one connection, one at a time; reads (search, article, listings) run
/// concurrently on a pool of read-only connections and see the last committed state
/// (SQLite's write-ahead log lets them run while a write is in progress). Stores in memory
/// have one connection, which reads and writes take in turn. Every synchronous call has an
/// `async` twin that runs it off the caller's thread. See the Concurrency article in the
/// documentation catalog.
public final class ArticleStore: Sendable {
    /// What opening does about the schema version.
    public enum MigrationPolicy: Sendable {
        /// Apply pending migrations (write modes); read-only opens require a current schema.
        case apply
        /// Open whatever version is there (not newer than this binary) without migrating;
        /// for inspecting migration status.
        case inspect
    }

    /// The library's version (semantic versioning).
    public static let version = "1.0.0"

    let database: DatabasePool
    /// The file path (`:memory:` for a store in memory).
    public let path: String
    /// Problems found on open that do not stop work, e.g. a modified applied migration.
    public let warnings: [String]

    let migrator = Migrator(migrations: Migration.all)
    /// The analyzer used for indexing and queries (the default profile).
    public let analyzer = Analyzer()
    private let gazetteerCache = GazetteerCache()

    /// The writer connection, for the package's own tests and benchmarks. It is not
    /// synchronized: use it only where nothing else uses the store.
    package var connection: Connection { database.writer }

    /// Opens the store at `path`; `:memory:` (or an empty path) makes a store that lives in
    /// memory and vanishes with this object.
    ///
    /// Refuses, without modifying the file, one that is not SQLite, is SQLite but not an
    /// ArticleStore, has a schema newer than this binary, or whose schema was changed outside
    /// ArticleStore (triggers or views it did not create, altered tables or indexes).
    public init(path: String, mode: OpenMode = .readWriteCreate, migrations: MigrationPolicy = .apply) throws {
        let inMemory = path.isEmpty || path == ":memory:"
        if mode != .readWriteCreate, !inMemory, !FileManager.default.fileExists(atPath: path) {
            throw ArticleStoreError.databaseNotFound(path: path)
        }
        if !inMemory { try Self.checkIsRegularFile(path) }
        self.path = inMemory ? ":memory:" : path
        var connection = try Connection(path: inMemory ? ":memory:" : path, mode: inMemory ? .readWriteCreate : mode)
        let migrator = self.migrator
        var warnings: [String] = []
        let ownership: Migrator.Ownership
        do {
            ownership = try migrator.ownership(of: connection)
        } catch let ArticleStoreError.sqlite(code, _, _, _) where mode == .readOnly && !inMemory && (code == 8 || code == 14) {
            // A WAL store in a directory this user cannot write (read-only media, another
            // user's files): SQLite cannot make the -shm file. Read it as an immutable file.
            connection = try Connection(path: path, mode: .readOnly, immutable: true)
            ownership = try migrator.ownership(of: connection)
            warnings.append("\(path) is read as an immutable file (its directory cannot be written); changes made meanwhile by others are not seen")
        }
        try migrator.checkNotNewer(connection)
        if ownership == .articleStore {
            let blockers = try SchemaVerifier(migrations: migrator.migrations).verify(connection, version: try migrator.appliedVersion(in: connection))
            if mode.isWritable, let blocker = blockers.first {
                throw ArticleStoreError.writesBlocked(path: path, object: blocker.object, dropSQL: blocker.dropSQL)
            }
        }
        let migrating = (mode.isWritable || inMemory) && migrations == .apply
        if ownership == .empty && !migrating && migrations != .inspect {
            throw ArticleStoreError.notAnArticleStore(path: path, reason: "the database is empty")
        }
        if !(ownership == .empty && migrations == .inspect) {
            if !inMemory { try connection.enableWriteAheadLog() }
            if migrating {
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
        self.warnings = warnings
        database = DatabasePool(writer: connection, readerMode: inMemory ? nil : .readOnly)
    }

    /// Refuses a path that exists and is not a regular file (a directory, a device such as
    /// `/dev/null`, a FIFO): SQLite would read it, or create `-journal` files beside it.
    private static func checkIsRegularFile(_ path: String) throws {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let type = (try? FileManager.default.attributesOfItem(atPath: resolved))?[.type] as? FileAttributeType else { return }
        guard type == .typeRegular else {
            let kind = type == .typeDirectory ? "a directory" : type == .typeCharacterSpecial || type == .typeBlockSpecial ? "a device" : "not a regular file"
            throw ArticleStoreError.invalidInput("\(path) is \(kind); a store is a regular file")
        }
    }

    /// Creates a new store at `path` (or opens and migrates an existing one).
    @discardableResult
    public static func create(at path: String) throws -> ArticleStore {
        try ArticleStore(path: path, mode: .readWriteCreate)
    }

    /// A new, empty store in memory.
    public static func inMemory() throws -> ArticleStore {
        try ArticleStore(path: ":memory:")
    }

    /// Whether the store lives in memory.
    public var isInMemory: Bool { path == ":memory:" }

    // MARK: Connections

    /// Runs `body` with a connection for reading (see ``DatabasePool/read(_:)``).
    func read<T>(_ body: (Connection) throws -> T) throws -> T { try database.read(body) }

    /// Runs `body` with the writer connection, one writer at a time.
    func write<T>(_ body: (Connection) throws -> T) throws -> T { try database.write(body) }

    /// Runs `body` on a background thread and returns its result to the awaiting task, so that
    /// SQLite's blocking calls never occupy Swift's cooperative thread pool.
    func background<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try body() })
            }
        }
    }

    /// The gazetteer extraction uses: built-in entries plus the store's user entities. Built on
    /// first use; ``invalidateGazetteer()`` after imports and merges.
    func gazetteer(_ connection: Connection) -> Gazetteer {
        gazetteerCache.value {
            Gazetteer(extra: (try? userGazetteerEntries(connection)) ?? [], analyzer: analyzer)
        }
    }

    func invalidateGazetteer() { gazetteerCache.clear() }

    // MARK: Schema

    /// The schema version of the file.
    public func schemaVersion() throws -> Int { try read { try migrator.appliedVersion(in: $0) } }

    /// The state of every migration.
    public func migrationStatus() throws -> [MigrationStatus] { try read { try migrator.status(of: $0) } }

    /// Applies pending migrations; returns those applied. Fails if an applied migration was
    /// modified, so it is never silently ignored.
    @discardableResult
    public func migrate() throws -> [Migration] {
        try write { connection in
            if let modified = try migrator.status(of: connection).first(where: { $0.state == .modified }) {
                throw ArticleStoreError.migrationChecksumMismatch(version: modified.version, name: modified.name)
            }
            return try migrator.migrate(connection)
        }
    }

    // MARK: Statistics

    /// Counts and sizes of the store.
    public func statistics() throws -> StoreStatistics {
        try read { connection in
            func count(_ table: String) throws -> Int {
                Int(try connection.scalar("SELECT count(*) FROM \(table)").int64 ?? 0)
            }
            let pageCount = try connection.scalar("PRAGMA page_count").int64 ?? 0
            let pageSize = try connection.scalar("PRAGMA page_size").int64 ?? 0
            func fileSize(_ path: String) -> Int64 {
                (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
            }
            let articles = try count("articles")
            var warnings: [String] = []
            let indexed = try count("articles_fts_docsize")
            if indexed != articles {
                warnings.append("the full-text index has \(indexed) rows for \(articles) articles; searches miss or miscount articles until it is rebuilt")
            }
            if try SignatureBandIndex(connection: connection).isBehind() {
                warnings.append("the near-duplicate band index is behind (an interrupted run); the next write or optimize catches it up")
            }
            return StoreStatistics(
                articles: articles,
                sources: try count("sources"),
                tags: try count("tags"),
                entities: try count("entities"),
                mentions: try count("mentions"),
                schemaVersion: try migrator.appliedVersion(in: connection),
                databaseBytes: pageCount * pageSize,
                fileBytes: isInMemory ? 0 : fileSize(path) + fileSize(path + "-wal"),
                sqliteVersion: SQLiteLibrary.version,
                warnings: warnings
            )
        }
    }
}
