import ArabicText

/// Writes parsed articles (with their embedded stories, related articles, tags and similar
/// headlines) into the store: rows, analyzed columns and FTS rows, in the caller's transaction.
final class ArticleWriter {
    private let connection: Connection
    private let keys: TextKey
    private var sourceIDs: [String: Int64] = [:]
    private var tagIDs: [String: Int64] = [:]
    /// Tags whose display spelling may need refreshing at the end of a run.
    private(set) var touchedTags: Set<Int64> = []

    /// Counts of rows written since the writer was made.
    struct Counts {
        var added = 0
        var duplicates = 0
        var replaced = 0
        var nearDuplicates = 0
        /// Dates given that could not be read (stored raw, normalized NULL).
        var unreadableDates = 0
    }

    /// Skip articles whose estimated similarity to a stored one reaches this (nil: keep all).
    var nearDuplicateThreshold: Double?
    private(set) var counts = Counts()

    /// FTS rows not yet written: FTS5 flushes its pending terms to a new segment at every
    /// SAVEPOINT (https://sqlite.org/fts5.html, xSavepoint), so writing them inside the
    /// per-article savepoints made one tiny segment per article. They are written together,
    /// between articles, once ``indexFlushSize`` wait (``flushIndexIfLarge()``) and at the end
    /// of the batch (``flushIndex()``), in the same transaction.
    private var pendingIndex: [IndexEntry] = []
    /// Pending FTS rows written at once. About what FTS5 itself holds in memory before it
    /// writes a segment (1 MB of terms), so the segments are no smaller than in one flush at the
    /// end of a batch; and small enough that writing them is a short pause for the writer.
    /// Written only at the end of a batch (10,000 articles), they took the writer seconds,
    /// during which the preparation threads, one chunk ahead, stood idle.
    static let indexFlushSize = 256
    private var pendingIDs: Set<Int64> = []

    private let entityWriter: EntityWriter?
    private let keywordWriter: KeywordWriter
    /// Computes what this writer stores for an article; thread-safe, so callers may prepare
    /// articles on other threads and pass them to ``add(_:replace:)-(PreparedArticle,_)``.
    let preparer: ArticlePreparer

    /// With a gazetteer, entities are extracted from every stored article.
    /// Without `computeKeywords` articles are stored without keyword tags (see
    /// ``IngestOptions/computeKeywords``).
    init(connection: Connection, analyzer: Analyzer, gazetteer: Gazetteer? = nil, computeKeywords: Bool = true) {
        self.connection = connection
        self.keys = TextKey(analyzer: analyzer)
        preparer = ArticlePreparer(keys: keys, extractor: gazetteer.map { EntityExtractor(gazetteer: $0) }, computeKeywords: computeKeywords)
        entityWriter = gazetteer.map { EntityWriter(connection: connection, analyzer: analyzer, gazetteer: $0) }
        keywordWriter = KeywordWriter(connection: connection, keys: keys)
        bands = SignatureBandIndex(connection: connection)
    }

    /// Stores `article` and everything attached to it. Runs in a savepoint: on error nothing of
    /// it stays.
    @discardableResult
    func add(_ article: Article, replace: Bool) throws -> AddResult {
        try add(preparer.prepare(article), replace: replace)
    }

    /// Stores a prepared article and everything attached to it. Runs in a savepoint: on error
    /// nothing of it stays.
    @discardableResult
    func add(_ prepared: PreparedArticle, replace: Bool) throws -> AddResult {
        let article = prepared.article
        guard !TextLines.isBlank(article.body) || !TextLines.isBlank(article.title ?? "") else {
            throw ArticleStoreError.invalidInput("an article needs a title or text")
        }
        if nearDuplicateThreshold != nil, !bandsCaughtUp {
            // Near-duplicates are looked up in the band index: bring it up to date first
            // (outside the article's savepoint, so a failed article does not undo it).
            try bands.catchUp()
            bandsCaughtUp = true
        }
        let pendingBefore = pendingIndex.count
        let keywordsBefore = keywordWriter.pendingCount
        do {
            return try addInSavepoint(prepared, replace: replace)
        } catch {
            // The savepoint rolled the rows back; forget their FTS rows and any row ids cached
            // while storing it (a source, tag or entity created in the savepoint is gone).
            for entry in pendingIndex[pendingBefore...] { pendingIDs.remove(entry.id) }
            pendingIndex.removeSubrange(pendingBefore...)
            keywordWriter.forget(from: keywordsBefore)
            // Its terms may have been counted: frequencies are looked up from now on.
            keywordWriter.stopCounting()
            forgetCachedRows()
            throw error
        }
    }

