import Foundation
import Testing

@Suite("articles delete and check (built binary)")
struct DeleteCommandTests {
    let directory: TemporaryDirectory
    let db: String

    init() throws {
        directory = try TemporaryDirectory()
        db = try ArticlesBinary.seededDatabase(in: directory)
    }

    private func count(_ database: String) throws -> Int {
        let result = try ArticlesBinary.run(["sql", "--db", database, "--format", "csv", "SELECT count(*) AS n FROM articles"])
        return Int(result.stdout.split(whereSeparator: \.isNewline).last.map(String.init)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? -1
    }

    @Test("--dry-run lists and keeps; ids and --query delete; nothing selected is a usage error; check is clean after")
    func deletes() throws {
        let dry = try ArticlesBinary.run(["delete", "--db", db, "--dry-run", "--format", "json", "--query", "ريابكوف"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect((try parseJSON(dry.stdout) as? [Any])?.count == 1)
        #expect(dry.stderr.contains("would delete 1 article"))
        #expect(try count(db) == 11)
        let real = try ArticlesBinary.run(["delete", "--db", db, "--query", "ريابكوف"])
        #expect(real.status == 0 && real.stderr.contains("deleted 1 article"), "\(real.stderr)")
        #expect(try count(db) == 10)
        let byID = try ArticlesBinary.run(["delete", "--db", db, "2"])
        #expect(byID.status == 0)
        #expect(try count(db) == 9)
        let nothing = try ArticlesBinary.run(["delete", "--db", db])
        #expect(nothing.status == 64)
        let check = try ArticlesBinary.run(["check", "--db", db])
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        #expect(check.stderr.contains("no problems"))
    }

    @Test("a delete killed half-way leaves all or none of its articles, and a healthy store")
    func killedDelete() throws {
        let store = directory.path("big.sqlite")
        let lines = (0..<4000).map { #"{"title": "تقرير الطقس رقم \#($0)", "maintext": "نص تقرير الطقس رقم \#($0) عن الأمطار والرياح", "url": "https://example.org/\#($0)"}"# }
        let input = directory.path("big.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        #expect(try ArticlesBinary.run(["ingest", "--db", store, "--quiet", "--no-entities", input]).status == 0)
        let process = Process()
        process.executableURL = ArticlesBinary.url
        process.arguments = ["delete", "--db", store, "--quiet", "--format", "json", "--query", "الطقس"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 0.3)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let left = try count(store)
        #expect(left == 4000 || left == 0, "\(left)")
        let check = try ArticlesBinary.run(["check", "--db", store])
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
    }
}

@Suite("articles init --word-index (built binary)")
struct InitWordIndexCommandTests {
    @Test("off drops the index other tools search, ingest and check still work; on brings it back")
    func wordIndexSwitch() throws {
        let directory = try TemporaryDirectory()
        let db = directory.path("store.sqlite")
        let off = try ArticlesBinary.run(["init", "--db", db, "--word-index", "off"])
        #expect(off.status == 0 && off.stderr.contains("without the word index"), "\(off.stderr)")
        #expect(try ArticlesBinary.run(["ingest", "--db", db, "--quiet", packageRoot.appendingPathComponent("seeds").path]).status == 0)
        let words = ["sql", "--db", db, "--format", "csv", "SELECT count(*) AS n FROM articles_words WHERE articles_words MATCH 'إيران'"]
        #expect(try ArticlesBinary.run(words).status != 0) // no such table
        #expect(try ArticlesBinary.run(["check", "--db", db]).status == 0)
        let on = try ArticlesBinary.run(["init", "--db", db, "--word-index", "on"])
        #expect(on.status == 0 && on.stderr.contains("with the word index"), "\(on.stderr)")
        let found = try ArticlesBinary.run(words)
        #expect(found.status == 0 && found.stdout.split(whereSeparator: \.isNewline).last.map(String.init) != "0", "\(found.stdout)\(found.stderr)")
        let bad = try ArticlesBinary.run(["init", "--db", db, "--word-index", "maybe"])
        #expect(bad.status != 0)
    }
}
