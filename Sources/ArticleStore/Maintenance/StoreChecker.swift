import ArabicText
import Foundation

/// Checks a store against what ArticleStore would have written, and repairs what is derived:
/// SQLite's integrity check; the full-text indexes against the articles (rows missing, rows
/// of deleted articles); index entries, signatures and mentions of rows that other tools
/// changed or inserted (recomputed from the original text); rows that point at deleted articles; tag
/// counts; dates stored before they were normalized. The role `sqlite-utils rebuild-fts` plays,
/// for everything ArticleStore derives.
struct StoreChecker {
    let connection: Connection
    let analyzer: Analyzer
    let gazetteer: Gazetteer?

    func run(repair: Bool) throws -> CheckReport {
        var report = CheckReport()
        report.articles = Int(try connection.scalar("SELECT count(*) FROM articles").int64 ?? 0)
        report.userAdditions = try userAdditions()
        let integrity = try connection.rows("PRAGMA quick_check").compactMap { $0.values.first?.string }
        if integrity != ["ok"] {
            report.findings.append(.init(kind: "integrity", count: integrity.count,
                                         detail: "SQLite's integrity check: " + integrity.prefix(3).joined(separator: "; "), repaired: false))
        }
        let missingTerms = try ids("SELECT id FROM articles WHERE id NOT IN (SELECT id FROM articles_fts_docsize)")
        let missingForms = try ids("SELECT id FROM articles WHERE id NOT IN (SELECT id FROM articles_forms_docsize)")
        let words = try WordIndex.exists(in: connection)
        let missingWords = words ? try ids("SELECT id FROM articles WHERE id NOT IN (SELECT id FROM articles_words_docsize)") : []
        let missing = Array(Set(missingTerms + missingForms + missingWords)).sorted()
        let orphanRows = try ids("SELECT id FROM articles_fts_docsize WHERE id NOT IN (SELECT id FROM articles)"
                                 + " UNION SELECT id FROM articles_forms_docsize WHERE id NOT IN (SELECT id FROM articles)"
                                 + (words ? " UNION SELECT id FROM articles_words_docsize WHERE id NOT IN (SELECT id FROM articles)" : ""))
        let stale = try staleArticles()
        let orphanCount = try orphans(delete: false)
        let keys = TextKey(analyzer: analyzer)
        let unsigned = try connection.rows("SELECT id, body FROM articles WHERE id NOT IN (SELECT article_id FROM article_signatures)")
            .compactMap { row -> Int64? in
                MinHashSignature(terms: keys.terms(row["body"].string)).isEmpty ? nil : row["id"].int64
            }
        let tagCounts = Int(try connection.scalar("""
            SELECT count(*) FROM tags WHERE articles != (SELECT count(*) FROM article_tags WHERE tag_id = tags.id)
            """).int64 ?? 0)
        let dates = try connection.rows("""
            SELECT id, published, modified FROM articles
             WHERE published_raw IS NULL AND modified_raw IS NULL AND (published IS NOT NULL OR modified IS NOT NULL)
            """).filter { row in
            [row["published"].string, row["modified"].string].contains { value in value.map { DateNormalizer.normalize($0) != $0 } ?? false }
        }
        func add(_ kind: String, _ count: Int, _ detail: String) {
            guard count > 0 else { return }
            report.findings.append(.init(kind: kind, count: count, detail: detail, repaired: false))
        }
        add("index-missing", missing.count, "\(missing.count) articles have no full-text index row (inserted by another tool?); search never finds them")
        add("index-orphan", orphanRows.count, "\(orphanRows.count) full-text index rows belong to deleted articles; search counts them")
        add("stale-terms", stale.count, "\(stale.count) articles were changed by another tool after they were indexed; search finds their old text")
        add("orphans", orphanCount, "\(orphanCount) tag links, mentions, links or signatures point at deleted articles")
        add("signatures", unsigned.count, "\(unsigned.count) articles have no near-duplicate signature")
        let keywordless = try missingKeywords()
        add("keywords-missing", keywordless.count, "\(keywordless.count) articles have no keyword tags (stored before keywords were computed?)")
        add("tag-counts", tagCounts, "\(tagCounts) tags count a wrong number of articles")
        add("dates", dates.count, "\(dates.count) articles have dates stored before they were normalized")
        guard repair, !report.findings.isEmpty else { return report }

        try connection.transaction {
            let writer = ArticleWriter(connection: connection, analyzer: analyzer, gazetteer: gazetteer)
            let preparer = writer.preparer
            // What ArticleStore derives from a stored article's text, computed again.
            func prepareStored(_ id: Int64) throws -> (article: StoredArticle, prepared: PreparedArticle)? {
                guard let article = try ArticleReader(connection: connection).article(id: id) else { return nil }
                return (article, preparer.prepare(Article(title: article.title, body: article.body, dateline: article.dateline,
                                                          agency: article.agency, tags: article.tags)))
            }
            let changed = Set(stale + missingTerms + unsigned)
            for id in changed.sorted() {
                guard let (article, prepared) = try prepareStored(id) else { continue }
                try connection.run("UPDATE articles SET title_key = ? WHERE id = ?", [prepared.titleKey, id])
                let bands = SignatureBandIndex(connection: connection)
                if let old = try bands.signature(of: id) { try bands.remove(old, article: id) }
                try connection.run("DELETE FROM article_signatures WHERE article_id = ?", [id])
                if !prepared.signature.isEmpty {
                    try connection.run("INSERT INTO article_signatures(article_id, minhash) VALUES (?, ?)",
                                       [id, DatabaseValue.blob(prepared.signature.bytes)])
                    if id <= (try bands.watermark()) { try bands.insert(prepared.signature, article: id) }
                }
                if let mentions = prepared.mentions, gazetteer != nil {
                    try connection.run("DELETE FROM mentions WHERE article_id = ?", [id])
                    try EntityWriter(connection: connection, analyzer: analyzer, gazetteer: gazetteer!).write(mentions, article: id)
                }
                if article.kind != .related { try writer.writeKeywords(prepared, id: id) }
            }
            for id in keywordless where !changed.contains(id) {
                guard let (_, prepared) = try prepareStored(id) else { continue }
                try writer.writeKeywords(prepared, id: id)
            }
            _ = try orphans(delete: true)
            // Entries of deleted or changed rows cannot be removed one by one (the text they were
            // made from is gone): the indexes are then rebuilt from the stored text. Rows that
            // only lack entries get them.
            if !orphanRows.isEmpty || !stale.isEmpty {
                try rebuildIndexes()
            } else {
                let (lackTerms, lackForms) = (Set(missingTerms), Set(missingForms))
                for id in lackTerms.union(lackForms).sorted() {
                    try indexTerms(of: id, terms: lackTerms.contains(id), forms: lackForms.contains(id))
                }
                for id in missingWords {
                    try connection.run("INSERT INTO articles_words(rowid, title, body) SELECT id, title, body FROM articles WHERE id = ?", [id])
                }
            }
            try connection.execute("""
                UPDATE tags SET articles = (SELECT count(*) FROM article_tags WHERE tag_id = tags.id);
                UPDATE tag_spellings SET articles = (SELECT count(*) FROM article_tags
                                                      WHERE tag_id = tag_spellings.tag_id AND spelling = tag_spellings.spelling);
                """)
            for row in dates {
                guard let id = row["id"].int64 else { continue }
                try connection.run("""
                    UPDATE articles SET published_raw = published, modified_raw = modified, published = ?, modified = ? WHERE id = ?
                    """, [row["published"].string.flatMap(DateNormalizer.normalize), row["modified"].string.flatMap(DateNormalizer.normalize), id])
            }
            // Keywords are ranked against the (now repaired) index's frequencies.
            try writer.finishBatch(final: true)
            try SignatureBandIndex(connection: connection).catchUp()
            try EntityWriter.removeUnmentionedExtractedEntities(connection)
        }
        for index in report.findings.indices where report.findings[index].kind != "integrity" {
            report.findings[index].repaired = true
        }
        return report
    }

