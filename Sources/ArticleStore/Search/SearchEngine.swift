import ArabicText

/// Runs searches: builds the FTS5 expression and the SQL (all user values bound as parameters),
/// ranks with bm25 and field weights (https://sqlite.org/fts5.html#the_bm25_function), then
/// cuts snippets from the original text.
struct SearchEngine {
    let connection: Connection
    let analyzer: Analyzer

    func search(_ selection: ArticleSelection, options: SearchOptions) throws -> SearchResults {
        // Named entities reorder the best matches only: a page past them needs none.
        let entities = options.entityWeight > 0 && options.sort == .relevance && options.offset < Self.exactWindow
            ? try selection.expression.map { try QueryEntities.find(in: $0, analyzer: analyzer, connection: connection) } : nil
        return try run(SelectionSQL(selection, analyzer: analyzer, connection: connection), options: options, raw: false, entities: entities)
    }

    /// Runs an FTS5 expression as given (for experts): its terms must already be analyzed.
    /// The words of `filters` are ignored; its filters apply.
    func searchRaw(_ expression: String, filters: ArticleSelection, options: SearchOptions) throws -> SearchResults {
        let terms = expression.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            .filter { !["AND", "OR", "NOT", "NEAR"].contains($0) }
        return try run(SelectionSQL(filters, match: expression, analyzer: analyzer, highlightTerms: terms), options: options, raw: true)
    }

