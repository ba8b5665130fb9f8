/// What ``ArticleStore/add(_:replace:)`` did with an article.
public enum AddResult: Sendable, Equatable, Codable {
    /// Stored as a new article with this id.
    case added(Int64)
    /// Already stored (same content hash) under this id; nothing changed.
    case duplicate(Int64)
    /// Already stored under this id and updated in place (`replace: true`).
    case replaced(Int64)
    /// Not stored: a near-duplicate (estimated similarity at or above the ingest threshold) of
    /// the stored article with this id.
    case nearDuplicate(Int64)

    /// The article's id, whatever happened.
    public var id: Int64 {
        switch self {
        case let .added(id), let .duplicate(id), let .replaced(id), let .nearDuplicate(id): id
        }
    }
}