    private func ids(_ sql: String) throws -> [Int64] {
        try connection.rows(sql).compactMap { $0.values.first?.int64 }
    }

    /// Articles whose text is not the text they were indexed from (``IndexFingerprint``): rows
    /// another tool changed. Rows without a fingerprint (indexed before there were any, or
    /// inserted by another tool and so missing from the index) are not counted.
    private func staleArticles() throws -> [Int64] {
        var stale: [Int64] = []
        var lastID: Int64 = 0
        while true {
            let rows = try connection.rows("""
                SELECT id, title, body, indexed_hash FROM articles WHERE id > ? AND indexed_hash IS NOT NULL ORDER BY id LIMIT 1000
                """, [lastID])
            guard let last = rows.last?["id"].int64 else { return stale }
            for row in rows {
                guard let id = row["id"].int64 else { continue }
                let tags = try IndexEntry.storedTags(of: id, connection: connection)
                if row["indexed_hash"].int64 != IndexFingerprint.of(title: row["title"].string, body: row["body"].string ?? "", tags: tags) {
                    stale.append(id)
                }
            }
            lastID = last
        }
    }

    /// Articles (not related-article stubs) without keyword tags whose text has candidates.
    private func missingKeywords() throws -> [Int64] {
        let extractor = KeywordCandidateExtractor()
        return try connection.rows("""
            SELECT id, title, body FROM articles
             WHERE kind != 'related' AND id NOT IN (SELECT article_id FROM article_keywords) ORDER BY id
            """).compactMap { row in
            let title = row["title"].string.map(analyzer.analyze)
            return extractor.candidates(title: title, body: analyzer.analyze(row["body"].string ?? "")).isEmpty ? nil : row["id"].int64
        }
    }