    private func run(_ selection: SelectionSQL, options requested: SearchOptions, raw: Bool, entities: QueryEntities? = nil) throws -> SearchResults {
        // Pages past 2^40 results are empty anyway; capping there keeps offset + limit + 1 from
        // overflowing whatever the caller passes.
        var options = requested
        options.limit = min(max(0, options.limit), 1 << 40)
        options.offset = min(max(0, options.offset), 1 << 40)
        let (from, whereClause, arguments, match) = (selection.from, selection.whereClause, selection.arguments, selection.match)
        let (highlightTerms, highlightPrefixes) = (selection.highlightTerms, selection.highlightPrefixes)

        let score = match == nil ? "NULL" : Self.scoreSQL
        let scoreArguments: [DatabaseValue] = match == nil ? []
            : [.real(options.proximityWeight), .real(options.bm25Parameters.k1), .real(options.bm25Parameters.b), .real(options.weights.title), .real(options.weights.body), .real(options.weights.tags),
               .real(options.lead.weight), .integer(Int64(max(0, min(options.lead.words, 1 << 30))))]
        let byRelevance = options.sort == .relevance && match != nil
        func order(_ table: String) -> String {
            let recency = "\(table)published IS NULL, \(table)published DESC, \(table)id DESC"
            return byRelevance ? "\(table)score DESC, " + recency : recency
        }
        // Rank and cut the page on the index alone; read the article rows of the page only.
        let sql = """
            WITH page AS (
                SELECT a.id AS id, a.published AS published, \(score) AS score
                  FROM \(from)
                 \(whereClause)
                 ORDER BY \(order(""))
                 LIMIT ? OFFSET ?)
            SELECT page.id, x.title, x.body, s.name, page.published, x.kind, page.score
              FROM page
              JOIN articles AS x ON x.id = page.id
              LEFT JOIN sources AS s ON s.id = x.source_id
             ORDER BY \(order("page."))
            """
        // When a query word was shortened by the stemmer, rank a window of the best matches
        // again: documents with the word's own form first (كاميرون before كاميرات), bm25 within.
        let exactForms = byRelevance && !raw && options.preferExactForms ? selection.exactForms : []
        // Articles that mention an entity the query names move up the same window.
        let namedEntities = byRelevance && !raw ? entities.flatMap { $0.groups.isEmpty ? nil : $0 } : nil
        // The window is ordered again whatever the page: a page that reaches into it is cut
        // from the reordered window and what follows it (the same for every page size), a
        // page past it is what follows it anyway.
        let reranking = (!exactForms.isEmpty || namedEntities != nil) && options.limit > 0 && options.offset < Self.exactWindow
        let (fetchLimit, fetchOffset) = reranking ? (max(Self.exactWindow, options.offset + options.limit), 0) : (options.limit, options.offset)
        let allArguments = scoreArguments + arguments + [.integer(Int64(fetchLimit)), .integer(Int64(fetchOffset))]
        // Without filters the count needs the full-text index only.
        let countSQL = match != nil && !selection.hasFilters
            ? "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
            : "SELECT count(*) FROM \(from) \(whereClause)"
        var rows: [Row] = []
        var total = 0
        var ranSQL = sql
        var ranArguments = allArguments
        do {
            var counted: Int?
            var rankedOnIndex = false
            if let match, byRelevance, !selection.hasFilters, fetchLimit > 0 {
                // The ranking pass counts every match too: no second MATCH for the total.
                let fast = try rankOnIndexAlone(match: match, weights: scoreArguments, limit: fetchLimit, offset: fetchOffset,
                                                withText: !reranking)
                counted = fast.total
                if let page = fast.rows {
                    (rows, total, rankedOnIndex) = (page, fast.total, true)
                    ranSQL = Self.indexRankingSQL
                    ranArguments = scoreArguments + [.text(match), .integer(Int64(fetchOffset + fetchLimit + 1 + Self.tieAllowance))]
                }
            }
            if !rankedOnIndex {
                rows = try connection.rows(sql, allArguments)
                total = try counted ?? Int(connection.scalar(countSQL, arguments).int64 ?? 0)
            }
        } catch let ArticleStoreError.sqlite(_, _, message, _) where raw || message.contains("fts5") {
            throw ArticleStoreError.invalidQuery(message: "the FTS5 expression is not valid: \(message)", position: nil)
        }
        if reranking {
            var window = Array(rows.prefix(Self.exactWindow))
            if let namedEntities { window = try namedEntities.rerank(window, weight: options.entityWeight, connection: connection) }
            if !exactForms.isEmpty { window = try rerankByExactForms(window, exactForms) }
            rows = try withText(Array((window + rows.dropFirst(Self.exactWindow)).dropFirst(options.offset).prefix(options.limit)))
        }

        let snippets = SnippetBuilder(analyzer: analyzer, terms: Set(highlightTerms), prefixes: highlightPrefixes,
                                      forms: Set(selection.highlightForms), queryWords: selection.highlightWordCount)
        let hits = try rows.map { row -> SearchHit in
            let title = row["title"].string
            let body = row["body"].string ?? ""
            let displayTitle = title ?? ArticleListing.openingWords(body)
            let (snippet, highlights) = snippets.snippet(of: body, words: options.snippetWords)
            return SearchHit(id: try ArticleReader.id(row), title: title, displayTitle: displayTitle, source: row["name"].string,
                             published: row["published"].string, kind: try ArticleReader.kind(row["kind"]),
                             score: row["score"].double, snippet: snippet, highlights: highlights,
                             titleHighlights: snippets.highlights(in: displayTitle))
        }
        let facets = options.facets ? try self.facets(from: from, whereClause: whereClause, arguments: arguments, limit: options.facetLimit) : nil
        let explanation = SearchExplanation(matchExpression: match, sql: ranSQL, arguments: ranArguments,
                                            highlightTerms: highlightTerms + highlightPrefixes.map { $0 + "*" }
                                                + selection.highlightForms.map { "\"" + $0 + "\"" },
                                            notes: selection.notes)
        return SearchResults(hits: hits, total: total, facets: facets, explanation: explanation)
    }

    /// The best matches ranked again by exact word forms and named entities.
    static let exactWindow = 50

