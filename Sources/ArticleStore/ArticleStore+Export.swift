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
    public func export(_ selection: ArticleSelection = .all, format: ExportFormat, index: String = "articles",
                       write: (String) throws -> Void) throws -> Int {
        var count = 0
        switch format {
        case .json: try write("[")
        case .csv: try write(Self.csvLine(["id", "title", "body", "source", "url", "published", "language", "kind", "tags", "entities"]))
        default: break
        }
        try forEachArticle(selection) { article in
            switch format {
            case .jsonl:
                try write(article.jsonValue.serialized() + "\n")
            case .json:
                try write((count == 0 ? "\n" : ",\n") + article.jsonValue.serialized())
            case .csv:
                try write(Self.csvLine([String(article.id), article.title ?? "", article.body, article.source ?? "", article.url ?? "",
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

    /// One CSV record (RFC 4180: fields with commas, quotes or line breaks are quoted).
    static func csvLine(_ fields: [String]) -> String {
        fields.map { field in
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
            return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
        }.joined(separator: ",") + "\r\n"
    }

    // MARK: Read-only SQL

    /// Runs one read-only SQL statement against the store, with `arguments` bound to its
    /// parameters, and calls `row` for each result row (column names first through `columns`).
    /// Statements that would write, ATTACH or DETACH are refused, whatever the store's mode:
    /// writes go through the API, which keeps the search index and counts right.
    ///
    /// ```swift
    /// try store.query("SELECT count(*) FROM articles WHERE published >= ?", arguments: [.text("2024")]) { row in
    ///     print(row[0].int64 ?? 0)
    /// }
    /// ```
    public func query(_ sql: String, arguments: [DatabaseValue] = [], columns: ([String]) throws -> Void = { _ in },
                      row: ([DatabaseValue]) throws -> Void) throws {
        try read { connection in
            let statement = try connection.prepare(sql)
            // ATTACH and DETACH count as read-only to SQLite (they change the connection, not the
            // file), but reaching other files is not what a query of this store may do.
            let firstWord = sql.drop { $0.isWhitespace || $0 == "(" }.prefix { $0.isLetter }.uppercased()
            guard statement.isReadOnly, firstWord != "ATTACH", firstWord != "DETACH" else {
                throw ArticleStoreError.invalidInput("only read-only statements (SELECT, WITH, EXPLAIN, read-only PRAGMA) can run here")
            }
            try statement.bind(arguments)
            try columns((0..<statement.columnCount).map { statement.columnName(at: $0) })
            while try statement.step() {
                try row((0..<statement.columnCount).map { statement.value(at: $0) })
            }
        }
    }

    /// All rows of one read-only SQL statement (see ``query(_:arguments:columns:row:)``).
    public func query(_ sql: String, arguments: [DatabaseValue] = []) throws -> [[DatabaseValue]] {
        var rows: [[DatabaseValue]] = []
        try query(sql, arguments: arguments) { rows.append($0) }
        return rows
    }
}
