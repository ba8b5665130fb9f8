/// A search: words (optional when filters are given) and filters.
public struct SearchQuery: Sendable, Equatable {
    /// How the words combine.
    public enum Mode: String, Sendable, CaseIterable {
        /// Every word must match (the default).
        case all
        /// Any word may match; more matches rank higher. For pasted questions and sentences.
        case any
    }

    public var expression: QueryExpression?
    public var filters: SearchFilters
    public var mode: Mode

    public init(expression: QueryExpression? = nil, filters: SearchFilters = SearchFilters(), mode: Mode = .all) {
        self.expression = expression
        self.filters = filters
        self.mode = mode
    }

    /// Parses the query syntax (see ``QueryParser``).
    public init(parsing text: String, mode: Mode = .all) throws {
        self = try QueryParser().parse(text, mode: mode)
    }
}