    /// `rows` (best first) reordered stably by how many of `forms` each document's title, body
    /// or tags contain: a word that is the form, alone or after proclitics (لكاميرون،
    /// والكاميرون), looked up in the forms index (``FormsIndex``).
    private func rerankByExactForms(_ rows: [Row], _ forms: [[String]]) throws -> [Row] {
        guard rows.count > 1 else { return rows }
        let window = Set(rows.compactMap { $0["id"].int64 })
        let lookup = try connection.cachedStatement("SELECT rowid FROM articles_forms WHERE articles_forms MATCH ?")
        var found: [Int64: Int] = [:]
        for variants in forms {
            try lookup.bind([FormsIndex.withProclitics(variants)])
            defer { lookup.reset() }
            while try lookup.step() {
                if let id = lookup.value(at: 0).int64, window.contains(id) { found[id, default: 0] += 1 }
            }
        }
        let counted: [(count: Int, index: Int, row: Row)] = rows.enumerated().map { index, row in
            let count: Int = row["id"].int64.flatMap { found[$0] } ?? 0
            return (count, index, row)
        }
        return counted.sorted { $0.count != $1.count ? $0.count > $1.count : $0.index < $1.index }.map(\.row)
    }

    /// The relevance score: bm25 with field weights plus term proximity (`articles_rank`, an FTS5
    /// auxiliary function the store registers on every connection; with proximity weight 0 and
    /// lead weight 0 it equals `-bm25(articles_fts, title, body, tags)` at k1 1.2, b 0.75).
    /// Arguments: proximity weight, k1, b, the title, body and tags weights, then the lead:
    /// its weight, column 1 (the body) and its length in words.
    static let scoreSQL = "articles_rank(articles_fts, ?, ?, ?, ?, ?, ?, ?, 1, ?)"

    /// The best matches. It scores every match, so `articles_rank` counts them all as it goes
    /// (``Connection/countingRankedRows(_:)``): no second MATCH, and no buffering of every match
    /// to count it, for the total.
    static let indexRankingSQL = """
        SELECT rowid AS id, \(scoreSQL) AS score FROM articles_fts WHERE articles_fts MATCH ?
         ORDER BY score DESC LIMIT ?
        """

    /// How many more matches than the page the index-only ranking fetches, so that equal
    /// scores at the page's edges can be ordered by date without running the full query.
    static let tieAllowance = 50

    /// The page of an unfiltered relevance search ranked on the full-text index alone, without
    /// touching article rows for every match, and the number of matches. Equal scores at the
    /// page's edges are ordered by date (newer first) from the matches fetched past the page;
    /// nil, with the number of matches, when more of them tie than were fetched (then the
    /// caller runs the full query).
    private func rankOnIndexAlone(match: String, weights: [DatabaseValue], limit: Int, offset: Int,
                                  withText: Bool = true) throws -> (rows: [Row]?, total: Int) {
        let fetch = offset + limit + 1 + Self.tieAllowance
        let (ranked, matches) = try connection.countingRankedRows {
            try connection.rows(Self.indexRankingSQL, weights + [.text(match), .integer(Int64(fetch))])
        }
        let total = Int(matches)
        guard offset < ranked.count else { return ([], total) }
        let scores = ranked.map { $0["score"].double ?? 0 }
        let pageEnd = min(ranked.count, offset + limit)
        // The rows that can move onto or off the page: those that tie with its first or last.
        var start = offset
        while start > 0, scores[start - 1] == scores[offset] { start -= 1 }
        var end = pageEnd
        while end < ranked.count, scores[end] == scores[pageEnd - 1] { end += 1 }
        if end == ranked.count, ranked.count == fetch { return (nil, total) }
        let window = ranked[start..<end].map { Row(columns: ["id", "score"], values: [$0["id"], $0["score"]]) }
        let ties = Set(window.map { $0["score"].double ?? 0 }).count < window.count
        var rows: [Row]
        if !ties {
            rows = Array(window[(offset - start)..<(pageEnd - start)])
            if withText { rows = try self.withText(rows) }
            return (rows, total)
        }
        // The dates that order equal scores, all in one statement.
        let ids = "[" + window.compactMap { $0["id"].int64.map(String.init) }.joined(separator: ",") + "]"
        var published: [Int64: DatabaseValue] = [:]
        for row in try connection.rows("SELECT id, published FROM articles WHERE id IN (SELECT value FROM json_each(?))", [ids]) {
            if let id = row["id"].int64 { published[id] = row["published"] }
        }
        let dated = window.compactMap { entry -> Row? in
            guard let id = entry["id"].int64, let date = published[id] else { return nil }
            return Row(columns: ["id", "published", "score"], values: [.integer(id), date, entry["score"]])
        }
        rows = Array(Self.byScoreThenDate(dated).dropFirst(offset - start).prefix(pageEnd - offset))
        // withText(_:) keeps the order.
        if withText { rows = try self.withText(rows) }
        return (rows, total)
    }

