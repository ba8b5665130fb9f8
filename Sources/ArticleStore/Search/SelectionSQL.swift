import ArabicText

/// The one place that turns an ``ArticleSelection`` into SQL: the FROM and WHERE clauses (the
/// articles as `a`) with their arguments, every user value bound as a parameter, plus the FTS5
/// expression the words became and the terms to highlight. Search, listing, export, deletion
/// and near-duplicate clustering all select through it.
struct SelectionSQL {
    /// `articles AS a`, joined to the full-text index when there are words.
    let from: String
    /// `WHERE ...`, or empty when nothing restricts.
    let whereClause: String
    /// The arguments of ``whereClause``, in order.
    let arguments: [DatabaseValue]
    /// The FTS5 expression bound to MATCH; nil when the selection has no words.
    let match: String?
    /// Whether anything besides the words restricts (the count can then not use the index alone).
    let hasFilters: Bool
    /// Analyzed terms and prefixes of the positive words, for highlighting.
    let highlightTerms: [String]
    let highlightPrefixes: [String]
    /// How the query was read where it was not valid syntax, and why it may match nothing.
    let notes: [String]
    /// Normalized forms of positive quoted words, for highlighting.
    var highlightForms: [String] = []
    /// How many query words highlight (nil: count the terms, prefixes and forms).
    var highlightWordCount: Int?
    /// Normalized forms of query words the stemmer shortened (see ``FTSQueryBuilder/exactForms``).
    var exactForms: [[String]] = []

    /// Builds the clauses for `selection`; `connection` answers whether a query variant is
    /// indexed (the proclitic fallback of ``FTSQueryBuilder``).
    init(_ selection: ArticleSelection, analyzer: Analyzer, connection: Connection) throws {
        var builder = FTSQueryBuilder(analyzer: analyzer) { terms in
            try connection.scalar("SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1",
                                  [terms.map(FTSQueryBuilder.quote).joined(separator: " OR ")]).int64 == 1
        }
        var notes = selection.notes
        let match: String?
        do {
            match = try selection.expression.map { try builder.build($0, mode: selection.mode) }
        } catch let ArticleStoreError.invalidQuery(message, _) {
            // Nothing searchable is left (only stopwords, or only exclusions): no article
            // matches, which the notes explain; typed or pasted text is never an error.
            notes.append(message + "; nothing matches")
            self.init(from: "articles AS a", whereClause: "WHERE 0", arguments: [], match: nil, hasFilters: true,
                      highlightTerms: [], highlightPrefixes: [], notes: notes)
            return
        }
        // Quoted words: FTS5 found the candidates by stems; keep the articles that have the words.
        let checked = try match.flatMap { match in
            try builder.check.map { check in
                let candidates = try connection.rows("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", [match]).compactMap { $0[0].int64 }
                return try check.articles(among: Set(candidates), connection: connection).sorted()
            }
        }
        try self.init(selection, match: match, analyzer: analyzer, restrictedTo: checked)
        self = SelectionSQL(from: from, whereClause: whereClause, arguments: arguments, match: match, hasFilters: hasFilters,
                            highlightTerms: builder.highlightTerms, highlightPrefixes: builder.highlightPrefixes, notes: notes)
        exactForms = builder.exactForms
        highlightForms = builder.highlightForms
        highlightWordCount = builder.highlightWordCount
    }

