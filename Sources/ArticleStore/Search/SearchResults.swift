/// One matching article. Its JSON (`Codable`) is what `articles search --format json` prints.
public struct SearchHit: Sendable, Equatable, Codable {
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

    package init(id: Int64, title: String?, displayTitle: String, source: String?, published: String?, kind: ArticleKind,
                 score: Double?, snippet: String, highlights: [Range<Int>], titleHighlights: [Range<Int>]) {
        self.id = id
        self.title = title
        self.displayTitle = displayTitle
        self.source = source
        self.published = published
        self.kind = kind
        self.score = score
        self.snippet = snippet
        self.highlights = highlights
        self.titleHighlights = titleHighlights
    }

    enum CodingKeys: String, CodingKey {
        case id, title
        case displayTitle = "display_title"
        case source, published, kind, score, snippet, highlights
        case titleHighlights = "title_highlights"
    }

    /// A highlighted range as JSON: offsets, and for the snippet the highlighted text.
    private struct Highlight: Codable {
        let start: Int
        let end: Int
        let text: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(start, forKey: .start)
            try container.encode(end, forKey: .end)
            try container.encodeIfPresent(text, forKey: .text)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(displayTitle, forKey: .displayTitle)
        try container.encode(source, forKey: .source)
        try container.encode(published, forKey: .published)
        try container.encode(kind, forKey: .kind)
        try container.encode(score, forKey: .score)
        try container.encode(snippet, forKey: .snippet)
        let scalars = Array(snippet.unicodeScalars)
        try container.encode(highlights.map { range in
            var text = String.UnicodeScalarView()
            if range.lowerBound >= 0, range.upperBound <= scalars.count { text.append(contentsOf: scalars[range]) }
            return Highlight(start: range.lowerBound, end: range.upperBound, text: String(text))
        }, forKey: .highlights)
        try container.encode(titleHighlights.map { Highlight(start: $0.lowerBound, end: $0.upperBound, text: nil) },
                             forKey: .titleHighlights)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int64.self, forKey: .id)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        displayTitle = try container.decode(String.self, forKey: .displayTitle)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        published = try container.decodeIfPresent(String.self, forKey: .published)
        kind = try container.decode(ArticleKind.self, forKey: .kind)
        score = try container.decodeIfPresent(Double.self, forKey: .score)
        snippet = try container.decode(String.self, forKey: .snippet)
        highlights = try container.decode([Highlight].self, forKey: .highlights).map { $0.start..<max($0.start, $0.end) }
        titleHighlights = try container.decode([Highlight].self, forKey: .titleHighlights).map { $0.start..<max($0.start, $0.end) }
    }
}

/// One value of a facet and how many matching articles have it.
public struct FacetCount: Sendable, Equatable, Codable {
    public let value: String
    /// For entities: their type.
    public let type: EntityType?
    public let count: Int

    package init(value: String, type: EntityType?, count: Int) {
        self.value = value
        self.type = type
        self.count = count
    }

    enum CodingKeys: String, CodingKey { case value, count, type }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(count, forKey: .count)
        try container.encodeIfPresent(type, forKey: .type)
    }
}

/// Counts by source, tag and entity over every match (not just the returned page).
public struct SearchFacets: Sendable, Equatable, Codable {
    public let sources: [FacetCount]
    public let tags: [FacetCount]
    public let entities: [FacetCount]
    /// Keyword tags computed from the text (the source's own tags are ``tags``).
    public let keywords: [FacetCount]
}

/// What ran: for `--explain` and for debugging relevance.
public struct SearchExplanation: Sendable, Equatable, Codable {
    /// The FTS5 expression bound to MATCH (analyzed terms, quoted), or nil for filter-only searches.
    public let matchExpression: String?
    /// The SQL of the result query.
    public let sql: String
    /// Its bound arguments, in order.
    public let arguments: [DatabaseValue]
    /// The analyzed terms that highlight in snippets.
    public let highlightTerms: [String]
    /// How the query was read where it was not valid syntax (read as text, left out), and why
    /// it matches nothing when it does not.
    public var notes: [String] = []

    enum CodingKeys: String, CodingKey {
        case matchExpression = "match"
        case sql, arguments
        case highlightTerms = "highlight_terms"
        case notes
    }

    package init(matchExpression: String?, sql: String, arguments: [DatabaseValue], highlightTerms: [String], notes: [String] = []) {
        self.matchExpression = matchExpression
        self.sql = sql
        self.arguments = arguments
        self.highlightTerms = highlightTerms
        self.notes = notes
    }
}

/// A page of results with the total count. Its JSON holds `total`, `results`, and `facets`
/// and `collapsed` when there are any.
public struct SearchResults: Sendable, Equatable, Codable {
    public let hits: [SearchHit]
    /// Matches in all, across pages.
    public let total: Int
    public let facets: SearchFacets?
    public let explanation: SearchExplanation
    /// With ``SearchOptions/collapseNearDuplicates``: for a shown hit, the near-duplicates hidden
    /// behind it (among the first matches, which is where collapsing looks).
    public var collapsed: [Int64: [Int64]] = [:]

    package init(hits: [SearchHit], total: Int, facets: SearchFacets?, explanation: SearchExplanation) {
        self.hits = hits
        self.total = total
        self.facets = facets
        self.explanation = explanation
    }

    enum CodingKeys: String, CodingKey {
        case total
        case hits = "results"
        case facets, collapsed, explanation
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(total, forKey: .total)
        try container.encode(hits, forKey: .hits)
        try container.encodeIfPresent(facets, forKey: .facets)
        if !collapsed.isEmpty {
            try container.encode(Dictionary(uniqueKeysWithValues: collapsed.map { (String($0.key), $0.value) }), forKey: .collapsed)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        total = try container.decode(Int.self, forKey: .total)
        hits = try container.decode([SearchHit].self, forKey: .hits)
        facets = try container.decodeIfPresent(SearchFacets.self, forKey: .facets)
        explanation = try container.decodeIfPresent(SearchExplanation.self, forKey: .explanation)
            ?? SearchExplanation(matchExpression: nil, sql: "", arguments: [], highlightTerms: [])
        let byString = try container.decodeIfPresent([String: [Int64]].self, forKey: .collapsed) ?? [:]
        collapsed = Dictionary(uniqueKeysWithValues: byString.compactMap { key, value in Int64(key).map { ($0, value) } })
    }
}
