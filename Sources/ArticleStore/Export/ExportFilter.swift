/// Which articles an export writes: all, or those matching a query, a source, a date.
public struct ExportFilter: Sendable, Equatable {
    /// A search query (the query syntax of ``QueryParser``), matched in all-words mode.
    public var query: String?
    /// Only this source (any spelling).
    public var source: String?
    /// Only articles published on or after this date (`YYYY[-MM[-DD]]`).
    public var since: String?

    public init(query: String? = nil, source: String? = nil, since: String? = nil) {
        self.query = query
        self.source = source
        self.since = since
    }
}