    /// Builds the clauses for the filters of `selection` and an FTS5 expression given as is
    /// (its words are ignored); with `ids`, only those articles.
    init(_ selection: ArticleSelection, match: String?, analyzer: Analyzer, highlightTerms: [String] = [],
         restrictedTo ids: [Int64]? = nil) throws {
        var conditions: [String] = []
        var arguments: [DatabaseValue] = []
        let from: String
        if let match {
            // The covering index holds every column the ranking, tie-break and filters read.
            from = "articles_fts JOIN articles AS a INDEXED BY articles_lookup ON a.id = articles_fts.rowid"
            conditions.append("articles_fts MATCH ?")
            arguments.append(.text(match))
            if let ids {
                // One bound JSON array, however many ids.
                conditions.append("a.id IN (SELECT value FROM json_each(?))")
                arguments.append(.text("[" + ids.map(String.init).joined(separator: ",") + "]"))
            }
        } else {
            from = "articles AS a"
        }
        let keys = TextKey(analyzer: analyzer)
        func anyOf<Value>(_ values: [Value], _ clause: String, _ bind: (Value) -> [DatabaseValue]) {
            guard !values.isEmpty else { return }
            conditions.append("(" + values.map { _ in clause }.joined(separator: " OR ") + ")")
            for value in values { arguments += bind(value) }
        }
        // A source by its name (stored under TextKey.sourceKey) or its domain, with or without www.
        anyOf(selection.sources, "a.source_id IN (SELECT id FROM sources WHERE name_key = ? OR lower(domain) IN (?, 'www.' || ?))") {
            let domain = $0.lowercased().droppingPrefix("www.")
            return [.text(keys.sourceKey($0)), .text(domain), .text(domain)]
        }
        // Tags are stored under TextKey.nameKey.
        if selection.includeKeywordTags {
            anyOf(selection.tags, """
                a.id IN (SELECT at.article_id FROM article_tags AS at JOIN tags AS t ON t.id = at.tag_id WHERE t.tag_key = ?
                         UNION SELECT article_id FROM article_keywords WHERE keyword_key = ?)
                """) {
                [.text(keys.nameKey($0)), .text(keys.nameKey($0))]
            }
        } else {
            anyOf(selection.tags, "a.id IN (SELECT at.article_id FROM article_tags AS at JOIN tags AS t ON t.id = at.tag_id WHERE t.tag_key = ?)") {
                [.text(keys.nameKey($0))]
            }
        }
        anyOf(selection.entities, """
            a.id IN (SELECT m.article_id FROM mentions AS m WHERE m.entity_id IN
                     (SELECT entity_id FROM entity_aliases WHERE alias_key = ? UNION SELECT id FROM entities WHERE name_key = ?))
            """) {
            let key = keys.nameKey($0)
            return [.text(key), .text(key)]
        }
        anyOf(selection.entityIDs, "a.id IN (SELECT article_id FROM mentions WHERE entity_id = ?)") { [.integer($0)] }
        anyOf(selection.kinds, "a.kind = ?") { [.text($0.rawValue)] }
        anyOf(selection.languages, "(lower(a.language) = ? OR lower(a.language) LIKE ? || '-%')") {
            [.text($0.lowercased()), .text($0.lowercased())]
        }
        for (name, date, comparison) in [("after", selection.after, ">="), ("before", selection.before, "<")] {
            guard let given = date else { continue }
            guard let date = QueryParser.filterDate(given) else {
                throw ArticleStoreError.invalidQuery(message: "\(name) takes a date as YYYY-MM-DD, YYYY-MM, YYYY, DD/MM/YYYY or with a month name, not \(given)", position: nil)
            }
            conditions.append("a.published \(comparison) ?")
            arguments.append(.text(date))
        }
        self.init(from: from, whereClause: conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "),
                  arguments: arguments, match: match, hasFilters: selection.hasFilters || ids != nil,
                  highlightTerms: highlightTerms, highlightPrefixes: [], notes: selection.notes)
    }

    private init(from: String, whereClause: String, arguments: [DatabaseValue], match: String?, hasFilters: Bool,
                 highlightTerms: [String], highlightPrefixes: [String], notes: [String]) {
        self.notes = notes
        self.from = from
        self.whereClause = whereClause
        self.arguments = arguments
        self.match = match
        self.hasFilters = hasFilters
        self.highlightTerms = highlightTerms
        self.highlightPrefixes = highlightPrefixes
    }

    /// The ids of every selected article, ascending.
    func ids(_ connection: Connection) throws -> [Int64] {
        try connection.rows("SELECT a.id FROM \(from) \(whereClause) ORDER BY a.id", arguments).compactMap { $0["id"].int64 }
    }
}

extension String {
    /// The string without `prefix` at its start (when it starts with it).
    fileprivate func droppingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
