extension ArticleStore {
    // MARK: Near-duplicates

    /// Clusters of near-duplicate articles (estimated Jaccard similarity of their analyzed
    /// 3-word shingles at or above `threshold`), largest first; with a `selection`, only its
    /// articles take part (clusters keep the members it selects, when two or more).
    public func nearDuplicateClusters(threshold: Double = 0.8, in selection: ArticleSelection = .all) throws -> [NearDuplicateCluster] {
        try read { connection in
            let clusters = try NearDuplicateFinder(connection: connection).clusters(threshold: threshold)
            guard selection != .all else { return clusters }
            let selected = Set(try SelectionSQL(selection, analyzer: analyzer, connection: connection).ids(connection))
            return clusters.compactMap { cluster in
                let members = cluster.members.filter { selected.contains($0.id) }
                return members.count > 1 ? NearDuplicateCluster(members: members) : nil
            }.sorted { $0.members.count > $1.members.count }
        }
    }

    /// Stored articles that are near-duplicates of article `id`, most similar first.
    public func nearDuplicates(of id: Int64, threshold: Double = 0.8) throws -> [(id: Int64, similarity: Double)] {
        try read { connection in
            guard let signature = try SignatureBandIndex(connection: connection).signature(of: id) else { return [] }
            return try NearDuplicateFinder(connection: connection).candidates(of: signature, excluding: id)
                .filter { $0.similarity >= threshold }.sorted { $0.similarity > $1.similarity }
        }
    }

    // MARK: Optimize

    /// What ``optimize(vacuum:)`` did.
    public struct OptimizeReport: Sendable, Equatable, Codable {
        public let bytesBefore: Int64
        public let bytesAfter: Int64
    }

    /// Merges the full-text index into one segment (FTS5 `optimize`), brings the near-duplicate
    /// band index up to date (adding bands an interrupted ingest left out, dropping those of
    /// articles deleted outside ArticleStore), refreshes the query
    /// planner's statistics (`PRAGMA optimize`, running ANALYZE where useful), checkpoints the
    /// WAL, and with `vacuum` rebuilds the file without free pages (needs free disk space about
    /// the size of the file, and locks the store while it runs).
    @discardableResult
    public func optimize(vacuum: Bool = false) throws -> OptimizeReport {
        try write { connection in
        func size() throws -> Int64 {
            let pages = try connection.scalar("PRAGMA page_count").int64 ?? 0
            let pageSize = try connection.scalar("PRAGMA page_size").int64 ?? 0
            return pages * pageSize
        }
        let before = try size()
        try connection.transaction {
            try connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
            try connection.execute("INSERT INTO articles_forms(articles_forms) VALUES ('optimize')")
            if try WordIndex.exists(in: connection) {
                try connection.execute("INSERT INTO articles_words(articles_words) VALUES ('optimize')")
            }
            let bands = SignatureBandIndex(connection: connection)
            try bands.removeOrphans()
            try bands.catchUp()
        }
        try connection.execute("PRAGMA analysis_limit = 1000")
        try connection.execute("ANALYZE")
        if vacuum { try connection.execute("VACUUM") }
        try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return OptimizeReport(bytesBefore: before, bytesAfter: try size())
        }
    }
}

extension ArticleStore {
    // MARK: Delete

    /// Deletes the articles `selection` selects (for a takedown or a mistaken import), with all
    /// their derived data, in one transaction: interrupted, nothing is deleted. Embedded
    /// stories go with the page that embeds them. Returns the listings of what was deleted; with
    /// `dryRun`, of what would be, and nothing changes.
    ///
    /// An empty selection (``ArticleSelection/all``) is refused: delete everything by
    /// removing the file.
    @discardableResult
    public func deleteArticles(_ selection: ArticleSelection, dryRun: Bool = false) throws -> [ArticleListing] {
        guard selection != .all, selection.expression != nil || selection.hasFilters else {
            throw ArticleStoreError.invalidInput("the selection selects every article; name ids, a query or filters")
        }
        return try write { connection in
            let ids = try SelectionSQL(selection, analyzer: analyzer, connection: connection).ids(connection)
            return try deleteArticles(ids: ids, dryRun: dryRun, connection: connection)
        }
    }

    /// Deletes the articles with these ids (unknown ids are ignored); see ``deleteArticles(_:dryRun:)``.
    @discardableResult
    public func deleteArticles(ids: [Int64], dryRun: Bool = false) throws -> [ArticleListing] {
        try write { try deleteArticles(ids: ids, dryRun: dryRun, connection: $0) }
    }

