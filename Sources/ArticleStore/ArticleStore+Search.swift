extension ArticleStore {
    /// Searches with the query syntax (see ``QueryParser``).
    ///
    /// ```swift
    /// let results = try store.search("التعاون العسكري source:\"جريدة الوطن\"")
    /// for hit in results.hits { print(hit.id, hit.displayTitle, hit.snippet) }
    /// ```
    public func search(_ text: String, mode: SearchQuery.Mode = .all, options: SearchOptions = SearchOptions()) throws -> SearchResults {
        try search(SearchQuery(parsing: text, mode: mode), options: options)
    }

    /// Searches with a query built in Swift.
    public func search(_ query: SearchQuery, options: SearchOptions = SearchOptions()) throws -> SearchResults {
        let engine = SearchEngine(connection: connection, analyzer: analyzer)
        guard let threshold = options.collapseNearDuplicates else { return try engine.search(query, options: options) }
        // Rank a window of matches from the top, keep the first of each near-duplicate group,
        // then cut the requested page from what is kept.
        var window = options
        window.offset = 0
        window.limit = min(1000, max(50, (options.offset + options.limit) * 4))
        let ranked = try engine.search(query, options: window)
        let finder = try NearDuplicateFinder(connection: connection)
        var kept: [SearchHit] = []
        var collapsed: [Int64: [Int64]] = [:]
        var hiddenBy: [Int64: Int64] = [:]
        for hit in ranked.hits {
            if let owner = hiddenBy[hit.id] {
                collapsed[owner, default: []].append(hit.id)
                continue
            }
            kept.append(hit)
            if let signature = try SignatureBandIndex(connection: connection).signature(of: hit.id) {
                for (other, similarity) in try finder.candidates(of: signature, excluding: hit.id)
                    where similarity >= threshold && hiddenBy[other] == nil {
                    hiddenBy[other] = hit.id
                }
            }
        }
        let page = Array(kept.dropFirst(options.offset).prefix(options.limit))
        var results = SearchResults(hits: page, total: ranked.total, facets: ranked.facets, explanation: ranked.explanation)
        results.collapsed = collapsed.filter { owner, _ in page.contains { $0.id == owner } }
        return results
    }

    /// Searches with an FTS5 expression over the analyzed columns (`title_terms`, `body_terms`,
    /// `tags_terms`), for experts; `articles analyze` shows the terms to use. FTS5 syntax errors
    /// become ``ArticleStoreError/invalidQuery(message:position:)``.
    public func searchRaw(_ expression: String, filters: SearchFilters = SearchFilters(),
                          options: SearchOptions = SearchOptions()) throws -> SearchResults {
        try SearchEngine(connection: connection, analyzer: analyzer).searchRaw(expression, filters: filters, options: options)
    }
}
