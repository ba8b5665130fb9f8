extension ArticleStore {
    /// Searches with the query syntax (see ``ArticleSelection/init(parsing:mode:)``).
    ///
    /// ```swift
    /// let results = try store.search("التعاون العسكري source:\"جريدة الوطن\"")
    /// for hit in results.hits { print(hit.id, hit.displayTitle, hit.snippet) }
    /// ```
    public func search(_ text: String, mode: ArticleSelection.Mode = .all, options: SearchOptions = SearchOptions()) throws -> SearchResults {
        try search(ArticleSelection(parsing: text, mode: mode), options: options)
    }

    /// Searches off the caller's thread; searches from several tasks run at once.
    public func search(_ text: String, mode: ArticleSelection.Mode = .all, options: SearchOptions = SearchOptions()) async throws -> SearchResults {
        try await background { try self.search(text, mode: mode, options: options) }
    }

    /// Searches with a selection built in Swift (or parsed, then refined).
    public func search(_ selection: ArticleSelection, options: SearchOptions = SearchOptions()) throws -> SearchResults {
        try read { connection in
            let engine = SearchEngine(connection: connection, analyzer: analyzer)
            guard let threshold = options.collapseNearDuplicates else { return try engine.search(selection, options: options) }
            return try collapsing(engine.search, selection, options: options, threshold: threshold, connection: connection)
        }
    }

    /// Searches with a selection off the caller's thread.
    public func search(_ selection: ArticleSelection, options: SearchOptions = SearchOptions()) async throws -> SearchResults {
        try await background { try self.search(selection, options: options) }
    }

    /// Ranks a window of matches from the top, keeps the first of each near-duplicate group,
    /// then cuts the requested page from what is kept.
    private func collapsing(_ search: (ArticleSelection, SearchOptions) throws -> SearchResults, _ selection: ArticleSelection,
                            options: SearchOptions, threshold: Double, connection: Connection) throws -> SearchResults {
        var window = options
        window.offset = 0
        let wanted = options.offset.addingReportingOverflow(options.limit)
        window.limit = wanted.overflow ? 1000 : min(1000, max(50, wanted.partialValue.multipliedReportingOverflow(by: 4).partialValue))
        let ranked = try search(selection, window)
        let finder = try NearDuplicateFinder(connection: connection)
        let bands = SignatureBandIndex(connection: connection)
        var kept: [SearchHit] = []
        var collapsed: [Int64: [Int64]] = [:]
        var hiddenBy: [Int64: Int64] = [:]
        for hit in ranked.hits {
            if let owner = hiddenBy[hit.id] {
                collapsed[owner, default: []].append(hit.id)
                continue
            }
            kept.append(hit)
            if let signature = try bands.signature(of: hit.id) {
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
    /// `tags_terms`), for experts; `articles analyze` shows the terms to use. The filters of
    /// `filters` apply (its words are ignored). FTS5 syntax errors become
    /// ``ArticleStoreError/invalidQuery(message:position:)``.
    public func searchRaw(_ expression: String, filters: ArticleSelection = .all,
                          options: SearchOptions = SearchOptions()) throws -> SearchResults {
        try read { try SearchEngine(connection: $0, analyzer: analyzer).searchRaw(expression, filters: filters, options: options) }
    }
}
