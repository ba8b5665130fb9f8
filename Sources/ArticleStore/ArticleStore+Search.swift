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
        try SearchEngine(connection: connection, analyzer: analyzer).search(query, options: options)
    }

    /// Searches with an FTS5 expression over the analyzed columns (`title_terms`, `body_terms`,
    /// `tags_terms`), for experts; `articles analyze` shows the terms to use. FTS5 syntax errors
    /// become ``ArticleStoreError/invalidQuery(message:position:)``.
    public func searchRaw(_ expression: String, filters: SearchFilters = SearchFilters(),
                          options: SearchOptions = SearchOptions()) throws -> SearchResults {
        try SearchEngine(connection: connection, analyzer: analyzer).searchRaw(expression, filters: filters, options: options)
    }
}