    /// Forgets cached source, tag and entity ids: after a rollback they may name rows that no
    /// longer exist. They are looked up again on next use.
    func forgetCachedRows() {
        sourceIDs.removeAll()
        tagIDs.removeAll()
        entityWriter?.forgetCachedRows()
    }

    /// The band index, caught up in bulk: at the end of every run, and whenever this many
    /// articles wait for their bands.
    private let bands: SignatureBandIndex
    /// Articles stored since the last catch-up whose band rows are not written yet.
    private var unbanded = 0
    /// Whether articles stored by this writer still wait for their band rows.
    var hasUnbandedArticles: Bool { unbanded > 0 }

    /// Whether any stored signature waits for its band rows, this run's or an earlier run's.
    func bandIndexIsBehind() throws -> Bool {
        try unbanded > 0 || bands.isBehind()
    }
    private var bandsCaughtUp = false
    /// The highest article id above the watermark whose bands were written at once (when
    /// skipping near-duplicates, after a catch-up emptied the tail).
    private var bandedAhead: Int64?
    /// The band index's watermark, read once per batch (another process may add bands between
    /// batches).
    private var cachedWatermark: Int64?

    private func bandWatermark() throws -> Int64 {
        if let cachedWatermark { return cachedWatermark }
        let watermark = try bands.watermark()
        cachedWatermark = watermark
        return watermark
    }

    /// Ends a batch: writes the pending FTS rows, refreshes tag names, and brings the band
    /// index up to date when `final` or when enough articles wait for it. Call in the
    /// transaction, outside any savepoint, before COMMIT.
    func finishBatch(final: Bool) throws {
        try flushIndex()
        try keywordWriter.flush()
        try refreshTagNames()
        if let bandedAhead {
            try bands.advanceWatermark(to: bandedAhead)
            self.bandedAhead = nil
        }
        if final || unbanded >= SignatureBandIndex.step {
            try bands.catchUp()
            unbanded = 0
        }
        cachedWatermark = nil
        bandsCaughtUp = false
    }

    /// Writes the pending FTS rows when ``indexFlushSize`` wait. Call in the transaction,
    /// between articles. In a savepoint of its own: if it fails, none of them is written and
    /// they stay pending.
    func flushIndexIfLarge() throws {
        guard pendingIndex.count >= Self.indexFlushSize else { return }
        try connection.savepoint { try flushIndex() }
    }

    /// Writes the pending FTS rows. Call in the transaction, outside any savepoint, before COMMIT.
    private func flushIndex() throws {
        guard !pendingIndex.isEmpty else { return }
        let words = try hasWordIndex()
        for entry in pendingIndex { try entry.insert(into: connection, words: words) }
        pendingIndex.removeAll(keepingCapacity: true)
        pendingIDs.removeAll(keepingCapacity: true)
    }

    private func addInSavepoint(_ prepared: PreparedArticle, replace: Bool) throws -> AddResult {
        try connection.savepoint {
            let result = try store(prepared, replace: replace)
            switch result {
            case .duplicate, .nearDuplicate: return result
            default: break
            }
            for (position, story) in prepared.embedded.enumerated() {
                let child = try store(story, replace: replace)
                try link(result.id, child.id, kind: "embedded", position: position)
            }
            for (position, entry) in prepared.related.enumerated() {
                let child = try store(entry, replace: replace)
                try link(result.id, child.id, kind: "related", position: position)
            }
            try storeSimilarHeadlines(prepared.article.similarHeadlines, keys: prepared.headlineKeys, of: result.id)
            return result
        }
    }

