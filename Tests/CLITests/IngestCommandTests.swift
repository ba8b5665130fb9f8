import Foundation
import Testing

@Suite("articles ingest, list, show (built binary)")
struct IngestCommandTests {
    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    var seedsPath: String { packageRoot.appendingPathComponent("seeds").path }

    @Test("ingest seeds/, then list and show them; re-ingest adds nothing")
    func seeds() throws {
        let db = directory.path("s.sqlite")
        let first = try ArticlesBinary.run(["ingest", "--db", db, seedsPath])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("ingested 2 inputs: 11 added, 0 duplicates, 0 failed"))
        let again = try ArticlesBinary.run(["ingest", "--db", db, seedsPath])
        #expect(again.stderr.contains("0 added, 2 duplicates, 0 failed"))

        let list = try ArticlesBinary.run(["list", "--db", db, "--format", "json", "--kind", "article"])
        let rows = try #require(try parseJSON(list.stdout) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(Set(rows.compactMap { $0["source"] as? String }) == ["جريدة الوطن", "بوابة الوفد"])

        let bySource = try ArticlesBinary.run(["list", "--db", db, "--format", "json", "--source", "جريدة الوطن"])
        let moscowRow = try #require((try parseJSON(bySource.stdout) as? [[String: Any]])?.first)
        let id = try #require(moscowRow["id"] as? Int)

        let show = try ArticlesBinary.run(["show", String(id), "--db", db, "--format", "json"])
        #expect(show.status == 0)
        let article = try #require(try parseJSON(show.stdout) as? [String: Any])
        for key in ["id", "title", "body", "dateline", "source", "url", "published", "language", "tags", "related", "similar", "entities"] {
            #expect(article.keys.contains(key), "missing key \(key)")
        }
        #expect(article["title"] is NSNull)
        #expect(article["dateline"] as? String == "موسكو")
        #expect(article["source"] as? String == "جريدة الوطن")
        #expect(article["tags"] as? [String] == ["التعاون العسکری التقنی"])
        let related = try #require(article["related"] as? [[String: Any]])
        #expect(related.first?["title"] as? String == "الأمين العام لـ “التعاون الإسلامي” يؤكد مجدداً موقف المنظمة بشأن قضية القدس")
        #expect((related.first?["body"] as? String)?.hasPrefix("كد معالي") == true)
        #expect((article["similar"] as? [String])?.count == 10)

        let text = try ArticlesBinary.run(["show", String(id), "--db", db, "--format", "table"])
        #expect(text.stdout.contains("dateline: موسكو (د.ب.ا)"))
        let missing = try ArticlesBinary.run(["show", "9999", "--db", db])
        #expect(missing.status == 1 && missing.stderr == "error: no article with id 9999\n")
    }

    @Test("stdin, and a bad file among good ones: exit 2, each failure on its own error line")
    func stdinAndFailures() throws {
        let db = directory.path("m.sqlite")
        let record = "{\"title\": \"خبر\", \"maintext\": \"نص خبر من مصدر JSON.\", \"source_domain\": \"example.com\"}\n"
        let piped = try ArticlesBinary.run(["ingest", "--db", db, "-"], stdin: Data(record.utf8))
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stderr.contains("1 added"))

        let bad = directory.path("bad.txt")
        try Data([0x61, 0xC3, 0x28, 0x0A]).write(to: URL(fileURLWithPath: bad))
        let mixed = try ArticlesBinary.run(["ingest", "--db", db, seedsPath, bad])
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("error: \(bad): invalid UTF-8 at byte 1\n"))
        #expect(mixed.stderr.contains("11 added"))
        let quiet = try ArticlesBinary.run(["ingest", "--quiet", "--db", db, seedsPath])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty)
    }

    @Test("an ingest killed with SIGKILL and re-run ends with the counts of an uninterrupted run")
    func killAndResume() throws {
        let corpus = directory.url.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let moscow = try String(contentsOfFile: seedsPath + "/000_ff6f61f8a6d695f4.txt", encoding: .utf8)
        for index in 0..<400 {
            // Different pages: a numbered first line makes each body unique.
            let page = "الخبر رقم \(index) من المجموعة.\n" + moscow
            try Data(page.utf8).write(to: corpus.appendingPathComponent(String(format: "page-%04d.txt", index)))
        }
        let reference = directory.path("reference.sqlite")
        let uninterrupted = try ArticlesBinary.run(["ingest", "--db", reference, "--batch-size", "7", corpus.path])
        #expect(uninterrupted.status == 0)

        let db = directory.path("killed.sqlite")
        // Kills at spread-out moments (deterministic pseudo-random delays), each resumed by the next run.
        var state: UInt64 = 0x5EED
        let delays: [UInt32] = (0..<8).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt32(20_000 + (state >> 33) % 400_000)
        }
        for delay in delays {
            let process = Process()
            process.executableURL = ArticlesBinary.url
            process.arguments = ["ingest", "--quiet", "--db", db, "--batch-size", "7", corpus.path]
            try process.run()
            usleep(delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let resumed = try ArticlesBinary.run(["ingest", "--db", db, "--batch-size", "7", corpus.path])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        for table in ["articles", "article_tags", "article_links", "similar_headlines", "tags", "sources", "articles_fts",
                      "mentions", "entities", "entity_aliases", "article_signatures", "signature_bands", "tag_spellings"] {
            #expect(try countRows(db, table) == countRows(reference, table), "\(table)")
        }
        // No half-stored article: the FTS index matches the rows (integrity-check with rank 1
        // compares it to the content table), and no mention lacks its article.
        #expect(try sqlite(db, "SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)")
                    .trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        let integrity = try sqlite(db, "INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1); PRAGMA integrity_check;")
        #expect(integrity.trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
    }

    private func countRows(_ db: String, _ table: String) throws -> Int {
        Int(try sqlite(db, "SELECT count(*) FROM \(table)").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    private func sqlite(_ db: String, _ sql: String) throws -> String {
        let script = "import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nr=None\nfor s in sys.argv[2].split(';'):\n    s=s.strip()\n    if s: r=c.execute(s).fetchall()\nc.commit()\nprint(r[0][0] if r else '')"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, db, sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
