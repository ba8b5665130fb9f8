extension ArticleStore {
    /// The article with `id`, with its tags, links, similar headlines and entities; nil if none.
    public func article(id: Int64) throws -> StoredArticle? {
        try read { try ArticleReader(connection: $0).article(id: id) }
    }

    /// The article with `id`, read off the caller's thread.
    public func article(id: Int64) async throws -> StoredArticle? {
        try await background { try self.article(id: id) }
    }

    /// The articles `selection` selects, newest first (by published date, then id), one page.
    ///
    /// ```swift
    /// let latest = try store.articles(ArticleSelection(sources: ["alwatan.com"]), limit: 20)
    /// ```
    public func articles(_ selection: ArticleSelection = .all, limit: Int = 50, offset: Int = 0) throws -> [ArticleListing] {
        try read { connection in
            try ArticleReader(connection: connection)
                .listings(SelectionSQL(selection, analyzer: analyzer, connection: connection), limit: limit, offset: offset)
        }
    }

    /// One page of listings, read off the caller's thread.
    public func articles(_ selection: ArticleSelection = .all, limit: Int = 50, offset: Int = 0) async throws -> [ArticleListing] {
        try await background { try self.articles(selection, limit: limit, offset: offset) }
    }

    /// The ids of every article `selection` selects, ascending.
    public func articleIDs(_ selection: ArticleSelection = .all) throws -> [Int64] {
        try read { try SelectionSQL(selection, analyzer: analyzer, connection: $0).ids($0) }
    }
}