    private func store(_ prepared: PreparedArticle, replace: Bool) throws -> AddResult {
        let article = prepared.article
        let hash = prepared.contentHash, signature = prepared.signature
        let titleKey = prepared.titleKey
        counts.unreadableDates += prepared.unreadableDates
        if let threshold = nearDuplicateThreshold, article.kind == .article, !signature.isEmpty,
           try connection.scalar("SELECT id FROM articles WHERE content_hash = ?", [hash]).int64 == nil,
           let (existing, _) = try NearDuplicateFinder(bandedOnly: connection).mostSimilar(to: signature, atLeast: threshold) {
            counts.nearDuplicates += 1
            return .nearDuplicate(existing)
        }
        let sourceID = try article.source.map { try self.sourceID(name: $0, key: prepared.sourceKey ?? keys.sourceKey($0), domain: article.sourceDomain) }
        let authors = article.authors.isEmpty ? nil : JSONValue.array(article.authors.map(JSONValue.string)).serialized()
        let values: [any DatabaseBindable] = [
            sourceID, article.title, article.body, article.dateline, article.agency, article.url,
            prepared.published, prepared.modified, article.language, authors, article.description,
            article.kind.rawValue, article.isPartial, article.rest, article.extra, hash,
            article.originPath, article.originLine, prepared.fingerprint, titleKey,
            prepared.publishedRaw, prepared.modifiedRaw,
        ]
        let inserted = try connection.rows("""
            INSERT INTO articles(source_id, title, body, dateline, agency, url, published, modified, language,
                                 authors, description, kind, is_partial, rest, extra, content_hash,
                                 origin_path, origin_line, indexed_hash, title_key,
                                 published_raw, modified_raw)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(content_hash) DO NOTHING
            RETURNING id
            """, values)
        let id: Int64
        let result: AddResult
        if let row = inserted.first, let newID = row[0].int64 {
            id = newID
            result = .added(id)
            counts.added += 1
        } else {
            guard let existing = try connection.scalar("SELECT id FROM articles WHERE content_hash = ?", [hash]).int64 else {
                throw ArticleStoreError.notFound("article with content hash \(hash) vanished during ingest")
            }
            guard replace else {
                counts.duplicates += 1
                return .duplicate(existing)
            }
            id = existing
            try rewrite(id, values: values)
            // The page's links are written again by the caller.
            try connection.run("DELETE FROM article_links WHERE article_id = ?", [id])
            result = .replaced(id)
            counts.replaced += 1
        }
        try writeDerived(prepared, id: id)
        return result
    }

    /// Replaces row `id` with `values` (the insert's columns) and drops what was derived from
    /// the old text; ``writeDerived(_:id:)`` then stores the new.
    private func rewrite(_ id: Int64, values: [any DatabaseBindable]) throws {
        try removeFromIndex(id)
        try connection.run("""
            UPDATE articles SET source_id = ?, title = ?, body = ?, dateline = ?, agency = ?, url = ?, published = ?,
                   modified = ?, language = ?, authors = ?, description = ?, kind = ?, is_partial = ?, rest = ?,
                   extra = ?, content_hash = ?, origin_path = ?, origin_line = ?, indexed_hash = ?,
                   title_key = ?, published_raw = ?, modified_raw = ?,
                   ingested_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
             WHERE id = ?
            """, values + [id])
        try removeTags(of: id)
        try connection.run("DELETE FROM similar_headlines WHERE article_id = ?", [id])
        try connection.run("DELETE FROM mentions WHERE article_id = ?", [id])
        try keywordWriter.remove(article: id)
        if let old = try bands.signature(of: id) { try bands.remove(old, article: id) }
        try connection.run("DELETE FROM article_signatures WHERE article_id = ?", [id])
    }

