/// One article's entries in the full-text indexes: its analyzed terms in `articles_fts` and its
/// words' normalized forms in `articles_forms` (both contentless: the text is given on insert
/// and again on delete), and its title and body as written in `articles_words` (external
/// content over `articles`).
struct IndexEntry {
    let id: Int64
    let titleTerms: String
    let bodyTerms: String
    let tagsTerms: String
    let titleForms: String
    let bodyForms: String
    let tagsForms: String
    let title: String?
    let body: String

    init(id: Int64, prepared: PreparedArticle) {
        self.id = id
        titleTerms = prepared.titleTerms
        bodyTerms = prepared.bodyTerms
        tagsTerms = prepared.tagsTerms
        (titleForms, bodyForms, tagsForms) = (prepared.titleForms, prepared.bodyForms, prepared.tagsForms)
        title = prepared.article.title
        body = prepared.article.body
    }

    /// The entry of a stored article, analyzed again from its stored title, body and tags.
    init(id: Int64, title: String?, body: String, tags: [String], keys: TextKey) {
        self.id = id
        let analyzer = keys.analyzer
        (titleForms, titleTerms) = title.map(analyzer.normalizedAndTermsText) ?? ("", "")
        (bodyForms, bodyTerms) = analyzer.normalizedAndTermsText(body)
        (tagsForms, tagsTerms) = ArticlePreparer.tagsFormsAndTerms(tags, keys: keys)
        self.title = title
        self.body = body
    }

    /// The entry article `id` was indexed with, from its stored row; nil when there is no such
    /// row. Throws ``ArticleStoreError/corrupt(_:)`` when another tool changed the row's text
    /// after it was indexed (its ``IndexFingerprint`` differs): removing entries made from
    /// other text would damage the index.
    static func stored(_ id: Int64, connection: Connection, keys: TextKey) throws -> IndexEntry? {
        guard let row = try connection.rows("SELECT title, body, indexed_hash FROM articles WHERE id = ?", [id]).first else { return nil }
        let title = row["title"].string, body = row["body"].string ?? ""
        let tags = try storedTags(of: id, connection: connection)
        if let indexed = row["indexed_hash"].int64, indexed != IndexFingerprint.of(title: title, body: body, tags: tags) {
            throw ArticleStoreError.corrupt("article \(id) was changed by another tool after it was indexed; repair the store first (articles check --repair)")
        }
        return IndexEntry(id: id, title: title, body: body, tags: tags, keys: keys)
    }

    /// Calls `body` with every stored article's id, title and body, in id order, reading a
    /// thousand rows at a time (what rebuilding an index from the stored text walks).
    static func forEachStoredArticle(in connection: Connection, _ body: (Int64, String?, String) throws -> Void) throws {
        var lastID: Int64 = 0
        while true {
            let rows = try connection.rows("SELECT id, title, body FROM articles WHERE id > ? ORDER BY id LIMIT 1000", [lastID])
            guard let last = rows.last?["id"].int64 else { return }
            for row in rows {
                guard let id = row["id"].int64 else { continue }
                try body(id, row["title"].string, row["body"].string ?? "")
            }
            lastID = last
        }
    }

    /// An article's tags as stored (spellings in their order): what its tag terms were made from.
    static func storedTags(of id: Int64, connection: Connection) throws -> [String] {
        try connection.rows("SELECT spelling FROM article_tags WHERE article_id = ? ORDER BY position", [id])
            .compactMap { $0["spelling"].string }
    }

    /// Inserts every entry (the words entry only when the store has the word index).
    func insert(into connection: Connection, words: Bool) throws {
        try insertTerms(into: connection)
        try insertForms(into: connection)
        if words { try insertWords(into: connection) }
    }

    /// Inserts the analyzed terms (`articles_fts`) only.
    func insertTerms(into connection: Connection) throws {
        let terms = try connection.cachedStatement("INSERT INTO articles_fts(rowid, title_terms, body_terms, tags_terms) VALUES (?, ?, ?, ?)")
        try terms.bind([id, titleTerms, bodyTerms, tagsTerms])
        _ = try terms.step()
        terms.reset()
    }

    /// Inserts the normalized forms (`articles_forms`) only.
    func insertForms(into connection: Connection) throws {
        let forms = try connection.cachedStatement("INSERT INTO articles_forms(rowid, title_forms, body_forms, tags_forms) VALUES (?, ?, ?, ?)")
        try forms.bind([id, titleForms, bodyForms, tagsForms])
        _ = try forms.step()
        forms.reset()
    }

    /// Inserts the words as written (`articles_words`) only.
    func insertWords(into connection: Connection) throws {
        let words = try connection.cachedStatement("INSERT INTO articles_words(rowid, title, body) VALUES (?, ?, ?)")
        try words.bind([id, title, body])
        _ = try words.step()
        words.reset()
    }

    /// Removes every entry (the words entry only when the store has the word index).
    func remove(from connection: Connection, words: Bool) throws {
        try connection.run("INSERT INTO articles_fts(articles_fts, rowid, title_terms, body_terms, tags_terms) VALUES ('delete', ?, ?, ?, ?)",
                           [id, titleTerms, bodyTerms, tagsTerms])
        try connection.run("INSERT INTO articles_forms(articles_forms, rowid, title_forms, body_forms, tags_forms) VALUES ('delete', ?, ?, ?, ?)",
                           [id, titleForms, bodyForms, tagsForms])
        guard words else { return }
        try connection.run("INSERT INTO articles_words(articles_words, rowid, title, body) VALUES ('delete', ?, ?, ?)",
                           [id, title, body])
    }
}
