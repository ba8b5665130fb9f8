/// A canonical tag: its display spelling (the most frequent one), its key, and its article count.
public struct TagSummary: Sendable, Equatable, Codable {
    public let id: Int64
    /// The most frequent original spelling.
    public let name: String
    /// The analyzed form all spellings share.
    public let key: String
    /// Articles with this tag.
    public let articles: Int
}
