import Foundation
import Testing

/// Readers and writers at once, through the built binary.
@Suite("Concurrency: readers during ingest, a second writer")
struct ConcurrencyTests {
    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    private func corpus(_ name: String, count: Int, offset: Int = 0) throws -> String {
        let path = directory.path(name)
        let lines = (offset..<(offset + count)).map { index in
            "{\"maintext\": \"خبر رقم \(index) عن التعاون بين إيران وروسيا في مجالات الطاقة والنقل والتجارة.\", \"url\": \"https://x.example/\(index)\"}"
        }
        try lines.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    @Test("searches from another process during an ingest succeed and see only whole batches")
    func readersDuringWriter() throws {
        let db = directory.path("s.sqlite")
        _ = try ArticlesBinary.run(["init", "--db", db])
        let input = try corpus("big.jsonl", count: 3000)
        let writer = Process()
        writer.executableURL = ArticlesBinary.url
        writer.arguments = ["ingest", "--quiet", "--batch-size", "250", "--db", db, input]
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        var totals: [Int] = []
        while writer.isRunning || totals.count < 3 {
            let result = try ArticlesBinary.run(["search", "--db", db, "--format", "json", "--facets", "--limit", "1", "التعاون"])
            if result.status == 0, let object = try parseJSON(result.stdout) as? [String: Any], let total = object["total"] as? Int {
                totals.append(total)
            } else {
                // Before the first batch commits there is nothing to find.
                #expect(result.stderr.isEmpty || result.stderr.contains("nothing") || totals.isEmpty, "\(result.stderr)")
                if !result.stderr.isEmpty { totals.append(0) }
            }
            if !writer.isRunning && totals.count >= 3 { break }
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        let final = try ArticlesBinary.run(["search", "--db", db, "--format", "json", "--facets", "--limit", "1", "التعاون"])
        totals.append((try parseJSON(final.stdout) as? [String: Any])?["total"] as? Int ?? -1)
        #expect(totals == totals.sorted(), "totals never go back: \(totals)")
        #expect(totals.allSatisfy { $0 % 250 == 0 || $0 == 3000 }, "only whole batches are visible: \(totals)")
        #expect(totals.last == 3000)
    }

    @Test("a second writer waits for the busy timeout, then fails with one clear line; nothing is damaged",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "needs python3 to hold the lock from another process"))
    func secondWriter() throws {
        let db = directory.path("s.sqlite")
        _ = try ArticlesBinary.run(["init", "--db", db])
        let first = try corpus("a.jsonl", count: 10)
        _ = try ArticlesBinary.run(["ingest", "--db", db, first])
        // Another process holds the write lock (sqlite3-style: BEGIN IMMEDIATE) for 8 seconds.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        holder.arguments = ["-c", """
            import sqlite3, time
            c = sqlite3.connect('\(db)', isolation_level=None)
            c.execute('BEGIN IMMEDIATE')
            print('locked', flush=True)
            time.sleep(8)
            c.execute('ROLLBACK')
            """]
        let output = Pipe()
        holder.standardOutput = output
        try holder.run()
        _ = output.fileHandleForReading.availableData // wait for "locked"
        let second = try corpus("b.jsonl", count: 10, offset: 10)
        let started = Date()
        let blocked = try ArticlesBinary.run(["ingest", "--db", db, second])
        let waited = Date().timeIntervalSince(started)
        #expect(blocked.status == 1)
        #expect(blocked.stderr.hasPrefix("error: "))
        #expect(blocked.stderr.contains("locked"), "\(blocked.stderr)")
        #expect(blocked.stderr.split(separator: "\n").count == 1)
        #expect(waited >= 4, "waited \(waited) s for the busy timeout")
        holder.waitUntilExit()
        let after = try ArticlesBinary.run(["ingest", "--db", db, second])
        #expect(after.status == 0)
        let check = try ArticlesBinary.run(["sql", "--db", db, "--format", "csv", "SELECT count(*) AS n FROM articles"])
        #expect(check.stdout.contains("20"))
    }
}
