import ArabicText

extension ArticleStore {
    /// Ingests files, directories (recursively) and `-` (stdin).
    ///
    /// Formats are detected from extension and content unless ``IngestOptions/format`` is set.
    /// Articles already stored (same content hash) are skipped, or updated with
    /// ``IngestOptions/replace``. A bad file or record is reported in
    /// ``IngestSummary/failures`` and the rest is ingested. Errors of the store itself (disk
    /// full, locked, read-only) stop the run and throw; batches committed before stay.
    /// Readers on other threads see each batch as it commits.
    ///
    /// ```swift
    /// let summary = try store.ingest(["seeds/"]) { progress in print(progress.added) }
    /// print(summary.added, summary.duplicates, summary.failures.count)
    /// ```
    public func ingest(_ paths: [String], options: IngestOptions = IngestOptions(),
                       progress: ((IngestProgress) -> Void)? = nil) throws -> IngestSummary {
        try write { connection in
            let ingestor = Ingestor(connection: connection, analyzer: analyzer,
                                    gazetteer: options.extractEntities ? gazetteer(connection) : nil,
                                    options: options, progress: progress)
            return try ingestor.run(paths)
        }
    }

    /// Ingests off the caller's thread; `progress` is called on the ingesting thread.
    public func ingest(_ paths: [String], options: IngestOptions = IngestOptions(),
                       progress: (@Sendable (IngestProgress) -> Void)? = nil) async throws -> IngestSummary {
        try await background { try self.ingest(paths, options: options, progress: progress) }
    }

    /// Stores one article (with its embedded stories, related articles, tags and similar
    /// headlines) in its own transaction.
    @discardableResult
    public func add(_ article: Article, replace: Bool = false) throws -> AddResult {
        try add(contentsOf: [article], replace: replace)[0]
    }

    /// Stores one article off the caller's thread.
    @discardableResult
    public func add(_ article: Article, replace: Bool = false) async throws -> AddResult {
        try await background { try self.add(article, replace: replace) }
    }

    /// Stores articles in one transaction: all of them, or none when one fails. Returns what
    /// happened to each, in order.
    @discardableResult
    public func add(contentsOf articles: [Article], replace: Bool = false) throws -> [AddResult] {
        try write { connection in
            let writer = ArticleWriter(connection: connection, analyzer: analyzer, gazetteer: gazetteer(connection))
            return try WriteBatch.run(connection: connection, writer: writer) { batch in
                try articles.map { try batch.add(writer.preparer.prepare($0), replace: replace) }
            }
        }
    }

    /// Stores articles in one transaction, off the caller's thread.
    @discardableResult
    public func add(contentsOf articles: [Article], replace: Bool = false) async throws -> [AddResult] {
        try await background { try self.add(contentsOf: articles, replace: replace) }
    }

    /// Parses an aggregator page without storing it.
    public func parsePage(_ text: String) throws -> Article {
        try AggregatorPageParser(analyzer: analyzer).parse(text)
    }
}
