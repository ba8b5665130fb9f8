/// Ranks articles' keyword candidates against the store's document frequencies and stores
/// their keywords (`article_keywords`), in the caller's transaction.
///
/// Articles are ranked together at the end of a batch (``flush()``), after their terms are in
/// the index: every article of a batch sees the same frequencies, so the keywords do not
/// depend on the order articles arrive in, and ingesting the same input again (into another
/// store, or with replace) gives the same keywords. Until then each article keeps a shortlist
/// of its candidates (see ``KeywordCandidateExtractor``), which bounds the memory a batch holds.
final class KeywordWriter {
    private let connection: Connection
    private let keys: TextKey
    let ranker: KeywordRanker
    private var pending: [(id: Int64, candidates: [KeywordCandidate])] = []
    private var queued: Set<Int64> = []
    private var vocabularyReady = false

    /// Document frequencies counted from the entries this writer added to the index, kept
    /// while they are all the index holds (it was empty before the first): then they are the
    /// index's own, without a lookup. nil once anything else changed the index.
    private var runCounts: UInt64Map<Int32>?
    private var runDocuments = 0
    private var countingChecked = false

    init(connection: Connection, keys: TextKey, ranker: KeywordRanker = KeywordRanker()) {
        self.connection = connection
        self.keys = keys
        self.ranker = ranker
    }

    /// Number of articles waiting for ``flush()``.
    var pendingCount: Int { pending.count }

    /// Queues article `id`'s (shortlisted) candidates for ranking at ``flush()``. Its stored
    /// keywords, if any, must be removed first (``remove(article:)``): the writer does it when it
    /// rewrites a row, repair before it computes them again.
    func enqueue(_ candidates: [KeywordCandidate], article id: Int64) {
        if queued.contains(id) { pending.removeAll { $0.id == id } }
        queued.insert(id)
        if !candidates.isEmpty { pending.append((id, candidates)) }
    }

    /// Counts an article whose index entry this writer writes at the end of the batch (its
    /// hashed distinct terms; nil when they were not computed, which ends the counting).
    func counting(_ termHashes: [UInt64]?) throws {
        if !countingChecked {
            countingChecked = true
            if try connection.scalar("SELECT NOT EXISTS (SELECT 1 FROM articles_fts_docsize)").int64 == 1 {
                runCounts = UInt64Map(minimumCapacity: 1 << 16)
            }
        }
        guard runCounts != nil else { return }
        guard let termHashes else {
            runCounts = nil
            return
        }
        runDocuments += 1
        for hash in termHashes { runCounts!.update(hash, initial: 0) { $0 += 1 } }
    }

    /// Something other than this writer's additions changed the index (an entry was removed,
    /// or a counted article rolled back): frequencies are looked up from now on.
    func stopCounting() {
        countingChecked = true
        runCounts = nil
    }

    /// Forgets queued articles from position `count` on (their savepoint was rolled back).
    func forget(from count: Int) {
        if count < pending.count {
            for entry in pending[count...] { queued.remove(entry.id) }
            pending.removeSubrange(count...)
        }
    }

    /// Forgets a queued article (it is being removed before the batch ends).
    func forget(article id: Int64) {
        guard queued.remove(id) != nil else { return }
        pending.removeAll { $0.id == id }
    }

    /// Ranks every queued article against the index's current document frequencies and stores
    /// their keywords. Call after the batch's index rows are written.
    func flush() throws {
        guard !pending.isEmpty else { return }
        let documents = Int(try connection.scalar("SELECT count(*) FROM articles_fts_docsize").int64 ?? 0)
        // Another process may have written between batches: the counts hold only while they
        // cover every indexed article.
        if runCounts != nil && documents != runDocuments { runCounts = nil }
        if runCounts == nil && !vocabularyReady {
            try connection.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_fts_terms USING fts5vocab(main, articles_fts, row)")
            vocabularyReady = true
        }
        // Each stem's inverse document frequency (by its hash), counted or looked up once per flush.
        var inverses = UInt64Map<Double>(minimumCapacity: 1 << 12)
        func frequency(_ candidate: KeywordCandidate, _ index: Int) throws -> Int {
            if let runCounts { return Int(runCounts[candidate.contentStemHashes[index]] ?? 0) }
            let lookup = try connection.cachedStatement("SELECT doc FROM temp.articles_fts_terms WHERE term = ?")
            try lookup.bind([candidate.contentStems[index]])
            defer { lookup.reset() }
            return try lookup.step() ? Int(lookup.int64(at: 0)) : 0
        }
        let insert = try connection.cachedStatement("INSERT INTO article_keywords(article_id, rank, keyword, keyword_key) VALUES (?, ?, ?, ?)")
        for (id, candidates) in pending {
            for candidate in candidates {
                for index in 0..<candidate.contentStemHashes.count where inverses[candidate.contentStemHashes[index]] == nil {
                    let hash = candidate.contentStemHashes[index]
                    inverses.set(hash, to: DocumentFrequencies.inverse(count: try frequency(candidate, index), documents: documents))
                }
            }
            let ranked = ranker.rank(candidates) { candidate in
                KeywordRanker.rarity(of: candidate) { inverses[candidate.contentStemHashes[$0]] ?? 1 }
            }
            for (index, candidate) in ranked.enumerated() {
                // The candidate's key is its words' stems, stopwords included: TextKey.nameKey of the
                // surface, computed on the worker thread that found it.
                try insert.bind([id, index + 1, candidate.surface, candidate.key.isEmpty ? keys.nameKey(candidate.surface) : candidate.key])
                _ = try insert.step()
                insert.reset()
            }
        }
        pending.removeAll(keepingCapacity: false)
        queued.removeAll()
    }

    func remove(article id: Int64) throws {
        try connection.run("DELETE FROM article_keywords WHERE article_id = ?", [id])
    }
}
