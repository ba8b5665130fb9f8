/// The one owner of the write transaction protocol, for ingest and for `add`: opens the
/// transaction (`BEGIN IMMEDIATE`) at the first article, stores each article in its own
/// savepoint (a failed article leaves nothing behind, not even cached row ids), commits every
/// `size` articles after finishing the batch's deferred work (FTS rows, tag names, bands), and
/// rolls back what is not committed when the caller stops on an error.
final class WriteBatch {
    private let connection: Connection
    let writer: ArticleWriter
    private let size: Int
    private var pending = 0
    /// Articles added (not counting duplicates) by this batch's writer that are committed.
    private(set) var committedAdded = 0

    /// A batch writing through `writer`, committing every `size` articles.
    init(connection: Connection, writer: ArticleWriter, size: Int = .max) {
        self.connection = connection
        self.writer = writer
        self.size = max(1, size)
    }

    /// Stores one prepared article (in a savepoint of the open transaction); commits when the
    /// batch is full.
    @discardableResult
    func add(_ article: PreparedArticle, replace: Bool) throws -> AddResult {
        if !connection.isInTransaction { try connection.execute("BEGIN IMMEDIATE") }
        let result = try writer.add(article, replace: replace)
        pending += 1
        if pending >= size { try commit(final: false) } else { try writer.flushIndexIfLarge() }
        return result
    }

    /// Finishes the batch's deferred work and commits; `final` at the end of a run also brings
    /// the near-duplicate band index up to date, including what an interrupted earlier run
    /// left behind (so every writing run repairs it).
    func commit(final: Bool) throws {
        if final, !connection.isInTransaction, try writer.bandIndexIsBehind() { try connection.execute("BEGIN IMMEDIATE") }
        guard connection.isInTransaction else { return }
        try writer.finishBatch(final: final)
        try connection.execute("COMMIT")
        pending = 0
        committedAdded = writer.counts.added
    }

    /// Undoes what is not committed (after an error that stops the run).
    func rollback() {
        if connection.isInTransaction { try? connection.execute("ROLLBACK") }
        writer.forgetCachedRows()
        pending = 0
    }

    /// Runs `body` with a batch and commits at the end; on error rolls back what `body` stored
    /// since the last commit and rethrows.
    static func run<T>(connection: Connection, writer: ArticleWriter, size: Int = .max,
                       _ body: (WriteBatch) throws -> T) throws -> T {
        let batch = WriteBatch(connection: connection, writer: writer, size: size)
        do {
            let result = try body(batch)
            try batch.commit(final: true)
            return result
        } catch {
            batch.rollback()
            throw error
        }
    }
}
