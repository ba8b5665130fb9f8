/// Reads stored articles into models, by column name: one article with everything attached to
/// it (its mentions in one query), and pages of listings for a selection.
struct ArticleReader {
    let connection: Connection

    /// The article with `id`, with tags, links, similar headlines, entities and parents; nil
    /// if none.
    func article(id: Int64) throws -> StoredArticle? {
        guard let row = try connection.rows("""
            SELECT a.id, a.title, a.body, a.dateline, a.agency, s.name AS source, s.domain AS source_domain, a.url,
                   a.published, a.modified, a.language, a.authors, a.description, a.kind, a.is_partial, a.rest, a.extra,
                   a.content_hash, a.origin_path, a.origin_line, a.ingested_at, a.published_raw, a.modified_raw
              FROM articles AS a LEFT JOIN sources AS s ON s.id = a.source_id
             WHERE a.id = ?
            """, [id]).first else { return nil }
        let tags = try connection.rows("SELECT spelling FROM article_tags WHERE article_id = ? ORDER BY position", [id])
            .compactMap { $0["spelling"].string }
        let parents = try connection.rows("SELECT article_id FROM article_links WHERE linked_article_id = ? ORDER BY article_id", [id])
            .compactMap { $0["article_id"].int64 }
        let authors: [String] = {
            guard let text = row["authors"].string else { return [] }
            return (try? JSONArrayOfStrings.decode(text)) ?? [text]
        }()
        var article = StoredArticle(
            id: id, title: row["title"].string, body: row["body"].string ?? "", dateline: row["dateline"].string,
            agency: row["agency"].string, source: row["source"].string, sourceDomain: row["source_domain"].string,
            url: row["url"].string, published: row["published"].string, modified: row["modified"].string,
            language: row["language"].string, authors: authors, description: row["description"].string,
            kind: try Self.kind(row["kind"]), isPartial: row["is_partial"].int64 == 1,
            rest: row["rest"].string, extra: row["extra"].string, contentHash: try Self.text(row, "content_hash"),
            originPath: row["origin_path"].string, originLine: row["origin_line"].int64.map(Int.init),
            ingestedAt: try Self.text(row, "ingested_at"),
            tags: tags, embedded: try linked(id, "embedded"), related: try linked(id, "related"),
            similar: try similarHeadlines(id), entities: try entities(of: id), parents: parents)
        article.publishedRaw = row["published_raw"].string
        article.modifiedRaw = row["modified_raw"].string
        article.keywords = try connection.rows("SELECT keyword FROM article_keywords WHERE article_id = ? ORDER BY rank", [id])
            .compactMap { $0["keyword"].string }
        return article
    }

    /// Listings of the articles `selection` selects, newest first (by published date, then id).
    func listings(_ selection: SelectionSQL, limit: Int, offset: Int) throws -> [ArticleListing] {
        try connection.rows("""
            WITH page AS (
                SELECT a.id AS id, a.published AS published FROM \(selection.from) \(selection.whereClause)
                 ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT ? OFFSET ?)
            SELECT page.id, s.name AS source, x.title, substr(x.body, 1, 200) AS opening, page.published, x.kind
              FROM page JOIN articles AS x ON x.id = page.id LEFT JOIN sources AS s ON s.id = x.source_id
             ORDER BY page.published IS NULL, page.published DESC, page.id
            """, selection.arguments + [.integer(Int64(limit)), .integer(Int64(offset))]).map(Self.listing)
    }

    /// Listings of articles by id, in id order (unknown ids are left out).
    func listings(ids: [Int64]) throws -> [ArticleListing] {
        var result: [ArticleListing] = []
        for id in Set(ids).sorted() {
            guard let row = try connection.rows("""
                SELECT a.id, s.name AS source, a.title, substr(a.body, 1, 200) AS opening, a.published, a.kind
                  FROM articles AS a LEFT JOIN sources AS s ON s.id = a.source_id WHERE a.id = ?
                """, [id]).first else { continue }
            result.append(try Self.listing(row))
        }
        return result
    }

