import Foundation

/// The connections of one store: one writer, used by one thread at a time, and a pool of
/// read-only connections for concurrent readers (WAL lets them read while the writer writes,
/// each seeing the last committed state). Stores in memory, and temporary ones, have one
/// connection only: reads wait for it like writes do.
///
/// Nested use on one thread reuses the connection the thread already holds, so a read inside a
/// write sees the write's uncommitted rows and a read inside a read does not take a second
/// connection from the pool.
final class DatabasePool: @unchecked Sendable {
    /// The connection all writes go through (also reads on single-connection stores).
    let writer: Connection
    private let writerLock = NSRecursiveLock()
    private let readerMode: OpenMode?
    private let maximumReaders: Int
    private let readers = NSCondition()
    private var idleReaders: [Connection] = []
    private var openReaders = 0
    /// The thread-dictionary key under which a thread records the connection it holds.
    private let threadKey: String

    /// - Parameter readerMode: how to open reader connections; nil for a store with one
    ///   connection (in memory, temporary, or not in WAL mode).
    init(writer: Connection, readerMode: OpenMode?, maximumReaders: Int = max(2, ProcessInfo.processInfo.activeProcessorCount)) {
        self.writer = writer
        self.readerMode = readerMode
        self.maximumReaders = maximumReaders
        threadKey = "ArticleStore.DatabasePool." + String(UInt(bitPattern: ObjectIdentifier(writer).hashValue))
    }

    /// Whether reads can run beside the writer on their own connections.
    var hasReaders: Bool { readerMode != nil }

    /// Runs `body` with the writer connection, after any other thread's write has finished.
    func write<T>(_ body: (Connection) throws -> T) throws -> T {
        writerLock.lock()
        defer { writerLock.unlock() }
        return try holding(writer, body)
    }

    /// Runs `body` with a connection for reading: the one this thread already holds, else a
    /// reader from the pool in a read transaction (one snapshot for all of `body`'s statements),
    /// else, on single-connection stores, the writer.
    func read<T>(_ body: (Connection) throws -> T) throws -> T {
        if let held = Thread.current.threadDictionary[threadKey] as? Connection { return try body(held) }
        guard let readerMode else { return try write(body) }
        let connection = try checkOut(readerMode)
        defer { checkIn(connection) }
        return try holding(connection) { connection in
            try connection.execute("BEGIN DEFERRED")
            defer { if connection.isInTransaction { try? connection.execute("COMMIT") } }
            return try body(connection)
        }
    }

    private func holding<T>(_ connection: Connection, _ body: (Connection) throws -> T) throws -> T {
        let dictionary = Thread.current.threadDictionary
        let previous = dictionary[threadKey]
        dictionary[threadKey] = connection
        defer { dictionary[threadKey] = previous }
        return try body(connection)
    }

    private func checkOut(_ mode: OpenMode) throws -> Connection {
        readers.lock()
        while idleReaders.isEmpty && openReaders >= maximumReaders { readers.wait() }
        if let connection = idleReaders.popLast() {
            readers.unlock()
            return connection
        }
        openReaders += 1
        readers.unlock()
        do {
            let connection = try Connection(path: writer.path, mode: mode, immutable: writer.isImmutable)
            try connection.execute("PRAGMA query_only = ON")
            return connection
        } catch {
            readers.lock()
            openReaders -= 1
            readers.signal()
            readers.unlock()
            throw error
        }
    }

    private func checkIn(_ connection: Connection) {
        readers.lock()
        idleReaders.append(connection)
        readers.signal()
        readers.unlock()
    }
}