    /// Empties the full-text indexes and indexes every article again from its stored text.
    private func rebuildIndexes() throws {
        let keys = TextKey(analyzer: analyzer)
        try connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('delete-all')")
        try connection.execute("INSERT INTO articles_forms(articles_forms) VALUES ('delete-all')")
        try IndexEntry.forEachStoredArticle(in: connection) { id, title, body in
            try indexTerms(id: id, title: title, body: body, keys: keys)
        }
        if try WordIndex.exists(in: connection) {
            try connection.execute("INSERT INTO articles_words(articles_words) VALUES ('rebuild')")
        }
    }

    /// Indexes article `id`'s analyzed terms and forms (those asked for) from its stored text
    /// and records the fingerprint.
    private func indexTerms(of id: Int64, terms: Bool, forms: Bool) throws {
        guard let row = try connection.rows("SELECT title, body FROM articles WHERE id = ?", [id]).first else { return }
        try indexTerms(id: id, title: row["title"].string, body: row["body"].string ?? "", keys: TextKey(analyzer: analyzer),
                       terms: terms, forms: forms)
    }

    private func indexTerms(id: Int64, title: String?, body: String, keys: TextKey, terms: Bool = true, forms: Bool = true) throws {
        let tags = try IndexEntry.storedTags(of: id, connection: connection)
        let entry = IndexEntry(id: id, title: title, body: body, tags: tags, keys: keys)
        if terms { try entry.insertTerms(into: connection) }
        if forms { try entry.insertForms(into: connection) }
        try connection.run("UPDATE articles SET indexed_hash = ? WHERE id = ?", [IndexFingerprint.of(title: title, body: body, tags: tags), id])
    }

    /// Rows that point at articles that are gone (possible when another tool deletes with
    /// foreign keys off); deleted when `delete`. Returns how many there are (were).
    private func orphans(delete: Bool) throws -> Int {
        var total = 0
        for (table, column) in [("article_tags", "article_id"), ("mentions", "article_id"), ("article_links", "article_id"),
                                ("article_links", "linked_article_id"), ("similar_headlines", "article_id"),
                                ("article_signatures", "article_id"), ("signature_bands", "article_id"), ("article_keywords", "article_id")] {
            let condition = "\(column) NOT IN (SELECT id FROM articles)"
            total += Int(try connection.scalar("SELECT count(*) FROM \(table) WHERE \(condition)").int64 ?? 0)
            if delete { try connection.execute("DELETE FROM \(table) WHERE \(condition)") }
        }
        return total
    }

    /// What other tools added: objects beyond the migrations', and columns beyond ours.
    private func userAdditions() throws -> [String] {
        let version = try Migrator(migrations: Migration.all).appliedVersion(in: connection)
        let expected = try SchemaVerifier(migrations: Migration.all).expectedSchema(version: version)
        let ours = try SchemaVerifier.objects(in: expected)
        var additions: [String] = []
        for (key, _) in try SchemaVerifier.objects(in: connection).sorted(by: { ($0.key.type, $0.key.name) < ($1.key.type, $1.key.name) })
            where ours[key] == nil && !key.name.hasPrefix("articles_fts_") && !key.name.hasPrefix("articles_forms_")
            && !key.name.hasPrefix("articles_words_") {
            additions.append("\(key.type) \(key.name)")
        }
        for key in ours.keys.filter({ $0.type == "table" }).sorted(by: { $0.name < $1.name }) {
            let expectedColumns = Set(try expected.rows("SELECT name FROM pragma_table_info(?)", [key.name]).compactMap { $0["name"].string })
            for row in try connection.rows("SELECT name FROM pragma_table_info(?)", [key.name]) {
                if let name = row["name"].string, !expectedColumns.contains(name) { additions.append("column \(key.name).\(name)") }
            }
        }
        return additions
    }
}
