import Foundation

extension ArticleStore {
    // MARK: Entities

    /// Entities with mention and article counts, most mentioned first; optionally of one type or
    /// in one article.
    public func entities(type: EntityType? = nil, article: Int64? = nil, limit: Int = 100, offset: Int = 0) throws -> [EntitySummary] {
        try read { connection in
            var conditions: [String] = []
            var arguments: [any DatabaseBindable] = []
            if let type {
                conditions.append("e.type = ?")
                arguments.append(type.rawValue)
            }
            if let article {
                conditions.append("m.article_id = ?")
                arguments.append(article)
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try connection.rows("""
                SELECT e.id, e.name, e.type, e.origin, count(m.article_id) AS mentions, count(DISTINCT m.article_id) AS articles
                  FROM entities AS e JOIN mentions AS m ON m.entity_id = e.id
                  \(whereClause)
                 GROUP BY e.id ORDER BY mentions DESC, articles DESC, e.name LIMIT ? OFFSET ?
                """, arguments + [limit, offset]).map(Self.entitySummary)
        }
    }

    static func entitySummary(_ row: Row) -> EntitySummary {
        EntitySummary(id: row[0].int64 ?? 0, name: row[1].string ?? "", type: EntityType(rawValue: row[2].string ?? "") ?? .location,
                      origin: row[3].string ?? "", mentions: Int(row[4].int64 ?? 0), articles: Int(row[5].int64 ?? 0))
    }

    /// The entity known by `name` (its name or any alias, in any spelling), with aliases, articles
    /// and co-occurring entities; nil when none.
    public func entity(named name: String, type: EntityType? = nil, articleLimit: Int = 20) throws -> EntityDetails? {
        try read { connection in
            let key = TextKey(analyzer: analyzer).key(name)
            var sql = """
                SELECT e.id FROM entities AS e
                 WHERE (e.name_key = ?1 OR e.id IN (SELECT entity_id FROM entity_aliases WHERE alias_key = ?1))
                """
            var arguments: [any DatabaseBindable] = [key]
            if let type {
                sql += " AND e.type = ?2"
                arguments.append(type.rawValue)
            }
            sql += " ORDER BY (SELECT count(*) FROM mentions WHERE entity_id = e.id) DESC LIMIT 1"
            guard let id = try connection.scalar(sql, arguments).int64 else { return nil }
            return try entity(id: id, articleLimit: articleLimit)
        }
    }

    /// The entity with `id` in full; nil when none.
    public func entity(id: Int64, articleLimit: Int = 20) throws -> EntityDetails? {
        try read { connection in
            guard let row = try connection.rows("""
                SELECT e.id, e.name, e.type, e.origin, count(m.article_id), count(DISTINCT m.article_id)
                  FROM entities AS e LEFT JOIN mentions AS m ON m.entity_id = e.id WHERE e.id = ? GROUP BY e.id
                """, [id]).first else { return nil }
            let aliases = try connection.rows("SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias", [id]).compactMap { $0[0].string }
            let articles = try self.articles(ArticleSelection(entityIDs: [id]), limit: articleLimit)
            let cooccurring = try connection.rows("""
                SELECT e.id, e.name, e.type, e.origin, count(*), count(DISTINCT m2.article_id) AS shared
                  FROM mentions AS m1 JOIN mentions AS m2 ON m2.article_id = m1.article_id AND m2.entity_id != m1.entity_id
                  JOIN entities AS e ON e.id = m2.entity_id
                 WHERE m1.entity_id = ? GROUP BY e.id ORDER BY shared DESC, e.name LIMIT 20
                """, [id]).map { EntityCooccurrence(entity: Self.entitySummary($0), articles: Int($0[5].int64 ?? 0)) }
            return EntityDetails(summary: Self.entitySummary(row), aliases: aliases, articles: articles, cooccurring: cooccurring)
        }
    }

    /// The mentions the extractor finds in an article, without storing them.
    public func extractEntities(from article: Article) throws -> [EntityMention] {
        EntityExtractor(gazetteer: try read { gazetteer($0) }).mentions(in: article)
    }

    /// Extracts entities again from every stored article (after a gazetteer import, a merge or
    /// an upgrade of the rules). Extracted entities no article mentions any more are removed;
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
        try connection.transaction { try connection.execute("DELETE FROM mentions") }
        while true {
            let batch = try connection.rows("""
                SELECT id, title, body, dateline, agency FROM articles WHERE id > ? ORDER BY id LIMIT 1000
                """, [lastID])
            guard let last = batch.last?[0].int64 else { break }
            try connection.transaction {
                for row in batch {
                    let article = Article(title: row[1].string, body: row[2].string ?? "", dateline: row[3].string, agency: row[4].string)
                    let found = extractor.mentions(in: article)
                    try writer.write(found, article: row[0].int64 ?? 0)
                    mentions += found.count
                }
            }
            lastID = last
            done += batch.count
            progress?(done, total)
        }
        try connection.transaction {
            try connection.execute("""
                DELETE FROM entities WHERE origin = 'extracted' AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = entities.id)
                """)
        }
        return mentions
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
            SELECT e.name, e.type, group_concat(a.alias, char(31)) FROM entities AS e
              LEFT JOIN entity_aliases AS a ON a.entity_id = e.id WHERE e.origin = 'user' GROUP BY e.id
            """).compactMap { row in
            guard let name = row[0].string, let type = EntityType(rawValue: row[1].string ?? "") else { return nil }
            let aliases = (row[2].string ?? "").split(separator: "\u{1F}").map(String.init).filter { $0 != name }
            return GazetteerEntry(name: name, type: type, aliases: aliases)
        }
    }

    // MARK: Tags

    /// Canonical tags with article counts, most used first.
    public func tags(limit: Int = 100, offset: Int = 0) throws -> [TagSummary] {
        try read { connection in
            try connection.rows("""
                SELECT id, name, tag_key, articles FROM tags WHERE articles > 0 ORDER BY articles DESC, name LIMIT ? OFFSET ?
                """, [limit, offset]).map(Self.tagSummary)
        }
    }

    /// Tags that appear on the same articles as `tag` (any spelling), with the shared counts.
    public func relatedTags(_ tag: String, limit: Int = 50) throws -> [TagCooccurrence] {
        try read { connection in
            let key = TextKey(analyzer: analyzer).key(tag)
            guard let id = try connection.scalar("SELECT id FROM tags WHERE tag_key = ?", [key]).int64 else {
                throw ArticleStoreError.notFound("tag \(tag)")
            }
            return try connection.rows("""
                SELECT t.id, t.name, t.tag_key, t.articles, count(*) AS shared
                  FROM article_tags AS a JOIN article_tags AS b ON b.article_id = a.article_id AND b.tag_id != a.tag_id
                  JOIN tags AS t ON t.id = b.tag_id
                 WHERE a.tag_id = ? GROUP BY t.id ORDER BY shared DESC, t.name LIMIT ?
                """, [id, limit]).map { TagCooccurrence(tag: Self.tagSummary($0), shared: Int($0[4].int64 ?? 0)) }
        }
    }

    static func tagSummary(_ row: Row) -> TagSummary {
        TagSummary(id: row[0].int64 ?? 0, name: row[1].string ?? "", key: row[2].string ?? "", articles: Int(row[3].int64 ?? 0))
    }
}
