/// One entity in full: names, the articles that mention it, and the entities mentioned with it.
public struct EntityDetails: Sendable, Equatable, Codable {
    public let summary: EntitySummary
    public let aliases: [String]
    /// Articles that mention it, newest first.
    public let articles: [ArticleListing]
    /// Entities mentioned in the same articles, with the number of shared articles.
    public let cooccurring: [EntityCooccurrence]

}

/// An entity named in the same articles as another, and in how many of them.
public struct EntityCooccurrence: Sendable, Equatable, Codable {
    public let entity: EntitySummary
    /// Articles that name both.
    public let articles: Int
}

/// A tag used on the same articles as another, and on how many of them.
public struct TagCooccurrence: Sendable, Equatable, Codable {
    public let tag: TagSummary
    /// Articles that have both.
    public let shared: Int
}
