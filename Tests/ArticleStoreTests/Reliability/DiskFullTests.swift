import Foundation
import Testing
@testable import ArticleStore

/// A full disk, simulated with SQLite's page-count limit: the ingest stops with a clear error,
/// the open batch is rolled back, what was committed stays, and the file stays consistent.
@Suite("Reliability: disk full")
struct DiskFullTests {
    @Test("SQLITE_FULL stops the run; committed batches stay; integrity holds; a later run completes")
    func diskFull() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.path("s.sqlite"))
        let input = directory.path("in.jsonl")
        var lines: [String] = []
        for index in 0..<300 {
            let body = (0..<40).map { "جملة رقم \($0) في الخبر \(index) عن التعاون بين إيران وروسيا." }.joined(separator: " ")
            lines.append(JSONValue.object([("maintext", .string(body)), ("url", .string("https://x.example/\(index)"))]).serialized())
        }
        try lines.joined(separator: "\n").write(toFile: input, atomically: false, encoding: .utf8)
        let pages = try store.connection.scalar("PRAGMA page_count").int64 ?? 0
        try store.connection.execute("PRAGMA max_page_count = \(pages + 600)")
        #expect {
            try store.ingest([input], options: IngestOptions(batchSize: 50))
        } throws: { error in
            guard case let ArticleStoreError.sqlite(code, _, message, _) = error else { return false }
            return code == 13 && message.contains("full")
        }
        let stored = Int(try store.connection.scalar("SELECT count(*) FROM articles").int64 ?? -1)
        #expect(stored > 0 && stored < 300 && stored % 50 == 0, "whole batches only: \(stored)")
        #expect(try store.connection.scalar("PRAGMA integrity_check").string == "ok")
        try store.connection.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        // Space again: the same run finishes the job, adding exactly what is missing.
        try store.connection.execute("PRAGMA max_page_count = 1073741823")
        let rerun = try store.ingest([input], options: IngestOptions(batchSize: 50))
        #expect(rerun.added == 300 - stored)
        #expect(rerun.duplicates == stored)
    }
}
