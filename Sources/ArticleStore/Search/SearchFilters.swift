/// Restrictions on which articles a search returns, besides its words. Values match in any
/// spelling (sources, tags and entities are compared after analysis). Several values of one
/// kind mean any of them; different kinds must all hold.
public struct SearchFilters: Sendable, Equatable {
    /// Source names (`المصدر`) or domains.
    public var sources: [String] = []
    /// Tags.
    public var tags: [String] = []
    /// Entity names or aliases.
    public var entities: [String] = []
    /// Language codes; `ar` also matches `ar-EG`.
    public var languages: [String] = []
    /// Published on or after this date (`YYYY-MM-DD`).
    public var after: String?
    /// Published before this date (`YYYY-MM-DD`).
    public var before: String?

    public init(sources: [String] = [], tags: [String] = [], entities: [String] = [], languages: [String] = [],
                after: String? = nil, before: String? = nil) {
        self.sources = sources
        self.tags = tags
        self.entities = entities
        self.languages = languages
        self.after = after
        self.before = before
    }

    /// True when nothing is restricted.
    public var isEmpty: Bool {
        sources.isEmpty && tags.isEmpty && entities.isEmpty && languages.isEmpty && after == nil && before == nil
    }
}