    private func linked(_ id: Int64, _ kind: String) throws -> [StoredArticle.LinkedArticle] {
        try connection.rows("""
            SELECT a.id, a.title, a.body, a.is_partial FROM article_links AS l JOIN articles AS a ON a.id = l.linked_article_id
             WHERE l.article_id = ? AND l.kind = ? ORDER BY l.position
            """, [id, kind]).map {
            StoredArticle.LinkedArticle(id: try Self.id($0), title: $0["title"].string, body: $0["body"].string ?? "",
                                        isPartial: $0["is_partial"].int64 == 1)
        }
    }

    private func similarHeadlines(_ id: Int64) throws -> [StoredArticle.SimilarHeadline] {
        try connection.rows(
            "SELECT headline, linked_article_id FROM similar_headlines WHERE article_id = ? ORDER BY position", [id]
        ).map { StoredArticle.SimilarHeadline(headline: try Self.text($0, "headline"), linkedArticleID: $0["linked_article_id"].int64) }
    }

    /// The article's entities with their mentions, read in one query.
    private func entities(of id: Int64) throws -> [StoredArticle.EntityMentions] {
        let rows = try connection.rows("""
            SELECT e.id AS entity_id, e.name, e.type, m.field, m.start_offset, m.end_offset, m.surface, m.is_adjective
              FROM mentions AS m JOIN entities AS e ON e.id = m.entity_id
             WHERE m.article_id = ?
             ORDER BY e.type, e.name, e.id, m.field, m.start_offset
            """, [id])
        var result: [StoredArticle.EntityMentions] = []
        var mentions: [StoredArticle.Mention] = []
        var current: (id: Int64, name: String, type: EntityType)?
        func close() {
            if let current { result.append(.init(id: current.id, name: current.name, type: current.type, mentions: mentions)) }
            mentions = []
        }
        for row in rows {
            let entityID = row["entity_id"].int64
            if entityID != current?.id {
                close()
                guard let entityID, let type = EntityType(rawValue: row["type"].string ?? "") else {
                    throw ArticleStoreError.corrupt("entity \(row["entity_id"]) has no valid type")
                }
                current = (entityID, try Self.text(row, "name"), type)
            }
            guard let field = MentionField(rawValue: row["field"].string ?? "") else {
                throw ArticleStoreError.corrupt("a mention in article \(id) has no valid field")
            }
            mentions.append(StoredArticle.Mention(field: field, start: Int(row["start_offset"].int64 ?? 0),
                                                  end: Int(row["end_offset"].int64 ?? 0), surface: row["surface"].string ?? "",
                                                  isAdjective: row["is_adjective"].int64 == 1))
        }
        close()
        return result
    }

    /// A listing from a row with id, source, title, opening (the body's start), published, kind.
    static func listing(_ row: Row) throws -> ArticleListing {
        let title = row["title"].string
        return ArticleListing(id: try id(row), source: row["source"].string,
                              title: title ?? ArticleListing.openingWords(row["opening"].string ?? ""),
                              hasTitle: title != nil, published: row["published"].string, kind: try kind(row["kind"]))
    }

    // MARK: Columns that must hold a value

    static func id(_ row: Row) throws -> Int64 {
        guard let id = row["id"].int64 else { throw ArticleStoreError.corrupt("a row without an id") }
        return id
    }

    static func text(_ row: Row, _ column: String) throws -> String {
        guard let text = row[column].string else { throw ArticleStoreError.corrupt("\(column) is missing") }
        return text
    }

    static func kind(_ value: DatabaseValue) throws -> ArticleKind {
        guard let kind = ArticleKind(rawValue: value.string ?? "") else {
            throw ArticleStoreError.corrupt("an article kind of \(value)")
        }
        return kind
    }
}
