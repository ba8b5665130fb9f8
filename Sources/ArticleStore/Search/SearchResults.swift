/// One matching article.
public struct SearchHit: Sendable, Equatable {
    public let id: Int64
    /// The stored title (nil when the input had none).
    public let title: String?
    /// The title, or the body's opening words.
    public let displayTitle: String
    public let source: String?
    public let published: String?
    public let kind: ArticleKind
    /// bm25 score (higher is better); nil for filter-only searches.
    public let score: Double?
    /// A passage of the original text around the best match (line breaks shown as spaces).
    public let snippet: String
    /// Matched words in ``snippet``, as code-point (Unicode scalar) offset ranges.
    public let highlights: [Range<Int>]
    /// Matched words in ``displayTitle``, as code-point offset ranges.
    public let titleHighlights: [Range<Int>]
}

/// One value of a facet and how many matching articles have it.
public struct FacetCount: Sendable, Equatable {
    public let value: String
    /// For entities: PERSON, LOCATION or ORGANIZATION.
    public let type: String?
    public let count: Int
}

/// Counts by source, tag and entity over every match (not just the returned page).
public struct SearchFacets: Sendable, Equatable {
    public let sources: [FacetCount]
    public let tags: [FacetCount]
    public let entities: [FacetCount]
}

/// What ran: for `--explain` and for debugging relevance.
public struct SearchExplanation: Sendable, Equatable {
    /// The FTS5 expression bound to MATCH (analyzed terms, quoted), or nil for filter-only searches.
    public let matchExpression: String?
    /// The SQL of the result query.
    public let sql: String
    /// Its bound arguments, in order.
    public let arguments: [DatabaseValue]
    /// The analyzed terms that highlight in snippets.
    public let highlightTerms: [String]
}

/// A page of results with the total count.
public struct SearchResults: Sendable, Equatable {
    public let hits: [SearchHit]
    /// Matches in all, across pages.
    public let total: Int
    public let facets: SearchFacets?
    public let explanation: SearchExplanation
    /// With ``SearchOptions/collapseNearDuplicates``: for a shown hit, the near-duplicates hidden
    /// behind it (among the first matches, which is where collapsing looks).
    public var collapsed: [Int64: [Int64]] = [:]
}
