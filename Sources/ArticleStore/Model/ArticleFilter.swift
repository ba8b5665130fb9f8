/// Which articles `list` returns. Source and tag match in any spelling (they are compared after
/// analysis).
public struct ArticleFilter: Sendable, Equatable {
    public var source: String?
    public var tag: String?
    /// Only articles that mention this entity (id).
    public var entityID: Int64?
    /// Only articles of these kinds (all when empty).
    public var kinds: [ArticleKind]
    public var limit: Int
    public var offset: Int

    public init(source: String? = nil, tag: String? = nil, entityID: Int64? = nil, kinds: [ArticleKind] = [],
                limit: Int = 50, offset: Int = 0) {
        self.source = source
        self.tag = tag
        self.entityID = entityID
        self.kinds = kinds
        self.limit = limit
        self.offset = offset
    }
}
