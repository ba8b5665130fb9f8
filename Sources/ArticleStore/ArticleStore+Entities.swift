import Foundation

extension ArticleStore {
    // MARK: Entities

    /// Entities with mention and article counts, most mentioned first; optionally of one type or
    /// in one article.
    public func entities(type: EntityType? = nil, article: Int64? = nil, limit: Int = 100, offset: Int = 0) throws -> [EntitySummary] {
        try read { try EntityReader(connection: $0, keys: TextKey(analyzer: analyzer)).entities(type: type, article: article, limit: limit, offset: offset) }
    }

    /// The entity known by `name` (its name or any alias, in any spelling), with aliases, articles
    /// and co-occurring entities; nil when none. When several entities answer to the name, the
    /// most mentioned.
    public func entity(named name: String, type: EntityType? = nil, articleLimit: Int = 20) throws -> EntityDetails? {
        try read { connection in
            guard let id = try EntityReader(connection: connection, keys: TextKey(analyzer: analyzer)).entityID(named: name, type: type) else {
                return nil
            }
            return try entity(id: id, articleLimit: articleLimit)
        }
    }

    /// The entity with `id` in full; nil when none.
    public func entity(id: Int64, articleLimit: Int = 20) throws -> EntityDetails? {
        try read { connection in
            try EntityReader(connection: connection, keys: TextKey(analyzer: analyzer)).entity(id: id) {
                try articles(ArticleSelection(entityIDs: [id]), limit: articleLimit)
            }
        }
    }

    /// The mentions the extractor finds in an article, without storing them.
    public func extractEntities(from article: Article) throws -> [EntityMention] {
        EntityExtractor(gazetteer: try read { gazetteer($0) }).mentions(in: article)
    }

    /// Extracts entities again from every stored article (after a gazetteer import, a merge or
    /// an upgrade of the recognizer), in one transaction: interrupted, the store keeps its
    /// previous mentions. Extracted entities no article mentions any more are removed;
    /// built-in and user entities stay. Returns the number of mentions stored.
    @discardableResult
    public func rebuildEntities(progress: ((Int, Int) -> Void)? = nil) throws -> Int {
        try write { connection in
            invalidateGazetteer()
            let gazetteer = self.gazetteer(connection)
            let extractor = EntityExtractor(gazetteer: gazetteer)
            let writer = EntityWriter(connection: connection, analyzer: analyzer, gazetteer: gazetteer)
            let total = Int(try connection.scalar("SELECT count(*) FROM articles").int64 ?? 0)
            var done = 0, mentions = 0
            var lastID: Int64 = 0
            // One transaction: killed half-way, the store keeps its old mentions, never part of them.
            return try connection.transaction {
                try connection.execute("DELETE FROM mentions")
                while true {
                    let batch = try connection.rows("""
                        SELECT id, title, body, dateline, agency FROM articles WHERE id > ? ORDER BY id LIMIT 1000
                        """, [lastID])
                    guard let last = batch.last?["id"].int64 else { break }
                    for row in batch {
                        let article = Article(title: row["title"].string, body: row["body"].string ?? "",
                                              dateline: row["dateline"].string, agency: row["agency"].string)
                        let found = extractor.mentions(in: article)
                        try writer.write(found, article: try ArticleReader.id(row))
                        mentions += found.count
                    }
                    lastID = last
                    done += batch.count
                    progress?(done, total)
                }
                try EntityWriter.removeUnmentionedExtractedEntities(connection)
                return mentions
            }
        }
    }