    /// Best score first; equal scores newer first, then higher id (the full query's order).
    private static func byScoreThenDate(_ rows: [Row]) -> [Row] {
        rows.sorted { a, b in
            let (scoreA, scoreB) = (a["score"].double ?? 0, b["score"].double ?? 0)
            if scoreA != scoreB { return scoreA > scoreB }
            let (dateA, dateB) = (a["published"].string, b["published"].string)
            if (dateA == nil) != (dateB == nil) { return dateA != nil }
            if let dateA, let dateB, dateA != dateB { return dateA > dateB }
            return (a["id"].int64 ?? 0) > (b["id"].int64 ?? 0)
        }
    }

    /// One article's columns for a hit.
    private static let pageRowSQL = """
        SELECT x.id, x.title, x.body, s.name, x.published, x.kind FROM articles AS x
          LEFT JOIN sources AS s ON s.id = x.source_id WHERE x.id = ?
        """

    /// `rows` with the columns of a hit, read for those that have only their id, date and score.
    private func withText(_ rows: [Row]) throws -> [Row] {
        guard rows.contains(where: { !$0.columns.contains("body") }) else { return rows }
        let read = try connection.cachedStatement(Self.pageRowSQL)
        return try rows.compactMap { row in
            guard !row.columns.contains("body") else { return row }
            try read.bind([row["id"]])
            defer { read.reset() }
            guard try read.step() else { return nil }
            let full = read.row()
            return Row(columns: full.columns + ["score"], values: full.values + [row["score"]])
        }
    }

    private func facets(from: String, whereClause: String, arguments: [DatabaseValue], limit: Int) throws -> SearchFacets {
        let hits = "WITH hits AS (SELECT a.id AS id, a.source_id AS source_id FROM \(from) \(whereClause))"
        let limitArgument: [DatabaseValue] = [.integer(Int64(limit))]
        func counts(_ sql: String) throws -> [FacetCount] {
            try connection.rows(hits + "\n" + sql, arguments + limitArgument).map {
                FacetCount(value: $0["value"].string ?? "", type: $0["type"].string.flatMap(EntityType.init(rawValue:)), count: Int($0["n"].int64 ?? 0))
            }
        }
        return SearchFacets(
            sources: try counts("""
                SELECT s.name AS value, count(*) AS n, NULL AS type FROM hits JOIN sources AS s ON s.id = hits.source_id
                 GROUP BY s.id ORDER BY n DESC, s.name LIMIT ?
                """),
            tags: try counts("""
                SELECT t.name AS value, count(*) AS n, NULL AS type FROM hits JOIN article_tags AS at ON at.article_id = hits.id
                  JOIN tags AS t ON t.id = at.tag_id GROUP BY t.id ORDER BY n DESC, t.name LIMIT ?
                """),
            entities: try counts("""
                SELECT e.name AS value, count(DISTINCT hits.id) AS n, e.type AS type FROM hits JOIN mentions AS m ON m.article_id = hits.id
                  JOIN entities AS e ON e.id = m.entity_id GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?
                """),
            keywords: try counts("""
                SELECT min(k.keyword) AS value, count(DISTINCT hits.id) AS n, NULL AS type FROM hits
                  JOIN article_keywords AS k ON k.article_id = hits.id
                 GROUP BY k.keyword_key ORDER BY n DESC, value LIMIT ?
                """))
    }
}