    /// Stores what is derived from a stored row's text: its FTS row (at the end of the batch),
    /// signature and bands, mentions, tags and similar-headline links.
    private func writeDerived(_ prepared: PreparedArticle, id: Int64) throws {
        let article = prepared.article
        let (titleKey, signature) = (prepared.titleKey, prepared.signature)
        pendingIndex.append(IndexEntry(id: id, prepared: prepared))
        pendingIDs.insert(id)
        try keywordWriter.counting(prepared.termHashes)
        if !signature.isEmpty {
            try connection.run("INSERT INTO article_signatures(article_id, minhash) VALUES (?, ?)", [id, DatabaseValue.blob(signature.bytes)])
            // Bands wait for the next catch-up (see SignatureBandIndex), except where the index
            // must be current: when skipping near-duplicates, and for a replaced article the
            // index has passed (a later catch-up starts above it).
            let watermark = try bandWatermark()
            if nearDuplicateThreshold != nil || id <= watermark {
                try bands.insert(signature, article: id)
                if id > watermark { bandedAhead = max(bandedAhead ?? id, id) }
            } else {
                unbanded += 1
            }
        }
        if let entityWriter, let mentions = prepared.mentions {
            try entityWriter.write(mentions, article: id)
        }
        keywordWriter.enqueue(prepared.keywordCandidates, article: id)
        for (position, tag) in article.tags.enumerated() {
            let tagID = try self.tagID(tag, key: prepared.tagKeys[position])
            try connection.run("INSERT OR IGNORE INTO article_tags(article_id, tag_id, spelling, position) VALUES (?, ?, ?, ?)",
                               [id, tagID, tag, position])
            if connection.changes == 1 {
                try connection.run("""
                    INSERT INTO tag_spellings(tag_id, spelling, articles, first_article_id) VALUES (?, ?, 1, ?)
                    ON CONFLICT(tag_id, spelling) DO UPDATE SET articles = articles + 1
                    """, [tagID, tag, id])
                try connection.run("UPDATE tags SET articles = articles + 1 WHERE id = ?", [tagID])
            }
        }
        if let titleKey {
            try connection.run("UPDATE similar_headlines SET linked_article_id = ? WHERE headline_key = ? AND linked_article_id IS NULL",
                               [id, titleKey])
        }
    }

    /// Queues article `id`'s keywords from its prepared text; they are ranked and stored when
    /// the batch ends (``finishBatch(final:)``).
    func writeKeywords(_ prepared: PreparedArticle, id: Int64) throws {
        try keywordWriter.remove(article: id)
        keywordWriter.enqueue(prepared.keywordCandidates, article: id)
    }

    /// Updates article `id` in place (its id stays): the row and everything derived from it.
    /// Links to embedded and related articles stay as they are.
    func update(_ id: Int64, with prepared: PreparedArticle) throws {
        try connection.savepoint {
            let article = prepared.article
            let sourceID = try article.source.map { try self.sourceID(name: $0, key: prepared.sourceKey ?? keys.sourceKey($0), domain: article.sourceDomain) }
            let authors = article.authors.isEmpty ? nil : JSONValue.array(article.authors.map(JSONValue.string)).serialized()
            if let other = try connection.scalar("SELECT id FROM articles WHERE content_hash = ? AND id != ?", [prepared.contentHash, id]).int64 {
                throw ArticleStoreError.invalidInput("the changed article would duplicate article \(other) (same text and URL)")
            }
            try rewrite(id, values: [
                sourceID, article.title, article.body, article.dateline, article.agency, article.url,
                prepared.published, prepared.modified, article.language, authors, article.description,
                article.kind.rawValue, article.isPartial, article.rest, article.extra, prepared.contentHash,
                article.originPath, article.originLine, prepared.fingerprint, prepared.titleKey,
                prepared.publishedRaw, prepared.modifiedRaw,
            ])
            try writeDerived(prepared, id: id)
            try storeSimilarHeadlines(article.similarHeadlines, keys: prepared.headlineKeys, of: id)
        }
    }

