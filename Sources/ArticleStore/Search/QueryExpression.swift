/// A full-text query as a tree, built by ``QueryParser`` from the string syntax or directly by
/// Swift callers. Words are given as the user wrote them: the search engine analyzes them with
/// the same analyzer that indexed the articles.
///
/// ```swift
/// let expression: QueryExpression = .and([.word("إيران"), .or([.word("روسيا"), .phrase("الولايات المتحدة")]),
///                                         .not(.word("النفط"))])
/// ```
public indirect enum QueryExpression: Sendable, Hashable, Codable {
    /// One word, optionally only as a prefix (`تعاو*`) and only in one field.
    case term(String, prefix: Bool, field: SearchField?)
    /// Words that must appear in this order (`"التعاون العسكري"`).
    case phrase(String, field: SearchField?)
    /// Every part must match.
    case and([QueryExpression])
    /// Any part may match.
    case or([QueryExpression])
    /// Excludes articles that match; only meaningful inside ``and(_:)``.
    case not(QueryExpression)

    /// A word in any field.
    public static func word(_ text: String) -> QueryExpression { .term(text, prefix: false, field: nil) }
    /// A phrase in any field.
    public static func phrase(_ text: String) -> QueryExpression { .phrase(text, field: nil) }
}

/// The text fields a term can be restricted to (`title:word`).
public enum SearchField: String, Sendable, Hashable, Codable, CaseIterable {
    case title
    case body
    case tags

    /// The FTS5 column holding this field's analyzed text.
    var column: String {
        switch self {
        case .title: "title_terms"
        case .body: "body_terms"
        case .tags: "tags_terms"
        }
    }
}
