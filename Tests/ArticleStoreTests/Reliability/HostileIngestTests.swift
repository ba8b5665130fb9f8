import Foundation
import Testing
@testable import ArticleStore

/// Ingest under hostile or careless input (reliability round two): streamed JSON arrays, bounded
/// failure lists, format decided by structure, special files in walks, odd encodings.
@Suite("hostile ingest input")
struct HostileIngestTests {
    let directory: TemporaryDirectory
    let store: ArticleStore

    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.path("store.sqlite"))
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let path = directory.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private static func record(_ index: Int, padding: Int = 0) -> String {
        #"{"title": "خبر رقم \#(index)", "maintext": "نص الخبر رقم \#(index) عن الطقس\#(String(repeating: " طويل", count: padding))", "url": "https://example.org/\#(index)"}"#
    }

    @Test("a JSON array is split into records as it streams; bad elements cost only themselves")
    func streamedArray() throws {
        var elements = (0..<3000).map { Self.record($0) }
        elements[10] = #"{"title": "رقم ضخم", "maintext": "نص", "score": 1e999999}"#
        elements[20] = #"{"title": "صفر", "maintext": "نص فيه \u0000 صفر"}"#
        elements[30] = #""not an object""#
        let path = try write("array.json", "[\n" + elements.joined(separator: ",\n") + "\n]\n")
        let summary = try store.ingest([path])
        #expect(summary.added == 2997)
        #expect(summary.failureCount == 3)
        let messages = summary.failures.map(\.message).joined(separator: "\n")
        #expect(messages.contains("NUL character"), "\(messages)")
        #expect(messages.contains("not a JSON object"), "\(messages)")
        #expect(messages.contains("\(path):12:"), "\(messages)")
    }

    @Test("the failure list is bounded; the count is not")
    func boundedFailures() throws {
        let lines = (0..<1500).map { "{ broken \($0)" } + [Self.record(1)]
        let path = try write("bad.jsonl", lines.joined(separator: "\n") + "\n")
        let summary = try store.ingest([path])
        #expect(summary.added == 1)
        #expect(summary.failureCount == 1500)
        #expect(summary.failures.count == IngestSummary.maximumListed)
        #expect(!summary.succeeded)
    }

    @Test("JSON Lines without an extension whose first record is longer than 64 KB is still JSON Lines")
    func formatByStructure() throws {
        let lines = [Self.record(0, padding: 20_000)] + (1..<101).map { Self.record($0) }
        let path = try write("feed", lines.joined(separator: "\n") + "\n")
        let summary = try store.ingest([path])
        #expect(summary.added == 101, "\(summary.failures)")
        #expect(summary.failureCount == 0)
        // A truncated line in such a stream costs that line only.
        let cut = [Self.record(200), #"{"title": "مقطوع", "maintext": {"x": 1"#, Self.record(201), Self.record(202)]
        let second = try write("cut", cut.joined(separator: "\n") + "\n")
        let again = try store.ingest([second], options: IngestOptions(format: .json))
        #expect(again.added == 3, "\(again.failures)")
        #expect(again.failureCount == 1)
    }

    @Test("UTF-16 with a byte-order mark is decoded")
    func utf16() throws {
        let path = directory.path("utf16.json")
        var data = Data([0xFF, 0xFE])
        data.append(Self.record(7).data(using: .utf16LittleEndian)!)
        try data.write(to: URL(fileURLWithPath: path))
        let summary = try store.ingest([path])
        #expect(summary.added == 1, "\(summary.failures)")
        #expect(try store.search("الطقس").total == 1)
    }

    @Test("a directory walk reads regular files only, follows links once, and reports what it skips")
    func walk() throws {
        let root = directory.path("inputs")
        try FileManager.default.createDirectory(atPath: root + "/sub", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/.hidden", withIntermediateDirectories: true)
        try Self.record(1).write(toFile: root + "/a.jsonl", atomically: true, encoding: .utf8)
        try Self.record(2).write(toFile: root + "/backup.sqlite.jsonl", atomically: true, encoding: .utf8)
        try Self.record(3).write(toFile: root + "/sub/c.jsonl", atomically: true, encoding: .utf8)
        try Self.record(4).write(toFile: root + "/.hidden/d.jsonl", atomically: true, encoding: .utf8)
        try "x".write(toFile: root + "/old.sqlite", atomically: true, encoding: .utf8)
        #expect(mkfifo(root + "/pipe.jsonl", 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: root + "/zero.jsonl", withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: root + "/sub/loop", withDestinationPath: root)
        let link = directory.path("link")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: root)

        let summary = try store.ingest([link])
        #expect(summary.added == 3, "\(summary.failures) \(summary.skipped)")
        #expect(summary.failureCount == 0)
        let reasons = Dictionary(uniqueKeysWithValues: summary.skipped.map { (($0.path as NSString).lastPathComponent, $0.message) })
        #expect(reasons[".hidden"] == "hidden")
        #expect(reasons["old.sqlite"] == "an SQLite database file")
        #expect(reasons["pipe.jsonl"]?.hasPrefix("a FIFO") == true)
        #expect(reasons["zero.jsonl"] == "a device")
        #expect(reasons["loop"]?.hasPrefix("a directory already read") == true)
        #expect(summary.skippedCount == 5)

        // Named explicitly, a device is refused and a FIFO is read like stdin.
        let device = try store.ingest([root + "/zero.jsonl"])
        #expect(device.failures.first?.message.contains("is a device") == true)
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: root + "/pipe.jsonl") {
                handle.write(Data((Self.record(9) + "\n").utf8))
                try? handle.close()
            }
        }
        writer.start()
        let fifo = try store.ingest([root + "/pipe.jsonl"])
        #expect(fifo.added == 1, "\(fifo.failures)")
    }

    @Test("an unreadable directory is a failure, not a silent skip", .enabled(if: getuid() != 0, "root reads every directory"))
    func unreadableDirectory() throws {
        let root = directory.path("closed")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try Self.record(1).write(toFile: root + "/a.jsonl", atomically: true, encoding: .utf8)
        #expect(chmod(root, 0) == 0)
        defer { chmod(root, 0o755) }
        let summary = try store.ingest([root])
        #expect(summary.failureCount == 1)
        #expect(summary.failures.first?.message.contains("cannot be read") == true)
    }

    @Test("a page with no article text is an error for that file, not an empty article")
    func emptyPage() throws {
        let onlySource = try write("source.txt", "المصدر: جريدة الوطن\n")
        let onlyTags = try write("tags.txt", "كلمات دلالية: إيران، روسيا\n")
        let good = try write("good.txt", "خبر جيد عن الطقس في القاهرة.\n")
        let summary = try store.ingest([onlySource, onlyTags, good])
        #expect(summary.added == 1)
        #expect(summary.failureCount == 2)
        #expect(summary.failures.allSatisfy { $0.message.contains("no article text") }, "\(summary.failures)")
    }

    @Test("every writing run catches up a band index an interrupted run left behind")
    func bandCatchUp() throws {
        let path = try write("feed.jsonl", (0..<30).map { Self.record($0) }.joined(separator: "\n") + "\n")
        _ = try store.ingest([path])
        // What a kill between the last commit and the catch-up leaves: signatures, no bands.
        try store.connection.execute("DELETE FROM signature_bands; UPDATE signature_band_watermark SET article_id = 0")
        #expect(try store.statistics().warnings.contains { $0.contains("band index is behind") })
        // A re-run that adds nothing repairs it.
        let again = try store.ingest([path])
        #expect(again.added == 0)
        #expect(try store.connection.scalar("SELECT count(*) FROM signature_bands").int64 ?? 0 > 0)
        #expect(try store.statistics().warnings.isEmpty)
    }

    @Test("stats warns when the full-text index is out of step with the articles")
    func statsWarnings() throws {
        try store.add(Article(title: "عنوان", body: "نص عن الطقس"))
        #expect(try store.statistics().warnings.isEmpty)
        try store.connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('delete-all')")
        #expect(try store.statistics().warnings.contains { $0.contains("full-text index has 0 rows for 1 articles") })
    }

    @Test("entities --rebuild is one transaction: a reader sees the old mentions until it commits")
    func atomicRebuild() throws {
        let lines = (0..<1200).map { #"{"title": "عباس عرقجي في موسكو \#($0)", "maintext": "قال وزير الخارجية عباس عرقجي في موسكو اليوم \#($0)", "url": "https://example.org/\#($0)"}"# }
        _ = try store.ingest([try write("people.jsonl", lines.joined(separator: "\n") + "\n")])
        let before = try store.statistics().mentions
        #expect(before > 0)
        let reader = try ArticleStore(path: store.path, mode: .readOnly)
        var seenDuring: [Int] = []
        try store.rebuildEntities { done, _ in
            seenDuring.append((try? reader.statistics().mentions) ?? -1)
        }
        #expect(seenDuring.count == 2)
        #expect(seenDuring.allSatisfy { $0 == before }, "\(seenDuring) vs \(before)")
        #expect(try reader.statistics().mentions == before)
    }
}
