/// Reads entities into models, by column name: listings with counts, one entity in full, the
/// entity a name or alias stands for.
struct EntityReader {
    let connection: Connection
    let keys: TextKey

    /// Entities with mention and article counts, most mentioned first; optionally of one type or
    /// in one article.
    func entities(type: EntityType?, article: Int64?, limit: Int, offset: Int) throws -> [EntitySummary] {
        var conditions: [String] = []
        var arguments: [DatabaseValue] = []
        if let type {
            conditions.append("e.type = ?")
            arguments.append(.text(type.rawValue))
        }
        if let article {
            conditions.append("m.article_id = ?")
            arguments.append(.integer(article))
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try connection.rows("""
            SELECT e.id, e.name, e.type, e.origin, count(m.article_id) AS mentions, count(DISTINCT m.article_id) AS articles
              FROM entities AS e JOIN mentions AS m ON m.entity_id = e.id
              \(whereClause)
             GROUP BY e.id ORDER BY mentions DESC, articles DESC, e.name LIMIT ? OFFSET ?
            """, arguments + [.integer(Int64(limit)), .integer(Int64(offset))]).map(Self.summary)
    }

    /// The id of the entity known by `name` (its name or any alias, in any spelling), the most
    /// mentioned when several are; nil when none.
    func entityID(named name: String, type: EntityType?) throws -> Int64? {
        let key = keys.nameKey(name)
        var sql = """
            SELECT e.id FROM entities AS e
             WHERE (e.name_key = ? OR e.id IN (SELECT entity_id FROM entity_aliases WHERE alias_key = ?))
            """
        var arguments: [DatabaseValue] = [.text(key), .text(key)]
        if let type {
            sql += " AND e.type = ?"
            arguments.append(.text(type.rawValue))
        }
        sql += " ORDER BY (SELECT count(*) FROM mentions WHERE entity_id = e.id) DESC, e.id LIMIT 1"
        return try connection.rows(sql, arguments).first?["id"].int64
    }

    /// The entity with `id` with aliases, co-occurring entities and the given article listings;
    /// nil when none.
    func entity(id: Int64, articles: () throws -> [ArticleListing]) throws -> EntityDetails? {
        guard let row = try connection.rows("""
            SELECT e.id, e.name, e.type, e.origin, count(m.article_id) AS mentions, count(DISTINCT m.article_id) AS articles
              FROM entities AS e LEFT JOIN mentions AS m ON m.entity_id = e.id WHERE e.id = ? GROUP BY e.id
            """, [id]).first else { return nil }
        let aliases = try connection.rows("SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias", [id])
            .compactMap { $0["alias"].string }
        let cooccurring = try connection.rows("""
            SELECT e.id, e.name, e.type, e.origin, count(*) AS mentions, count(DISTINCT m2.article_id) AS articles
              FROM mentions AS m1 JOIN mentions AS m2 ON m2.article_id = m1.article_id AND m2.entity_id != m1.entity_id
              JOIN entities AS e ON e.id = m2.entity_id
             WHERE m1.entity_id = ? GROUP BY e.id ORDER BY articles DESC, e.name LIMIT 20
            """, [id]).map { EntityCooccurrence(entity: try Self.summary($0), articles: Int($0["articles"].int64 ?? 0)) }
        return EntityDetails(summary: try Self.summary(row), aliases: aliases, articles: try articles(), cooccurring: cooccurring)
    }

    /// An entity row (id, name, type, origin, mentions, articles) as a summary.
    static func summary(_ row: Row) throws -> EntitySummary {
        guard let type = EntityType(rawValue: row["type"].string ?? "") else {
            throw ArticleStoreError.corrupt("entity \(row["id"]) has the type \(row["type"])")
        }
        return EntitySummary(id: try ArticleReader.id(row), name: try ArticleReader.text(row, "name"), type: type,
                             origin: row["origin"].string ?? "extracted", mentions: Int(row["mentions"].int64 ?? 0),
                             articles: Int(row["articles"].int64 ?? 0))
    }
}
