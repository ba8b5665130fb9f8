extension ArticleStore {
    /// Calls `body` with every article `selection` selects, in id order, one at a time
    /// (memory does not grow with the store). All of them come from one snapshot of the store.
    public func forEachArticle(_ selection: ArticleSelection = .all, _ body: (StoredArticle) throws -> Void) throws {
        try read { connection in
            let selected = try SelectionSQL(selection, analyzer: analyzer, connection: connection)
            let reader = ArticleReader(connection: connection)
            let more = selected.whereClause.isEmpty ? "WHERE a.id > ?" : selected.whereClause + " AND a.id > ?"
            var lastID: Int64 = 0
            while true {
                let ids = try connection.rows("SELECT a.id FROM \(selected.from) \(more) ORDER BY a.id LIMIT 500",
                                              selected.arguments + [.integer(lastID)]).compactMap { $0["id"].int64 }
                guard let last = ids.last else { return }
                for id in ids {
                    if let article = try reader.article(id: id) { try body(article) }
                }
                lastID = last
            }
        }
    }

    /// Writes the articles `selection` selects in `format` through `write`, streaming. Returns
    /// how many were written. JSON Lines from here ingest back into a store unchanged: the same
    /// articles (content hashes), tags, links and similar headlines; entities are extracted again.
    @discardableResult
    ///
    /// CSV cells that start like a spreadsheet formula (`=`, `+`, `-`, `@`, tab, CR) get a
    /// leading `'` unless `guardFormulas` is false.
    public func export(_ selection: ArticleSelection = .all, format: ExportFormat, index: String = "articles",
                       guardFormulas: Bool = true, write: (String) throws -> Void) throws -> Int {
        var count = 0
        switch format {
        case .json: try write("[")
        case .csv: try write(CSV.line(guardFormulas: guardFormulas, ["id", "title", "body", "source", "url", "published", "language", "kind", "tags", "entities"]))
        default: break
        }
        try forEachArticle(selection) { article in
            switch format {
            case .jsonl:
                try write(article.jsonValue.serialized() + "\n")
            case .json:
                try write((count == 0 ? "\n" : ",\n") + article.jsonValue.serialized())
            case .csv:
                try write(CSV.line(guardFormulas: guardFormulas, [String(article.id), article.title ?? "", article.body, article.source ?? "", article.url ?? "",
                                        article.published ?? "", article.language ?? "", article.kind.rawValue,
                                        article.tags.joined(separator: " | "),
                                        article.entities.map(\.name).joined(separator: " | ")]))
            case .elasticsearch:
                let action = JSONValue.object([("index", .object([("_index", .string(index)), ("_id", .string(article.contentHash))]))])
                try write(action.serialized() + "\n" + ElasticsearchExport.document(article).serialized() + "\n")
            }
            count += 1
        }
        if format == .json { try write(count == 0 ? "]\n" : "\n]\n") }
        return count
    }

    // MARK: Read-only SQL

    /// Runs one read-only SQL statement against the store, with `arguments` bound to its
    /// parameters, and calls `row` for each result row (column names first through `columns`).
    ///
    /// Guarded without reading the text: an authorizer allows reading only (no ATTACH, DETACH,
    /// writes or schema changes), no database can be attached, trailing statements are
    /// refused rather than ignored, and the statement is stopped with a clear error after
    /// `timeLimit` seconds or `memoryLimit` bytes of SQLite memory (the heap limit is
    /// process-wide while the statement runs). Writes go through the API, which keeps the
    /// search index and counts right.
    ///
    /// ```swift
    /// try store.query("SELECT count(*) FROM articles WHERE published >= ?", arguments: [.text("2024")]) { row in
    ///     print(row[0])
    /// }
    /// ```
    public func query(_ sql: String, arguments: [DatabaseValue] = [], timeLimit: Double = 30, memoryLimit: Int64 = 512 << 20,
                      columns: ([String]) throws -> Void = { _ in }, row: ([DatabaseValue]) throws -> Void) throws {
        try read { connection in
            try ReadOnlyQuery(connection: connection, timeLimit: timeLimit, memoryLimit: memoryLimit)
                .run(sql, arguments: arguments, columns: columns, row: row)
        }
    }

    /// All rows of one read-only SQL statement (see ``query(_:arguments:columns:row:)``).
    public func query(_ sql: String, arguments: [DatabaseValue] = []) throws -> [[DatabaseValue]] {
        var rows: [[DatabaseValue]] = []
        try query(sql, arguments: arguments) { rows.append($0) }
        return rows
    }
}
