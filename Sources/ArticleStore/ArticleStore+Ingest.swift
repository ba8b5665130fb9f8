import ArabicText

extension ArticleStore {
    /// Ingests files, directories (recursively) and `-` (stdin).
    ///
    /// Formats are detected from extension and content unless ``IngestOptions/format`` is set.
    /// Articles already stored (same content hash) are skipped, or updated with
    /// ``IngestOptions/replace``. A bad file or record is reported in
    /// ``IngestSummary/failures`` and the rest is ingested. Errors of the store itself (disk
    /// full, locked, read-only) stop the run and throw; batches committed before stay.
    ///
    /// ```swift
    /// let summary = try store.ingest(["seeds/"]) { progress in print(progress.added) }
    /// print(summary.added, summary.duplicates, summary.failures.count)
    /// ```
    public func ingest(_ paths: [String], options: IngestOptions = IngestOptions(),
                       progress: ((IngestProgress) -> Void)? = nil) throws -> IngestSummary {
        let ingestor = Ingestor(connection: connection, analyzer: analyzer, gazetteer: options.extractEntities ? gazetteer : nil,
                                options: options, progress: progress)
        return try ingestor.run(paths)
    }

    /// Stores one article (with its embedded stories, related articles, tags and similar
    /// headlines) in its own transaction.
    @discardableResult
    public func add(_ article: Article, replace: Bool = false) throws -> AddResult {
        let writer = ArticleWriter(connection: connection, analyzer: analyzer, gazetteer: gazetteer)
        return try connection.transaction {
            let result = try writer.add(article, replace: replace)
            try writer.finishBatch(final: true)
            return result
        }
    }

    /// Parses an aggregator page without storing it.
    public func parsePage(_ text: String) throws -> Article {
        try AggregatorPageParser(analyzer: analyzer).parse(text)
    }
}
