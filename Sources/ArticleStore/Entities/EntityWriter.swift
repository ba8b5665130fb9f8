import ArabicText

/// Writes extracted mentions: finds or creates each entity (by type and any alias, so merged
/// and imported names resolve to their entity), records its gazetteer aliases, inserts mentions.
final class EntityWriter {
    private let connection: Connection
    private let keys: TextKey
    private let gazetteerEntries: [String: GazetteerEntry]
    private var ids: [String: Int64] = [:]
    /// Ids by type and name as extracted: most mentions repeat a name seen before, and this
    /// skips analyzing it again for its key.
    private var idsByName: [String: Int64] = [:]
    /// Person aliases recorded in this run (a last name used alone: عرقجي for عباس عرقجي).
    private var recordedAliases = Set<String>()

    init(connection: Connection, analyzer: Analyzer, gazetteer: Gazetteer) {
        self.connection = connection
        self.keys = TextKey(analyzer: analyzer)
        var entries: [String: GazetteerEntry] = [:]
        for entry in gazetteer.entries { entries[entry.type.rawValue + "\u{1}" + entry.name] = entry }
        gazetteerEntries = entries
    }

    /// Deletes extracted entities that no article mentions any more (built-in and user entities
    /// stay), after mentions were deleted or rewritten.
    static func removeUnmentionedExtractedEntities(_ connection: Connection) throws {
        try connection.execute("""
            DELETE FROM entities WHERE origin = 'extracted' AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = entities.id)
            """)
    }

    /// Forgets cached entity ids and recorded aliases (after a rollback that may have undone them).
    func forgetCachedRows() {
        ids.removeAll()
        idsByName.removeAll()
        recordedAliases.removeAll()
    }

    /// Stores `mentions` for an article.
    func write(_ mentions: [EntityMention], article: Int64) throws {
        var rows: [[any DatabaseBindable]] = []
        rows.reserveCapacity(mentions.count)
        for mention in mentions {
            let entity = try entityID(name: mention.name, type: mention.type)
            if mention.type == .person {
                // The name as used here, so `entity:عرقجي` finds عباس عرقجي.
                let alias = Normalizer.strippingMarks(mention.surface)
                if alias != mention.name, recordedAliases.insert("\(entity)\u{1}\(alias)").inserted {
                    try addAliases([alias], to: entity)
                }
            }
            rows.append([article, entity, mention.field.rawValue, mention.start, mention.end, mention.surface, mention.isAdjective])
        }
        try connection.insertRows("INSERT OR IGNORE INTO mentions(article_id, entity_id, field, start_offset, end_offset, surface, is_adjective)",
                                  columns: 7, rows)
    }

    /// The id of the entity of this type known under `name`, created when new.
    func entityID(name: String, type: EntityType, origin: String? = nil) throws -> Int64 {
        let nameCacheKey = type.rawValue + "\u{1}" + name
        if origin == nil, let id = idsByName[nameCacheKey] { return id }
        let key = keys.nameKey(name)
        let cacheKey = type.rawValue + "\u{1}" + key
        if let id = ids[cacheKey] {
            if origin == nil { idsByName[nameCacheKey] = id }
            return id
        }
        if let id = try connection.scalar("""
            SELECT e.id FROM entity_aliases AS a JOIN entities AS e ON e.id = a.entity_id
             WHERE a.alias_key = ? AND e.type = ? ORDER BY e.origin = 'user' DESC, e.id LIMIT 1
            """, [key, type.rawValue]).int64 ?? connection.scalar("SELECT id FROM entities WHERE type = ? AND name_key = ?",
                                                                  [type.rawValue, key]).int64 {
            ids[cacheKey] = id
            if origin == nil { idsByName[nameCacheKey] = id }
            return id
        }
        let entry = gazetteerEntries[type.rawValue + "\u{1}" + name]
        let id = try connection.scalar("INSERT INTO entities(type, name, name_key, origin) VALUES (?, ?, ?, ?) RETURNING id",
                                       [type.rawValue, name, key, origin ?? (entry == nil ? "extracted" : "builtin")]).int64 ?? 0
        try addAliases([name] + (entry?.aliases ?? []) + (entry?.adjectives ?? []), to: id)
        ids[cacheKey] = id
        if origin == nil { idsByName[nameCacheKey] = id }
        return id
    }

    /// Records names an entity is known by.
    func addAliases(_ aliases: [String], to id: Int64) throws {
        for alias in aliases {
            let key = keys.nameKey(alias)
            try connection.run("INSERT OR IGNORE INTO entity_aliases(entity_id, alias, alias_key) VALUES (?, ?, ?)", [id, alias, key])
        }
    }
}
