/// Which articles a call works on: the one selection type that search, listing, export,
/// deletion and near-duplicate clustering share, so that the same values select the same
/// articles everywhere.
///
/// Words (``expression``) are matched through the full-text index; the filters restrict by
/// source, tag, entity, kind, language and publication date. Names match in any spelling (they
/// are compared after analysis); a source also matches by its web domain, with or without
/// `www.`. Several values of one filter mean any of them; different filters must all hold.
///
/// ```swift
/// var selection = try ArticleSelection(parsing: "التعاون العسكري source:alwatan.com")
/// selection.after = "2024-01"
/// let page = try store.search(selection)
/// let sameArticles = try store.articles(selection, limit: 1000)
/// ```
public struct ArticleSelection: Sendable, Hashable, Codable {
    /// How the words of a query combine.
    public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
        /// Every word must match (phrases and operators as written).
        case all
        /// Any word may match; ranking puts articles with more of them first (for pasted
        /// questions and sentences).
        case any
    }

    /// Everything: no words, no filters.
    public static let all = ArticleSelection()

    /// The words, phrases and operators to match; nil selects by filters alone.
    public var expression: QueryExpression?
    /// How the words combine.
    public var mode: Mode
    /// Source names (`المصدر`) or web domains.
    public var sources: [String]
    /// Tags.
    public var tags: [String]
    /// Whether ``tags`` also match the keyword tags computed from the text (the article's
    /// `keywords`), not only the source's own tags.
    public var includeKeywordTags = false
    /// Entity names or aliases.
    public var entities: [String]
    /// Entity ids.
    public var entityIDs: [Int64]
    /// Kinds of article (all when empty).
    public var kinds: [ArticleKind]
    /// Language codes; `ar` also matches `ar-EG`.
    public var languages: [String]
    /// Published on or after this date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    public var after: String?
    /// Published before this date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    public var before: String?
    /// How parsing read text it could not take as syntax (an unbalanced quote, a stray
    /// operator...): each note says what was read as plain text or left out. Empty for
    /// selections built in Swift.
    public var notes: [String] = []

    /// A selection built in Swift.
    public init(expression: QueryExpression? = nil, mode: Mode = .all, sources: [String] = [], tags: [String] = [],
                entities: [String] = [], entityIDs: [Int64] = [], kinds: [ArticleKind] = [], languages: [String] = [],
                after: String? = nil, before: String? = nil) {
        self.expression = expression
        self.mode = mode
        self.sources = sources
        self.tags = tags
        self.entities = entities
        self.entityIDs = entityIDs
        self.kinds = kinds
        self.languages = languages
        self.after = after
        self.before = before
    }

    /// Parses the query syntax (words, `"phrases"`, `OR`, `-word`, `prefix*`, groups,
    /// `title:` `body:` `tags:`, and the filters `source:` `tag:` `entity:` `lang:`
    /// `after:` `before:`); see the Query Syntax article.
    ///
    /// Parsing is forgiving: text that is not valid syntax (pasted headlines with one quote
    /// mark, a stray bracket or operator) is read as plain text, and ``notes`` say how.
    /// - Parameter strict: throw on such text instead.
    /// - Throws: with `strict`, ``ArticleStoreError/invalidQuery(message:position:)`` when the
    ///   text is malformed, too long, or holds neither words nor filters.
    public init(parsing text: String, mode: Mode = .all, strict: Bool = false) throws {
        self = try QueryParser(strict: strict).parse(text, mode: mode)
    }

    /// Whether any filter (anything besides the words) restricts the selection.
    public var hasFilters: Bool {
        !(sources.isEmpty && tags.isEmpty && entities.isEmpty && entityIDs.isEmpty && kinds.isEmpty
          && languages.isEmpty && after == nil && before == nil)
    }

    /// This selection with the filters of `other` added (words and mode stay).
    public func adding(filtersOf other: ArticleSelection) -> ArticleSelection {
        var merged = self
        merged.sources += other.sources
        merged.tags += other.tags
        merged.includeKeywordTags = merged.includeKeywordTags || other.includeKeywordTags
        merged.entities += other.entities
        merged.entityIDs += other.entityIDs
        merged.kinds += other.kinds
        merged.languages += other.languages
        if let after = other.after { merged.after = max(merged.after ?? after, after) }
        if let before = other.before { merged.before = min(merged.before ?? before, before) }
        return merged
    }
}
