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
    /// Inputs that failed, the first ``maximumListed`` of them; the rest was ingested.
    public var failures: [IngestFailure] = []
    /// How many inputs failed in all (``failures`` lists at most ``maximumListed``).
    public var failureCount = 0
    /// Paths left out on purpose (hidden files, SQLite files, FIFOs and devices met in a
    /// directory walk), the first ``maximumListed`` of them, with the reason.
    public var skipped: [IngestFailure] = []
    /// How many paths were left out in all.
    public var skippedCount = 0
    /// Dates (published or modified) that could not be read: stored as given in
    /// `published_raw`/`modified_raw`, with NULL in the normalized column.
    public var unreadableDates = 0
    /// Bytes of input read.
    public var bytes = 0
    /// Wall-clock seconds.
    public var seconds = 0.0

    /// True when every input was ingested.
    public var succeeded: Bool { failureCount == 0 }

    /// The most failures and skipped paths listed; more are counted, so memory stays bounded
    /// whatever the input.
    public static let maximumListed = 1000

    /// Records a failure (listed while there is room, always counted).
    mutating func recordFailure(_ failure: IngestFailure) {
        failureCount += 1
        if failures.count < Self.maximumListed { failures.append(failure) }
    }

    /// Records a skipped path.
    mutating func recordSkip(_ path: String, reason: String) {
        skippedCount += 1
        if skipped.count < Self.maximumListed { skipped.append(IngestFailure(path: path, message: reason)) }
    }
}

/// Progress of a running ingest, reported to the caller's handler.
public struct IngestProgress: Sendable, Codable {
    public var filesDone: Int
    /// Files to read in all, when known.
    public var filesTotal: Int?
    public var added: Int
    public var duplicates: Int
    public var failed: Int
    /// Bytes read so far, across all inputs.
    public var bytes: Int
    public var seconds: Double
    /// Bytes of all inputs, when known (not for stdin or FIFOs).
    public var bytesTotal: Int?
    /// Articles stored in committed batches: what stays if the run stops now.
    public var committed: Int

    /// The share of the input read, 0...1, when the total is known.
    public var fraction: Double? {
        guard let bytesTotal, bytesTotal > 0 else { return nil }
        return min(1, Double(bytes) / Double(bytesTotal))
    }

    /// Seconds left at the rate so far, when the total is known.
    public var secondsLeft: Double? {
        guard let fraction, fraction > 0.01, seconds > 0 else { return nil }
        return seconds / fraction - seconds
    }
}
