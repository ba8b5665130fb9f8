/// A canonical tag: its display spelling (the most frequent one), its key, and its article count.
public struct TagSummary: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let key: String
    public let articles: Int
}
