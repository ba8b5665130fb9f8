extension ArticleStore {
    /// Calls `body` with every article matching `filter`, in id order, one at a time (memory
    /// does not grow with the store).
    public func forEachArticle(_ filter: ExportFilter = ExportFilter(), _ body: (StoredArticle) throws -> Void) throws {
        var conditions: [String] = []
        var arguments: [any DatabaseBindable] = []
        if let query = filter.query {
            var parsed = try SearchQuery(parsing: query)
            if let source = filter.source { parsed.filters.sources.append(source) }
            if let since = filter.since { parsed.filters.after = since }
            let ids = try SearchEngine(connection: connection, analyzer: analyzer).matchingIDs(parsed)
            for id in ids {
                if let article = try article(id: id) { try body(article) }
            }
            return
        }
        if let source = filter.source {
            conditions.append("a.source_id IN (SELECT id FROM sources WHERE name_key = ? OR lower(domain) = lower(?))")
            arguments += [TextKey(analyzer: analyzer).key(source), source]
        }
        if let since = filter.since {
            guard QueryParser.isDate(since) else {
                throw ArticleStoreError.invalidInput("--since takes a date as YYYY-MM-DD, YYYY-MM or YYYY, not \(since)")
            }
            conditions.append("a.published >= ?")
            arguments.append(since)
        }
        let extra = conditions.isEmpty ? "" : " AND " + conditions.joined(separator: " AND ")
        var lastID: Int64 = 0
        while true {
            let ids = try connection.rows("SELECT a.id FROM articles AS a WHERE a.id > ?\(extra) ORDER BY a.id LIMIT 500",
                                          [lastID] + arguments).compactMap { $0[0].int64 }
            guard let last = ids.last else { return }
            for id in ids {
                if let article = try article(id: id) { try body(article) }
            }
            lastID = last
        }
    }

    /// Writes the articles matching `filter` in `format` through `write`, streaming. Returns
    /// how many were written. JSON Lines from here ingest back into a store unchanged: the same
    /// articles (content hashes), tags, links and similar headlines; entities are extracted again.
    @discardableResult
    public func export(_ filter: ExportFilter = ExportFilter(), format: ExportFormat, index: String = "articles",
                       write: (String) throws -> Void) throws -> Int {
        var count = 0
        switch format {
        case .json: try write("[")
        case .csv: try write(Self.csvLine(["id", "title", "body", "source", "url", "published", "language", "kind", "tags", "entities"]))
        default: break
        }
        try forEachArticle(filter) { article in
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

    /// Runs one read-only SQL statement against the store and calls `row` for each result row
    /// (column names first through `columns`). Statements that would write are refused
    /// (`sqlite3_stmt_readonly`), whatever the connection's mode.
    public func query(_ sql: String, columns: ([String]) throws -> Void = { _ in }, row: ([DatabaseValue]) throws -> Void) throws {
        let statement = try connection.prepare(sql)
        // ATTACH and DETACH count as read-only to SQLite (they change the connection, not the
        // file), but reaching other files is not what a query of this store may do.
        let firstWord = sql.drop { $0.isWhitespace || $0 == "(" }.prefix { $0.isLetter }.uppercased()
        guard statement.isReadOnly, firstWord != "ATTACH", firstWord != "DETACH" else {
            throw ArticleStoreError.invalidInput("only read-only statements (SELECT, WITH, EXPLAIN, read-only PRAGMA) can run here")
        }
        try columns((0..<statement.columnCount).map { statement.columnName(at: $0) })
        while try statement.step() {
            try row((0..<statement.columnCount).map { statement.value(at: $0) })
        }
    }
}
