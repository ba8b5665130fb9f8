/// How results are ordered, paged and decorated.
public struct SearchOptions: Sendable, Equatable {
    /// Result order.
    public enum Sort: String, Sendable, CaseIterable {
        /// Best match first (bm25 with field weights), newer first among equals.
        case relevance
        /// Newest first.
        case date
    }

    public var limit: Int
    public var offset: Int
    public var sort: Sort
    /// Compute counts by source, tag and entity over all matches.
    public var facets: Bool
    /// How many values each facet lists.
    public var facetLimit: Int
    /// Roughly how many words a snippet shows.
    public var snippetWords: Int
    /// bm25 weights of the title, body and tags columns.
    public var weights: (title: Double, body: Double, tags: Double)
    /// Show one article per group of near-duplicates (estimated similarity at or above this,
    /// 0...1); nil shows all. Hidden ids are in ``SearchResults/collapsed``.
    public var collapseNearDuplicates: Double?
    /// In all-words mode, rank documents that hold a query word's own form (كاميرون) above those
    /// that only share its stem (كاميرات), among the best 50 matches. On by default; any-word
    /// mode never applies it (it cost pasted questions more than it gained).
    public var preferExactForms = true
    /// How much term proximity adds to bm25: query words at most 12 index terms apart in the
    /// same field, each pair by 1/distance² (a BM25TP-style score computed from the positions
    /// FTS5 already reads). 0 ranks by bm25 alone. Chosen with ``bm25Parameters`` on ARCD and
    /// the real-news known-item set (`articles-bench retrieval`), each half of the queries
    /// judged by the other; the window of 12 on the known-item set.
    public var proximityWeight = 1.0
    /// BM25's term-frequency saturation (k1) and length normalization (b). FTS5's own `bm25()`
    /// uses (1.2, 0.75); longer news articles are normalized harder here.
    public var bm25Parameters: (k1: Double, b: Double) = (1.2, 0.9)
    /// The lead of the body: a query word among its first `words` index terms (stopwords not
    /// counted) counts `1 + weight` times, since news says what an article is about in its
    /// opening. Weight 0 turns it off. Chosen on ARCD and the real-news known-item set
    /// (`articles-bench retrieval`, `LEAD=weight:words,...`): weight 1 over 40 words raised
    /// both halves of both (ARCD 0.813 → 0.816, known item 0.674 → 0.680); 20 to 40 words and
    /// weights 0.5 to 2 did about as well, 80 words less.
    public var lead: (weight: Double, words: Int) = (1, 40)
    /// Entity-aware ranking: when the query names entities the store knows (a run of query
    /// words that is an entity's name or alias), each of the best 50 matches gains up to this
    /// share of the best score, as far as it mentions those names (twice each counts fully).
    /// 0 turns it off. Chosen on ARCD and the real-news known-item set (`articles-bench
    /// retrieval`, `ENTITY_WEIGHTS`): 0.2 helped both halves of both; 0.5 and more hurt.
    public var entityWeight = 0.2

    public init(limit: Int = 10, offset: Int = 0, sort: Sort = .relevance, facets: Bool = false, facetLimit: Int = 10,
                snippetWords: Int = 30, weights: (title: Double, body: Double, tags: Double) = (3, 1, 2),
                collapseNearDuplicates: Double? = nil) {
        self.collapseNearDuplicates = collapseNearDuplicates
        self.limit = limit
        self.offset = offset
        self.sort = sort
        self.facets = facets
        self.facetLimit = facetLimit
        self.snippetWords = snippetWords
        self.weights = weights
    }

    public static func == (lhs: SearchOptions, rhs: SearchOptions) -> Bool {
        lhs.limit == rhs.limit && lhs.offset == rhs.offset && lhs.sort == rhs.sort && lhs.facets == rhs.facets
            && lhs.facetLimit == rhs.facetLimit && lhs.snippetWords == rhs.snippetWords
            && lhs.collapseNearDuplicates == rhs.collapseNearDuplicates && lhs.preferExactForms == rhs.preferExactForms
            && lhs.proximityWeight == rhs.proximityWeight && lhs.entityWeight == rhs.entityWeight
            && lhs.bm25Parameters.k1 == rhs.bm25Parameters.k1 && lhs.bm25Parameters.b == rhs.bm25Parameters.b
            && lhs.lead.weight == rhs.lead.weight && lhs.lead.words == rhs.lead.words
            && lhs.weights.title == rhs.weights.title && lhs.weights.body == rhs.weights.body && lhs.weights.tags == rhs.weights.tags
    }
}