    /// Adds a user gazetteer: TSV (`name<TAB>type<TAB>alias|alias...`, `#` comments) or JSON (an
    /// array of objects with `name`, `type`, `aliases`). Entries become user entities that later
    /// extractions find; run ``rebuildEntities(progress:)`` to apply them to stored articles.
    /// Returns the number of entries imported.
    @discardableResult
    public func importGazetteer(at path: String) throws -> Int {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ArticleStoreError.invalidInput("\(path): cannot be read")
        }
        let text = try InputValidation.decode([UInt8](data), name: path)
        let entries = try GazetteerFile.parse(text, name: path)
        try write { connection in
        let writer = EntityWriter(connection: connection, analyzer: analyzer, gazetteer: Gazetteer(entries: [], analyzer: analyzer))
        try connection.transaction {
            for entry in entries {
                let id = try writer.entityID(name: entry.name, type: entry.type, origin: "user")
                try connection.run("UPDATE entities SET origin = 'user' WHERE id = ?", [id])
                try writer.addAliases([entry.name] + entry.aliases + entry.adjectives, to: id)
            }
        }
        }
        invalidateGazetteer()
        return entries.count
    }

    /// Merges entity `source` into `target`: its mentions and names move to `target`, which
    /// becomes a user entity so later extractions resolve those names to it; `source` is deleted.
    public func mergeEntities(_ source: Int64, into target: Int64) throws {
        try write { connection in
            guard source != target else { return }
            try connection.transaction {
                guard try connection.scalar("SELECT count(*) FROM entities WHERE id IN (?, ?)", [source, target]).int64 == 2 else {
                    throw ArticleStoreError.notFound("entity \(source) or \(target)")
                }
                // A mention both entities have at the same place stays once (the delete below cascades to the other).
                try connection.run("UPDATE OR IGNORE mentions SET entity_id = ? WHERE entity_id = ?", [target, source])
                try connection.run("""
                    INSERT OR IGNORE INTO entity_aliases(entity_id, alias, alias_key)
                    SELECT ?, alias, alias_key FROM entity_aliases WHERE entity_id = ?
                    """, [target, source])
                try connection.run("""
                    INSERT OR IGNORE INTO entity_aliases(entity_id, alias, alias_key) SELECT ?, name, name_key FROM entities WHERE id = ?
                    """, [target, source])
                try connection.run("DELETE FROM entities WHERE id = ?", [source])
                try connection.run("UPDATE entities SET origin = 'user' WHERE id = ?", [target])
            }
            invalidateGazetteer()
        }
    }

    /// User entities (imported or merge targets) as gazetteer entries.
    func userGazetteerEntries(_ connection: Connection) throws -> [GazetteerEntry] {
        try connection.rows("""
            SELECT e.name, e.type, group_concat(a.alias, char(31)) AS aliases FROM entities AS e
              LEFT JOIN entity_aliases AS a ON a.entity_id = e.id WHERE e.origin = 'user' GROUP BY e.id
            """).compactMap { row in
            guard let name = row["name"].string, let type = EntityType(rawValue: row["type"].string ?? "") else { return nil }
            let aliases = (row["aliases"].string ?? "").split(separator: "\u{1F}").map(String.init).filter { $0 != name }
            return GazetteerEntry(name: name, type: type, aliases: aliases)
        }
    }

    // MARK: Tags

    /// Canonical tags with article counts, most used first.
    public func tags(limit: Int = 100, offset: Int = 0) throws -> [TagSummary] {
        try read { try TagReader(connection: $0, keys: TextKey(analyzer: analyzer)).tags(limit: limit, offset: offset) }
    }

    /// Keyword tags computed from the articles' text (see ``StoredArticle/keywords``), with the
    /// number of articles that have each, most used first; named by their most frequent
    /// spelling. Their `id` is 0 (they have no row of their own); filter by them with
    /// ``ArticleSelection/includeKeywordTags``.
    public func keywordTags(limit: Int = 100, offset: Int = 0) throws -> [TagSummary] {
        try read { try TagReader(connection: $0, keys: TextKey(analyzer: analyzer)).keywordTags(limit: limit, offset: offset) }
    }

    /// Tags that appear on the same articles as `tag` (any spelling), with the shared counts.
    /// Throws ``ArticleStoreError/notFound(_:)`` when no tag has that name.
    public func relatedTags(_ tag: String, limit: Int = 50) throws -> [TagCooccurrence] {
        try read { try TagReader(connection: $0, keys: TextKey(analyzer: analyzer)).relatedTags(tag, limit: limit) }
    }
}
