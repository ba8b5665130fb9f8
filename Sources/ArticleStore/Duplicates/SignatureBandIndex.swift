/// The LSH band index (`signature_bands`), kept behind the signatures and caught up in bulk.
///
/// Band keys are random 64-bit hashes, so inserting an article's 8 band rows as it arrives
/// touches 8 random leaf pages of a b-tree that grows with the store: at a million articles
/// every batch rewrote most of the index. Instead ingest stores the signature only and adds
/// band rows later, many articles at a time and sorted by band key, so each index page is
/// written once per catch-up rather than once per batch.
///
/// Bands are added in article id order and `signature_band_watermark` holds the highest id
/// banded, so every article with a signature and a higher id is unbanded: the *tail*. Readers
/// (which may not write, or may run while an ingest is under way) take the tail's band keys
/// from its signatures in memory; ``catchUp()`` moves it into the table. An article stored
/// with an id at or below the watermark (a replacement) gets its band rows at once.
struct SignatureBandIndex {
    let connection: Connection

    /// Articles per catch-up step: 100,000 articles make 800,000 band rows (about 13 MB) to
    /// sort in memory.
    static let step = 100_000

    /// The highest article id whose band rows are written (0 when none are).
    func watermark() throws -> Int64 {
        try connection.scalar("SELECT article_id FROM signature_band_watermark WHERE id = 1").int64 ?? 0
    }

    /// Whether signatures above the watermark wait for their band rows (a run that was killed
    /// between its last commit and its catch-up leaves them).
    func isBehind() throws -> Bool {
        try connection.scalar("SELECT EXISTS (SELECT 1 FROM article_signatures WHERE article_id > ?)", [try watermark()]).int64 == 1
    }

    /// Records that every signature up to article `id` has its band rows.
    func advanceWatermark(to id: Int64) throws {
        try connection.run("""
            INSERT INTO signature_band_watermark(id, article_id) VALUES (1, ?1)
            ON CONFLICT(id) DO UPDATE SET article_id = max(article_id, ?1)
            """, [id])
    }

    /// The stored signature of article `id`, if it has one.
    func signature(of id: Int64) throws -> MinHashSignature? {
        guard case let .blob(bytes) = try connection.scalar("SELECT minhash FROM article_signatures WHERE article_id = ?", [id]) else {
            return nil
        }
        return MinHashSignature(bytes: bytes)
    }

    /// Band keys of the unbanded signatures after article `id`, in id order, at most `limit`
    /// articles; and the last article id read.
    func tail(after id: Int64, limit: Int) throws -> (bands: [(key: Int64, id: Int64)], last: Int64?) {
        let statement = try connection.cachedStatement(
            "SELECT article_id, minhash FROM article_signatures WHERE article_id > ? ORDER BY article_id LIMIT ?")
        defer { statement.reset() }
        try statement.bind([id, limit])
        var bands: [(key: Int64, id: Int64)] = []
        var last: Int64?
        while try statement.step() {
            let article = statement.int64(at: 0)
            last = article
            guard let bytes = statement.blob(at: 1), let signature = MinHashSignature(bytes: bytes) else { continue }
            for key in signature.bandKeys { bands.append((key, article)) }
        }
        return (bands, last)
    }

    /// Writes an article's band rows now (for articles at or below the watermark, and when the
    /// index must be current as articles arrive).
    func insert(_ signature: MinHashSignature, article id: Int64) throws {
        try connection.insertRows("INSERT OR IGNORE INTO signature_bands(band_key, article_id)", columns: 2,
                                  signature.bandKeys.map { [$0, id] })
    }

    /// Removes the band rows `signature` gave article `id`.
    func remove(_ signature: MinHashSignature, article id: Int64) throws {
        for key in signature.bandKeys {
            try connection.run("DELETE FROM signature_bands WHERE band_key = ? AND article_id = ?", [key, id])
        }
    }

    /// Adds the band rows of every unbanded article, `step` articles at a time, sorted by band
    /// key, and advances the watermark. Run it inside a write transaction. Returns the number
    /// of articles read.
    @discardableResult
    func catchUp() throws -> Int {
        var after = try watermark()
        var read = 0
        // 64 rows per statement: one statement per row spent more on running it than on the insert.
        let rowsPerStatement = 64
        let insertSQL = "INSERT OR IGNORE INTO signature_bands(band_key, article_id) VALUES "
        let insertMany = try connection.cachedStatement(insertSQL + Array(repeating: "(?, ?)", count: rowsPerStatement).joined(separator: ", "))
        let insertOne = try connection.cachedStatement(insertSQL + "(?, ?)")
        while true {
            var (rows, last) = try tail(after: after, limit: Self.step)
            guard let last else { break }
            rows.sort { $0.key != $1.key ? $0.key < $1.key : $0.id < $1.id }
            var start = 0
            while start < rows.count {
                let statement = rows.count - start >= rowsPerStatement ? insertMany : insertOne
                let end = statement === insertMany ? start + rowsPerStatement : start + 1
                for (offset, row) in rows[start..<end].enumerated() {
                    try statement.bind(.integer(row.key), at: Int32(2 * offset + 1))
                    try statement.bind(.integer(row.id), at: Int32(2 * offset + 2))
                }
                while try statement.step() {}
                statement.reset()
                start = end
            }
            try advanceWatermark(to: last)
            read += rows.count / MinHashSignature.bands
            after = last
        }
        return read
    }

    /// The tail's band keys and the articles that have each, read from their signatures.
    func pendingBands() throws -> [Int64: [Int64]] {
        var after = try watermark()
        var bands: [Int64: [Int64]] = [:]
        while true {
            let (rows, last) = try tail(after: after, limit: Self.step)
            guard let last else { break }
            for row in rows { bands[row.key, default: []].append(row.id) }
            after = last
        }
        return bands
    }

    /// Deletes band rows of articles that no longer have a signature (deleted outside
    /// ArticleStore). Scans the index: for `optimize`, not for every write.
    func removeOrphans() throws {
        try connection.run("DELETE FROM signature_bands WHERE article_id NOT IN (SELECT article_id FROM article_signatures)")
    }
}
