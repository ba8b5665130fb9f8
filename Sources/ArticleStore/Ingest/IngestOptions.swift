/// How ``ArticleStore/ingest(_:options:progress:)`` reads and stores input.
public struct IngestOptions: Sendable {
    /// Force a format instead of detecting it from extension and content.
    public var format: InputFormat?
    /// Update articles that are already stored instead of skipping them.
    public var replace: Bool
    /// Articles per transaction. Larger batches load faster; a crash loses at most one batch
    /// (which a re-run adds again).
    public var batchSize: Int
    /// The largest JSON record (a JSON Lines line, or a whole page/JSON file) accepted, in bytes.
    public var maximumRecordBytes: Int
    /// Extract people, places and organizations while ingesting (off: faster bulk loads; run
    /// ``ArticleStore/rebuildEntities(progress:)`` later).
    public var extractEntities: Bool
    /// Compute keyword tags while ingesting (off: faster bulk loads; `check --repair`, see
    /// ``ArticleStore/check(repair:)``, computes the missing ones later).
    public var computeKeywords: Bool
    /// Skip an article whose estimated similarity (MinHash, 0...1) to a stored article reaches
    /// this; nil stores every distinct article.
    public var skipNearDuplicates: Double?

    /// Options; the defaults detect formats, skip stored articles, write batches of 10,000 and
    /// extract entities.
    public init(format: InputFormat? = nil, replace: Bool = false, batchSize: Int = 10_000,
                maximumRecordBytes: Int = 2 << 20, extractEntities: Bool = true,
                skipNearDuplicates: Double? = nil, computeKeywords: Bool = true) {
        self.format = format
        self.replace = replace
        self.batchSize = max(1, batchSize)
        self.maximumRecordBytes = maximumRecordBytes
        self.extractEntities = extractEntities
        self.computeKeywords = computeKeywords
        self.skipNearDuplicates = skipNearDuplicates
    }
}
