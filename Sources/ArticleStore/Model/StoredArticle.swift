/// An article as stored, with everything attached to it: what `articles show` prints.
public struct StoredArticle: Sendable, Equatable {
    /// A linked article (embedded story or related entry), in page order.
    public struct LinkedArticle: Sendable, Equatable {
        public let id: Int64
        public let title: String?
        public let body: String
        public let isPartial: Bool
    }

    /// A "similar articles" headline, and the stored article with the same title if any.
    public struct SimilarHeadline: Sendable, Equatable {
        public let headline: String
        public let linkedArticleID: Int64?
    }

    /// One mention of an entity in this article.
    public struct Mention: Sendable, Equatable {
        public let field: String
        /// Code-point offsets into the field's original text.
        public let start: Int
        public let end: Int
        public let surface: String
        public let isAdjective: Bool
    }

    /// An entity mentioned in this article, with its mentions.
    public struct EntityMentions: Sendable, Equatable {
        public let id: Int64
        public let name: String
        public let type: String
        public let mentions: [Mention]
    }

    public let id: Int64
    public let title: String?
    public let body: String
    public let dateline: String?
    public let agency: String?
    public let source: String?
    public let sourceDomain: String?
    public let url: String?
    public let published: String?
    public let modified: String?
    public let language: String?
    public let authors: [String]
    public let description: String?
    public let kind: ArticleKind
    public let isPartial: Bool
    public let rest: String?
    /// Unknown input fields, as a JSON object's text.
    public let extra: String?
    public let contentHash: String
    public let originPath: String?
    public let originLine: Int?
    public let ingestedAt: String
    /// Tags in this article's original spelling, in input order.
    public let tags: [String]
    public let embedded: [LinkedArticle]
    public let related: [LinkedArticle]
    public let similar: [SimilarHeadline]
    public let entities: [EntityMentions]
    /// Articles that list this one as embedded or related (the page it came from).
    public let parents: [Int64]

    /// The title, or the body's opening words when there is none.
    public var displayTitle: String { title ?? ArticleListing.openingWords(body) }
}