    /// Removes an article's entries from the full-text indexes. The contentless indexes need
    /// the terms and forms they were given: they are analyzed again from the stored text, after checking
    /// (``IndexFingerprint``) that the text is the one indexed. A row another tool changed
    /// cannot be removed precisely: that throws, and `check --repair` rebuilds the index.
    func removeFromIndex(_ id: Int64) throws {
        if pendingIDs.contains(id) {
            // Added earlier in this batch: its FTS row is not written yet.
            pendingIndex.removeAll { $0.id == id }
            pendingIDs.remove(id)
            keywordWriter.forget(article: id)
            keywordWriter.stopCounting()
            return
        }
        guard let entry = try IndexEntry.stored(id, connection: connection, keys: keys) else { return }
        // Its index row may have been written earlier in this batch (``flushIndexIfLarge()``)
        // with its keywords still queued: they go with it (a rewrite queues new ones).
        keywordWriter.forget(article: id)
        keywordWriter.stopCounting()
        try entry.remove(from: connection, words: try hasWordIndex())
    }

    /// Whether the store keeps the word index (``WordIndex``), looked up once per writer.
    private func hasWordIndex() throws -> Bool {
        if let wordIndex { return wordIndex }
        let exists = try WordIndex.exists(in: connection)
        wordIndex = exists
        return exists
    }
    private var wordIndex: Bool?

    private func link(_ article: Int64, _ linked: Int64, kind: String, position: Int) throws {
        guard article != linked else { return }
        try connection.run("INSERT OR IGNORE INTO article_links(article_id, linked_article_id, kind, position) VALUES (?, ?, ?, ?)",
                           [article, linked, kind, position])
    }

    private func storeSimilarHeadlines(_ headlines: [String], keys headlineKeys: [String], of article: Int64) throws {
        for (position, headline) in headlines.enumerated() {
            let key = headlineKeys[position]
            try connection.run("""
                INSERT OR REPLACE INTO similar_headlines(article_id, position, headline, headline_key, linked_article_id)
                VALUES (?, ?, ?, ?, (SELECT id FROM articles WHERE title_key = ? AND id != ? ORDER BY id LIMIT 1))
                """, [article, position, headline, key, key, article])
        }
    }

    private func sourceID(name: String, key: String, domain: String?) throws -> Int64 {
        if let id = sourceIDs[key] { return id }
        let id = try connection.scalar("""
            INSERT INTO sources(name, name_key, domain) VALUES (?, ?, ?)
            ON CONFLICT(name_key) DO UPDATE SET domain = coalesce(sources.domain, excluded.domain)
            RETURNING id
            """, [TextLines.trim(name), key, domain]).int64 ?? 0
        sourceIDs[key] = id
        return id
    }

    private func tagID(_ spelling: String, key: String) throws -> Int64 {
        if let id = tagIDs[key] {
            touchedTags.insert(id)
            return id
        }
        let id = try connection.scalar("""
            INSERT INTO tags(name, tag_key) VALUES (?, ?)
            ON CONFLICT(tag_key) DO UPDATE SET tag_key = excluded.tag_key
            RETURNING id
            """, [spelling, key]).int64 ?? 0
        tagIDs[key] = id
        touchedTags.insert(id)
        return id
    }

    /// Takes an article's tags off it, keeping the tag and spelling counts right.
    func removeTags(of id: Int64) throws {
        for row in try connection.rows("SELECT tag_id FROM article_tags WHERE article_id = ?", [id]) {
            if let tagID = row[0].int64 { touchedTags.insert(tagID) }
        }
        try connection.run("""
            UPDATE tag_spellings SET articles = articles - 1
             WHERE (tag_id, spelling) IN (SELECT tag_id, spelling FROM article_tags WHERE article_id = ?)
            """, [id])
        try connection.run("UPDATE tags SET articles = articles - 1 WHERE id IN (SELECT tag_id FROM article_tags WHERE article_id = ?)", [id])
        try connection.run("DELETE FROM article_tags WHERE article_id = ?", [id])
    }

    /// Sets each touched tag's display name to its most frequent original spelling.
    private func refreshTagNames() throws {
        for id in touchedTags {
            try connection.run("""
                UPDATE tags SET name = (SELECT spelling FROM tag_spellings WHERE tag_id = ?1 AND articles > 0
                                         ORDER BY articles DESC, first_article_id LIMIT 1)
                 WHERE id = ?1 AND EXISTS (SELECT 1 FROM tag_spellings WHERE tag_id = ?1 AND articles > 0)
                """, [id])
        }
        touchedTags.removeAll()
    }
}
