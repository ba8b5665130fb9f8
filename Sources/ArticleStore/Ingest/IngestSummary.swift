/// One input that could not be ingested (a file, or a record inside one).
public struct IngestFailure: Sendable, Equatable, Codable {
    /// The file ("-" for stdin).
    public let path: String
    /// One line saying what is wrong, with line/column or byte offset where known.
    public let message: String
}

/// What an ingest run did.
public struct IngestSummary: Sendable, Equatable, Codable {
    /// Files (and stdin) read.
    public var files = 0
    /// Articles stored, including embedded stories and related articles.
    public var added = 0
    /// Articles skipped because they were already stored.
    public var duplicates = 0
    /// Articles skipped as near-duplicates (`skipNearDuplicates`).
    public var nearDuplicates = 0
    /// Articles updated in place (`replace`).
    public var replaced = 0
    /// Inputs that failed; the rest was ingested.
    public var failures: [IngestFailure] = []
    /// Bytes of input read.
    public var bytes = 0
    /// Wall-clock seconds.
    public var seconds = 0.0

    /// True when every input was ingested.
    public var succeeded: Bool { failures.isEmpty }
}

/// Progress of a running ingest, reported to the caller's handler.
public struct IngestProgress: Sendable, Codable {
    public var filesDone: Int
    /// Files to read in all, when known.
    public var filesTotal: Int?
    public var added: Int
    public var duplicates: Int
    public var failed: Int
    public var bytes: Int
    public var seconds: Double
}
