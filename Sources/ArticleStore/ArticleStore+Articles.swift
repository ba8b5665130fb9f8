extension ArticleStore {
    /// The article with `id`, with its tags, links, similar headlines and entities; nil if none.
    public func article(id: Int64) throws -> StoredArticle? {
        guard let row = try connection.rows("""
            SELECT a.id, a.title, a.body, a.dateline, a.agency, s.name, s.domain, a.url, a.published, a.modified,
                   a.language, a.authors, a.description, a.kind, a.is_partial, a.rest, a.extra, a.content_hash,
                   a.origin_path, a.origin_line, a.ingested_at
              FROM articles AS a LEFT JOIN sources AS s ON s.id = a.source_id
             WHERE a.id = ?
            """, [id]).first else { return nil }
        let tags = try connection.rows("SELECT spelling FROM article_tags WHERE article_id = ? ORDER BY position", [id])
            .compactMap { $0[0].string }
        func linked(_ kind: String) throws -> [StoredArticle.LinkedArticle] {
            try connection.rows("""
                SELECT a.id, a.title, a.body, a.is_partial FROM article_links AS l JOIN articles AS a ON a.id = l.linked_article_id
                 WHERE l.article_id = ? AND l.kind = ? ORDER BY l.position
                """, [id, kind]).map {
                StoredArticle.LinkedArticle(id: $0[0].int64 ?? 0, title: $0[1].string, body: $0[2].string ?? "",
                                            isPartial: $0[3].int64 == 1)
            }
        }
        let similar = try connection.rows(
            "SELECT headline, linked_article_id FROM similar_headlines WHERE article_id = ? ORDER BY position", [id]
        ).map { StoredArticle.SimilarHeadline(headline: $0[0].string ?? "", linkedArticleID: $0[1].int64) }
        var entities: [StoredArticle.EntityMentions] = []
        for entity in try connection.rows("""
            SELECT e.id, e.name, e.type FROM entities AS e
             WHERE e.id IN (SELECT entity_id FROM mentions WHERE article_id = ?) ORDER BY e.type, e.name
            """, [id]) {
            let entityID = entity[0].int64 ?? 0
            let mentions = try connection.rows("""
                SELECT field, start_offset, end_offset, surface, is_adjective FROM mentions
                 WHERE article_id = ? AND entity_id = ? ORDER BY field, start_offset
                """, [id, entityID]).map {
                StoredArticle.Mention(field: $0[0].string ?? "", start: Int($0[1].int64 ?? 0), end: Int($0[2].int64 ?? 0),
                                      surface: $0[3].string ?? "", isAdjective: $0[4].int64 == 1)
            }
            entities.append(.init(id: entityID, name: entity[1].string ?? "", type: entity[2].string ?? "", mentions: mentions))
        }
        let parents = try connection.rows("SELECT article_id FROM article_links WHERE linked_article_id = ? ORDER BY article_id", [id])
            .compactMap { $0[0].int64 }
        let authors: [String] = {
            guard let text = row[11].string else { return [] }
            return (try? JSONArrayOfStrings.decode(text)) ?? [text]
        }()
        return StoredArticle(
            id: id, title: row[1].string, body: row[2].string ?? "", dateline: row[3].string, agency: row[4].string,
            source: row[5].string, sourceDomain: row[6].string, url: row[7].string, published: row[8].string,
            modified: row[9].string, language: row[10].string, authors: authors, description: row[12].string,
            kind: ArticleKind(rawValue: row[13].string ?? "") ?? .article, isPartial: row[14].int64 == 1,
            rest: row[15].string, extra: row[16].string, contentHash: row[17].string ?? "",
            originPath: row[18].string, originLine: row[19].int64.map(Int.init), ingestedAt: row[20].string ?? "",
            tags: tags, embedded: try linked("embedded"), related: try linked("related"), similar: similar,
            entities: entities, parents: parents)
    }

    /// Articles matching `filter`, newest first (by published date, then id).
    public func articles(_ filter: ArticleFilter = ArticleFilter()) throws -> [ArticleListing] {
        let keys = TextKey(analyzer: analyzer)
        var conditions: [String] = []
        var arguments: [any DatabaseBindable] = []
        if let source = filter.source {
            conditions.append("s.name_key = ?")
            arguments.append(keys.key(source))
        }
        if let tag = filter.tag {
            conditions.append("a.id IN (SELECT at.article_id FROM article_tags AS at JOIN tags AS t ON t.id = at.tag_id WHERE t.tag_key = ?)")
            arguments.append(keys.key(tag))
        }
        if let entityID = filter.entityID {
            conditions.append("a.id IN (SELECT article_id FROM mentions WHERE entity_id = ?)")
            arguments.append(entityID)
        }
        if !filter.kinds.isEmpty {
            conditions.append("a.kind IN (" + filter.kinds.map { _ in "?" }.joined(separator: ", ") + ")")
            arguments.append(contentsOf: filter.kinds.map(\.rawValue))
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments.append(filter.limit)
        arguments.append(filter.offset)
        return try connection.rows("""
            SELECT a.id, s.name, a.title, substr(a.body, 1, 200), a.published, a.kind
              FROM articles AS a LEFT JOIN sources AS s ON s.id = a.source_id
              \(whereClause)
             ORDER BY a.published IS NULL, a.published DESC, a.id
             LIMIT ? OFFSET ?
            """, arguments).map { row in
            ArticleListing(id: row[0].int64 ?? 0, source: row[1].string,
                           title: row[2].string ?? ArticleListing.openingWords(row[3].string ?? ""),
                           hasTitle: row[2].string != nil, published: row[4].string,
                           kind: ArticleKind(rawValue: row[5].string ?? "") ?? .article)
        }
    }
}
