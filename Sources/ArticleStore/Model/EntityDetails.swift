/// One entity in full: names, the articles that mention it, and the entities mentioned with it.
public struct EntityDetails: Sendable, Equatable {
    public let summary: EntitySummary
    public let aliases: [String]
    /// Articles that mention it, newest first.
    public let articles: [ArticleListing]
    /// Entities mentioned in the same articles, with the number of shared articles.
    public let cooccurring: [(entity: EntitySummary, articles: Int)]

    public static func == (lhs: EntityDetails, rhs: EntityDetails) -> Bool {
        lhs.summary == rhs.summary && lhs.aliases == rhs.aliases && lhs.articles == rhs.articles
            && lhs.cooccurring.map(\.entity) == rhs.cooccurring.map(\.entity)
            && lhs.cooccurring.map(\.articles) == rhs.cooccurring.map(\.articles)
    }
}
