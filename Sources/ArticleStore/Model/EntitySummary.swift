/// An entity with how often the store mentions it.
public struct EntitySummary: Sendable, Equatable, Codable {
    public let id: Int64
    public let name: String
    public let type: EntityType
    /// `builtin`, `extracted` or `user`.
    public let origin: String
    public let mentions: Int
    public let articles: Int
}
