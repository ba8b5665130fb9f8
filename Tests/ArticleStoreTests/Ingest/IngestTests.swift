import Foundation
import Testing
@testable import ArticleStore

@Suite("Ingest into the store")
struct IngestTests {
    let directory: TemporaryDirectory
    let store: ArticleStore

    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.path("store.sqlite"))
    }

    private func count(_ sql: String, _ arguments: [any DatabaseBindable] = []) throws -> Int {
        Int(try store.connection.scalar(sql, arguments).int64 ?? -1)
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let path = directory.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("seeds: every story stored once; re-ingesting adds nothing")
    func seedsIdempotent() throws {
        let first = try store.ingest([Seeds.directory.path])
        #expect(first.files == 2)
        #expect(first.failures.isEmpty)
        // 2 pages + 1 embedded story + 1 related (seed 000) + 7 related (seed 001)
        #expect(first.added == 11)
        #expect(try count("SELECT count(*) FROM articles") == 11)
        #expect(try count("SELECT count(*) FROM articles WHERE kind = 'article' AND title IS NULL") == 2)
        #expect(try count("SELECT count(*) FROM articles WHERE kind = 'related' AND is_partial = 1") == 8)
        #expect(try count("SELECT count(*) FROM sources") == 2)
        #expect(try count("SELECT count(*) FROM articles_fts") == 11)

        let second = try store.ingest([Seeds.directory.path])
        #expect(second.added == 0)
        #expect(second.duplicates == 2)
        #expect(try count("SELECT count(*) FROM articles") == 11)
        #expect(try count("SELECT count(*) FROM article_tags") == 9)
    }

    @Test("tags in Persian and Arabic letters are one canonical tag")
    func canonicalTags() throws {
        _ = try store.ingest([Seeds.directory.path])
        // التعاون العسکری (seed 001, Persian letters) and التعاون العسكري are one tag.
        let key = TextKey(analyzer: store.analyzer).key("التعاون العسكري")
        #expect(try count("SELECT count(*) FROM tags WHERE tag_key = ?", [key]) == 1)
        let tagged = try store.articles(ArticleSelection(tags: ["التعاون العسکری"]))
        #expect(tagged.count == 1)
        let technical = try store.articles(ArticleSelection(tags: ["التعاون العسكري التقني"]))
        #expect(technical.map(\.source) == ["جريدة الوطن"])
    }

    @Test("show data: related, embedded, similar headlines linked to stored titles")
    func storedArticle() throws {
        _ = try store.ingest([Seeds.directory.path])
        let moscowID = try #require(try store.connection.scalar("SELECT id FROM articles WHERE dateline = 'موسكو'").int64)
        let moscow = try #require(try store.article(id: moscowID))
        #expect(moscow.source == "جريدة الوطن")
        #expect(moscow.agency == "د.ب.ا")
        #expect(moscow.tags == ["التعاون العسکری التقنی"])
        #expect(moscow.related.count == 1)
        #expect(moscow.similar.count == 10)
        // The first similar headline is the related article's title: linked to it.
        #expect(moscow.similar[0].linkedArticleID == moscow.related[0].id)
        let related = try #require(try store.article(id: moscow.related[0].id))
        #expect(related.parents == [moscowID])

        let page = try #require(try store.articles(ArticleSelection(sources: ["بوابة الوفد"], kinds: [.article])).first)
        let araghchi = try #require(try store.article(id: page.id))
        #expect(araghchi.embedded.map(\.title) == ["البنتاغون يدعو للانتقال من الحل العسكري إلى الدبلوماسي في لبنان"])
        #expect(araghchi.related.count == 7)
        // Similar headline "فرنسا: المواجهة ... في هذه الحالة" is a related article's title.
        #expect(araghchi.similar[3].linkedArticleID == araghchi.related[0].id)
    }

    @Test("a batch with bad files ingests the rest and reports each bad one")
    func badFiles() throws {
        let good = try write("good.txt", "خبر جيد عن الطقس في القاهرة.\n")
        let invalid = directory.path("invalid.txt")
        try Data([0xD8, 0xA7, 0x20, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: invalid))
        let binary = directory.path("binary.txt")
        try Data([0x00, 0x01, 0x02, 0x50, 0x4B]).write(to: URL(fileURLWithPath: binary))
        let empty = try write("empty.txt", "  \n")
        let badJSON = try write("bad.json", "{\"title\": \"x\",\n \"text\": }")
        let summary = try store.ingest([good, invalid, binary, empty, badJSON, directory.path("missing.txt")])
        #expect(summary.added == 1)
        #expect(summary.failures.count == 5)
        let messages = summary.failures.map(\.message)
        #expect(messages.contains { $0.contains("invalid.txt: invalid UTF-8 at byte 3") })
        #expect(messages.contains { $0.contains("binary.txt: binary file") })
        #expect(messages.contains { $0.contains("empty.txt: empty file") })
        #expect(messages.contains { $0.hasPrefix("\(badJSON):2:") && $0.contains("malformed JSON") })
        #expect(messages.contains { $0.contains("missing.txt: no such file") })
        #expect(try count("SELECT count(*) FROM articles") == 1)
    }

    @Test("JSON Lines: bad and over-long lines are skipped with their line numbers")
    func jsonLines() throws {
        var lines = [ScraperJSONReaderTests.newsPlease.replacingOccurrences(of: "\n", with: " "),
                     "{\"title\": \"broken\", ",
                     ScraperJSONReaderTests.trafilatura.replacingOccurrences(of: "\n", with: " "),
                     "",
                     "{\"title\": \"كبير\", \"text\": \"" + String(repeating: "ب", count: 3_000_000) + "\"}",
                     "{\"title\": \"عنوان أخير\", \"text\": \"نص أخير للاختبار.\"}"]
        lines.append("")
        let path = try write("feed.jsonl", lines.joined(separator: "\n"))
        let summary = try store.ingest([path])
        #expect(summary.added == 3)
        #expect(summary.failures.count == 2)
        #expect(summary.failures[0].message.hasPrefix("\(path):2:"))
        #expect(summary.failures[1].message.hasPrefix("\(path):5:"))
        #expect(summary.failures[1].message.contains("record limit"))
        let lineNumbers = try store.connection.rows("SELECT origin_line FROM articles ORDER BY origin_line").map { $0[0].int64 }
        #expect(lineNumbers == [1, 3, 6])
    }

    @Test("JSON Lines are detected by content whatever the extension")
    func sniffing() throws {
        let path = try write("feed.data", "{\"title\": \"أ\", \"text\": \"نص أول.\"}\n{\"title\": \"ب\", \"text\": \"نص ثان.\"}\n")
        #expect(try store.ingest([path]).added == 2)
    }

    @Test("--replace updates a stored article in place and its index")
    func replace() throws {
        let first = Article(title: "عنوان قديم", body: "نص الخبر عن التعاون.", url: "https://x.test/1")
        let id = try store.add(first).id
        var second = first
        second.title = "عنوان جديد"
        #expect(try store.add(second) == .duplicate(id))
        #expect(try store.add(second, replace: true) == .replaced(id))
        #expect(try store.article(id: id)?.title == "عنوان جديد")
        #expect(try count("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", ["title_terms:جديد"]) == 1)
        #expect(try count("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", ["title_terms:قديم"]) == 0)
        try store.connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    }

    @Test("a batch writes its index rows as it goes; an article replaced after they were written is re-indexed once")
    func indexRowsWrittenDuringBatch() throws {
        let total = ArticleWriter.indexFlushSize + 40
        var lines = (0..<total).map { index in
            "{\"title\": \"عنوان \(index)\", \"maintext\": \"تقرير رقم \(index) عن الاقتصاد والتعاون في المنطقة \(index * 7)\", \"url\": \"https://x.test/\(index)\"}"
        }
        // The first article again with a new title, after its index row was written.
        lines.append("{\"title\": \"خبر مجدد\", \"maintext\": \"تقرير رقم 0 عن الاقتصاد والتعاون في المنطقة 0\", \"url\": \"https://x.test/0\"}")
        let path = try write("batch.jsonl", lines.joined(separator: "\n"))
        let summary = try store.ingest([path], options: IngestOptions(replace: true))
        #expect(summary.failures.isEmpty)
        #expect(summary.added == total)
        #expect(summary.replaced == 1)
        #expect(try count("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", ["title_terms:مجدد"]) == 1)
        #expect(try count("SELECT count(*) FROM articles_fts_docsize") == total)
        let id = try #require(try store.connection.scalar("SELECT id FROM articles WHERE url = 'https://x.test/0'").int64)
        #expect(try count("SELECT count(*) FROM article_keywords WHERE article_id = ?", [id]) > 0)
        #expect(try count("SELECT count(*) FROM article_keywords WHERE article_id = ?", [id])
                == count("SELECT count(DISTINCT keyword_key) FROM article_keywords WHERE article_id = ?", [id]))
        try store.connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        try store.connection.execute("INSERT INTO articles_words(articles_words) VALUES ('integrity-check')")
        #expect(try store.check().isHealthy)
    }

    @Test("the same body with and without harakat is one article")
    func hashIgnoresSpelling() throws {
        let a = try store.add(Article(body: "وشدَّد ريابكوف على أنَّ التعاون مستمر."))
        let b = try store.add(Article(body: "وشدد ريابكوف على أن التعاون مستمر."))
        #expect(b == .duplicate(a.id))
    }

    @Test("the FTS index passes SQLite's integrity checks after ingest")
    func integrity() throws {
        _ = try store.ingest([Seeds.directory.path])
        try store.connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        #expect(try store.connection.scalar("PRAGMA integrity_check") == .text("ok"))
        #expect(try store.connection.rows("PRAGMA foreign_key_check").isEmpty)
    }
}