    private func deleteArticles(ids: [Int64], dryRun: Bool, connection: Connection) throws -> [ArticleListing] {
        let deleter = ArticleDeleter(connection: connection, writer: ArticleWriter(connection: connection, analyzer: analyzer))
        let listings = try ArticleReader(connection: connection).listings(ids: try deleter.closure(of: ids))
        guard !dryRun, !listings.isEmpty else { return listings }
        try connection.transaction { _ = try deleter.delete(listings.map(\.id)) }
        return listings
    }
}

extension ArticleStore {
    // MARK: Check and repair

    /// Checks the store against what ArticleStore would have written (see ``CheckReport``):
    /// SQLite's integrity, the full-text index against the articles, analyzed terms,
    /// signatures and mentions of rows other tools changed or inserted, rows pointing at
    /// deleted articles, tag counts, dates stored before normalization; and lists what other
    /// tools added. With `repair`, recomputes everything derived that is wrong, in one
    /// transaction (what SQLite's own integrity check reports cannot be repaired here).
    public func check(repair: Bool = false) throws -> CheckReport {
        if repair {
            return try write { connection in
                try StoreChecker(connection: connection, analyzer: analyzer, gazetteer: gazetteer(connection)).run(repair: true)
            }
        }
        return try read { try StoreChecker(connection: $0, analyzer: analyzer, gazetteer: nil).run(repair: false) }
    }
}

extension ArticleStore {
    // MARK: Update

    /// Changes the fields of stored article `id` in place (its id stays) and recomputes what is
    /// derived from them (index row, signature, mentions, tags and their counts) in one
    /// transaction. `change` gets the article as stored; embedded and related links stay.
    /// Returns the article as stored afterwards; nil when there is no article `id`.
    ///
    /// ```swift
    /// try store.updateArticle(id: 42) { $0.title = "عنوان مصحح"; $0.tags.append("تصحيح") }
    /// ```
    @discardableResult
    public func updateArticle(id: Int64, _ change: (inout Article) throws -> Void) throws -> StoredArticle? {
        try write { connection in
            guard let stored = try ArticleReader(connection: connection).article(id: id) else { return nil }
            var article = Article(title: stored.title, body: stored.body, dateline: stored.dateline, agency: stored.agency,
                                  source: stored.source, sourceDomain: stored.sourceDomain, url: stored.url,
                                  published: stored.publishedRaw ?? stored.published, modified: stored.modifiedRaw ?? stored.modified,
                                  language: stored.language, authors: stored.authors, description: stored.description,
                                  tags: stored.tags, kind: stored.kind, isPartial: stored.isPartial, rest: stored.rest, extra: stored.extra,
                                  similarHeadlines: stored.similar.map(\.headline), originPath: stored.originPath, originLine: stored.originLine)
            try change(&article)
            guard !TextLines.isBlank(article.body) || !TextLines.isBlank(article.title ?? "") else {
                throw ArticleStoreError.invalidInput("an article needs a title or text")
            }
            let writer = ArticleWriter(connection: connection, analyzer: analyzer, gazetteer: gazetteer(connection))
            try WriteBatch.run(connection: connection, writer: writer) { _ in
                try connection.execute("BEGIN IMMEDIATE")
                try writer.update(id, with: writer.preparer.prepare(article))
            }
            return try ArticleReader(connection: connection).article(id: id)
        }
    }
}

extension ArticleStore {
    // MARK: Word index

    /// Whether the store keeps `articles_words`, the full-text index of titles and bodies as
    /// written that Datasette's search box and `sqlite-utils search` use. New stores have it.
    public var hasWordIndex: Bool {
        get throws { try read { try WordIndex.exists(in: $0) } }
    }

    /// Keeps (`true`) or drops (`false`) the word index. Dropping it makes ingest about a fifth
    /// faster and the file a few percent smaller; ArticleStore's own search does not use it,
    /// but other tools then find no full-text index for `articles`. Turning it on indexes every
    /// stored article (in one transaction). Nothing happens when it is already so.
    public func setWordIndex(_ enabled: Bool) throws {
        try write { connection in
            let version = try migrator.appliedVersion(in: connection)
            try connection.transaction {
                if enabled {
                    try WordIndex.create(in: connection, version: version)
                } else {
                    try WordIndex.drop(in: connection)
                }
            }
        }
    }
}
