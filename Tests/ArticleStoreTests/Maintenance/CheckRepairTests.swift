import Foundation
import Testing
@testable import ArticleStore

/// `check` finds what other tools did to the rows; `check --repair` recomputes what is derived.
@Suite("Check and repair")
struct CheckRepairTests {
    let directory: TemporaryDirectory
    let store: ArticleStore
    let path: String

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("store.sqlite")
        store = try ArticleStore(path: path)
        try store.ingest([Seeds.directory.path])
    }

    /// SQL run as another tool would: its own connection, foreign keys off (SQLite's default).
    private func otherTool(_ sql: String) throws {
        let connection = try Connection(path: path, mode: .readWrite)
        try connection.execute("PRAGMA foreign_keys = OFF")
        try connection.execute(sql)
    }

    @Test("a fresh store checks healthy")
    func healthy() throws {
        let report = try store.check()
        #expect(report.isHealthy && report.findings.isEmpty, "\(report.findings)")
        #expect(report.articles == 11)
    }

    @Test("rows deleted, changed and inserted by other tools are found, then repaired")
    func repairs() throws {
        let moscow = try #require(try store.search("ريابكوف").hits.first?.id)
        try otherTool("""
            DELETE FROM articles WHERE id = \(moscow);
            UPDATE articles SET body = body || ' كلمةمضافة' WHERE id = 3;
            INSERT INTO articles(title, body, content_hash) VALUES ('خبر من أداة أخرى', 'نص أدخلته أداة أخرى عن الطاقة', 'x1');
            UPDATE articles SET published = '01/09/2024' WHERE id = 4;
            """)
        let found = try store.check()
        #expect(!found.isHealthy)
        let kinds = Set(found.findings.map(\.kind))
        #expect(kinds.isSuperset(of: ["index-missing", "index-orphan", "stale-terms", "orphans", "dates"]), "\(kinds)")
        // Before repair: the deleted row is still counted, the inserted one never found.
        #expect(try store.search("ريابكوف").total == 1)
        #expect(try store.search("الطاقة").total == 0)

        let repaired = try store.check(repair: true)
        #expect(repaired.isHealthy, "\(repaired.findings)")
        #expect(try store.check().findings.isEmpty)
        #expect(try store.search("ريابكوف").total == 0)
        #expect(try store.search("الطاقة").total == 1)
        #expect(try store.search("كلمةمضافة").hits.first?.id == 3)
        #expect(try store.article(id: 4)?.published == "2024-09-01")
        #expect(try store.article(id: 4)?.publishedRaw == "01/09/2024")
        // FTS5's own integrity check agrees.
        try store.connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    }
}
