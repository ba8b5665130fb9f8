import Foundation
import Testing
@testable import ArticleStore

@Suite("Band index caught up in bulk")
struct SignatureBandIndexTests {
    /// Writes the three near-duplicate test stories (plus `extra` unrelated ones) as JSON Lines.
    static func write(_ bodies: [String], to path: String) throws {
        let lines = bodies.enumerated().map { index, body in
            JSONValue.object([("maintext", .string(body)), ("url", .string("https://x.example/\(index)"))]).serialized()
        }
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    static let bodies = [NearDuplicateTests.original, NearDuplicateTests.unrelated, NearDuplicateTests.nearCopy]
        + (1...5).map { "خبر رقم \($0) عن افتتاح مكتبة عامة جديدة في المدينة \($0) بحضور عدد من المسؤولين والكتاب والقراء." }

    /// A new store with the first `count` test bodies ingested; their JSON Lines file; their ids.
    static func store(ingesting count: Int, in directory: TemporaryDirectory) throws -> (ArticleStore, path: String, ids: [Int64]) {
        let store = try ArticleStore(path: directory.path("s.sqlite"))
        let path = directory.path("in.jsonl")
        try write(Array(bodies.prefix(count)), to: path)
        _ = try store.ingest([path])
        let ids = try store.connection.rows("SELECT id FROM articles ORDER BY id").compactMap { $0[0].int64 }
        return (store, path, ids)
    }

    /// (band_key, article_id) rows in the table, and as computed from the stored signatures.
    static func bandRows(_ store: ArticleStore) throws -> (stored: [[Int64]], expected: [[Int64]]) {
        let stored = try store.connection.rows("SELECT band_key, article_id FROM signature_bands ORDER BY 1, 2")
            .map { [$0[0].int64 ?? 0, $0[1].int64 ?? 0] }
        var expected: [[Int64]] = []
        for row in try store.connection.rows("SELECT article_id, minhash FROM article_signatures") {
            let signature = try #require(row[1].bytes.flatMap(MinHashSignature.init(bytes:)))
            expected += signature.bandKeys.map { [$0, row[0].int64 ?? 0] }
        }
        return (stored, expected.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) })
    }

    @Test("after an ingest of many small batches every signature has exactly its band rows")
    func caughtUpAfterIngest() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.path("s.sqlite"))
        let path = directory.path("in.jsonl")
        try Self.write(Self.bodies, to: path)
        let summary = try store.ingest([path], options: IngestOptions(batchSize: 3))
        #expect(summary.added == Self.bodies.count)
        let rows = try Self.bandRows(store)
        #expect(rows.stored.count == Self.bodies.count * MinHashSignature.bands)
        #expect(rows.stored == rows.expected)
        // A batch that ends the run exactly (batch size = article count) is caught up too.
        let exact = try ArticleStore(path: directory.path("t.sqlite"))
        _ = try exact.ingest([path], options: IngestOptions(batchSize: Self.bodies.count))
        let exactRows = try Self.bandRows(exact)
        #expect(exactRows.stored.count == Self.bodies.count * MinHashSignature.bands)
    }

    @Test("articles whose bands were never written (an interrupted run) are still found, and caught up later")
    func unbandedTail() throws {
        let directory = try TemporaryDirectory()
        let (store, _, ids) = try Self.store(ingesting: 3, in: directory)
        let (original, copy) = (ids[0], ids[2])
        // As if the run stopped after committing the copy but before its catch-up.
        try store.connection.run("DELETE FROM signature_bands WHERE article_id >= ?", [ids[1]])
        try store.connection.run("UPDATE signature_band_watermark SET article_id = ?", [original])
        #expect(try SignatureBandIndex(connection: store.connection).watermark() == original)

        #expect(try store.nearDuplicates(of: original, threshold: 0.6).map(\.id) == [copy])
        #expect(try store.nearDuplicates(of: copy, threshold: 0.6).map(\.id) == [original])
        #expect(try store.nearDuplicateClusters(threshold: 0.6).map { $0.members.map(\.id) } == [[original, copy]])
        let collapsed = try store.search("التعاون العسكري", options: SearchOptions(collapseNearDuplicates: 0.6))
        #expect(collapsed.hits.count == 1)

        // The next ingest catches the index up, whatever it adds.
        let more = directory.path("more.jsonl")
        try Self.write(Array(Self.bodies.suffix(2)), to: more)
        _ = try store.ingest([more])
        let rows = try Self.bandRows(store)
        #expect(rows.stored.count == 5 * MinHashSignature.bands)
        #expect(rows.stored == rows.expected)
    }

    @Test("skipping near-duplicates first catches up a tail an earlier run left")
    func skipSeesTail() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.path("s.sqlite"))
        let first = directory.path("a.jsonl"), second = directory.path("b.jsonl")
        try Self.write([NearDuplicateTests.original], to: first)
        try Self.write([NearDuplicateTests.nearCopy], to: second)
        _ = try store.ingest([first])
        try store.connection.run("DELETE FROM signature_bands")
        try store.connection.run("UPDATE signature_band_watermark SET article_id = 0")
        let summary = try store.ingest([second], options: IngestOptions(skipNearDuplicates: 0.6))
        #expect(summary.nearDuplicates == 1)
        #expect(summary.added == 0)
        #expect(try Self.bandRows(store).stored.count == MinHashSignature.bands)
    }

    @Test("optimize adds a missing tail and drops bands of articles deleted outside ArticleStore")
    func optimizeRepairs() throws {
        let directory = try TemporaryDirectory()
        let (store, _, ids) = try Self.store(ingesting: 4, in: directory)
        try store.connection.run("DELETE FROM signature_bands WHERE article_id = ?", [ids[3]])
        try store.connection.run("UPDATE signature_band_watermark SET article_id = ?", [ids[2]])
        try store.connection.run("DELETE FROM article_signatures WHERE article_id = ?", [ids[0]])
        try store.optimize()
        let rows = try Self.bandRows(store)
        #expect(rows.stored.count == 3 * MinHashSignature.bands)
        #expect(rows.stored == rows.expected)
        #expect(try SignatureBandIndex(connection: store.connection).watermark() == ids[3])
    }

    @Test("replacing an article the index has passed rewrites its bands at once")
    func replaceBelowWatermark() throws {
        let directory = try TemporaryDirectory()
        let (store, path, _) = try Self.store(ingesting: 4, in: directory)
        let summary = try store.ingest([path], options: IngestOptions(replace: true))
        #expect(summary.replaced == 4)
        let rows = try Self.bandRows(store)
        #expect(rows.stored.count == 4 * MinHashSignature.bands)
        #expect(rows.stored == rows.expected)
    }
}
