/// Reads tags into models, by column name.
struct TagReader {
    let connection: Connection
    let keys: TextKey

    /// Canonical tags with article counts, most used first.
    func tags(limit: Int, offset: Int) throws -> [TagSummary] {
        try connection.rows("""
            SELECT id, name, tag_key, articles FROM tags WHERE articles > 0 ORDER BY articles DESC, name LIMIT ? OFFSET ?
            """, [limit, offset]).map(Self.summary)
    }

    /// Keyword tags computed from the text, by key, with the number of articles that have each;
    /// named by their most frequent spelling. Their `id` is 0: they have no row of their own.
    func keywordTags(limit: Int, offset: Int) throws -> [TagSummary] {
        try connection.rows("""
            SELECT 0 AS id, keyword_key AS tag_key, count(*) AS articles,
                   (SELECT keyword FROM article_keywords AS s WHERE s.keyword_key = k.keyword_key
                     GROUP BY keyword ORDER BY count(*) DESC, keyword LIMIT 1) AS name
              FROM article_keywords AS k GROUP BY keyword_key ORDER BY articles DESC, name LIMIT ? OFFSET ?
            """, [limit, offset]).map(Self.summary)
    }

    /// Tags that appear on the same articles as `tag` (any spelling), with the shared counts.
    func relatedTags(_ tag: String, limit: Int) throws -> [TagCooccurrence] {
        guard let id = try connection.rows("SELECT id FROM tags WHERE tag_key = ?", [keys.nameKey(tag)]).first?["id"].int64 else {
            throw ArticleStoreError.notFound("no tag named \(tag)")
        }
        return try connection.rows("""
            SELECT t.id, t.name, t.tag_key, t.articles, count(*) AS shared
              FROM article_tags AS a JOIN article_tags AS b ON b.article_id = a.article_id AND b.tag_id != a.tag_id
              JOIN tags AS t ON t.id = b.tag_id
             WHERE a.tag_id = ? GROUP BY t.id ORDER BY shared DESC, t.name LIMIT ?
            """, [id, limit]).map { TagCooccurrence(tag: try Self.summary($0), shared: Int($0["shared"].int64 ?? 0)) }
    }

    static func summary(_ row: Row) throws -> TagSummary {
        TagSummary(id: try ArticleReader.id(row), name: try ArticleReader.text(row, "name"), key: try ArticleReader.text(row, "tag_key"),
                   articles: Int(row["articles"].int64 ?? 0))
    }
}
