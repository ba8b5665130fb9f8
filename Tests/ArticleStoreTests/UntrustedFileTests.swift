import Foundation
import Testing
@testable import ArticleStore

/// Files from elsewhere: a store whose schema was changed outside ArticleStore is refused
/// before any statement of ours runs on it, and left byte for byte as it was.
@Suite("Untrusted database files")
struct UntrustedFileTests {
    let directory: TemporaryDirectory
    let path: String

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("store.sqlite")
        let store = try ArticleStore(path: path)
        _ = try store.ingest([Seeds.directory.path])
        try store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// Changes the file with a plain connection (as another tool would), then tries to open it.
    private func tamper(_ sql: String) throws -> (error: ArticleStoreError?, unchanged: Bool) {
        do {
            let raw = try Connection(path: path, mode: .readWrite)
            try raw.execute(sql)
            try raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        let before = fileBytes(path)
        var caught: ArticleStoreError?
        for mode in [OpenMode.readWrite, .readOnly] {
            do {
                _ = try ArticleStore(path: path, mode: mode)
            } catch let error as ArticleStoreError {
                caught = error
            }
        }
        return (caught, fileBytes(path) == before)
    }

    @Test("refused, untouched: our own objects altered or missing", arguments: [
        ("DROP VIEW tag_counts; CREATE VIEW tag_counts AS SELECT 1 AS id", "its view tag_counts was changed"),
        ("DROP INDEX articles_lookup; CREATE INDEX articles_lookup ON articles(id)", "its index articles_lookup was changed"),
        ("DROP INDEX articles_source", "its index articles_source is missing"),
    ])
    func refused(sql: String, reason: String) throws {
        let (error, unchanged) = try tamper(sql)
        guard case let .notAnArticleStore(_, message) = error else {
            Issue.record("expected a refusal, got \(String(describing: error))")
            return
        }
        #expect(message.contains(reason), "\(message)")
        #expect(unchanged)
    }

    @Test("what would run inside our writes blocks writing opens, names the object and the SQL to drop it; reading works", arguments: [
        ("CREATE TRIGGER evil AFTER INSERT ON articles BEGIN DELETE FROM tags; END", "trigger evil on articles", "DROP TRIGGER \"evil\";"),
        ("CREATE TRIGGER x BEFORE DELETE ON tags BEGIN SELECT 1; END", "trigger x on tags", "DROP TRIGGER \"x\";"),
        ("CREATE UNIQUE INDEX one_url ON articles(url)", "unique index one_url on articles", "DROP INDEX \"one_url\";"),
        ("ALTER TABLE articles ADD COLUMN score INTEGER CHECK (score > 0)", "column score added to articles", "DROP COLUMN \"score\""),
    ])
    func blocked(sql: String, object: String, drop: String) throws {
        let (error, unchanged) = try tamper(sql)
        guard case let .writesBlocked(_, blockedObject, dropSQL) = error else {
            Issue.record("expected writes to be blocked, got \(String(describing: error))")
            return
        }
        #expect(blockedObject.contains(object), "\(blockedObject)")
        #expect(dropSQL.contains(drop), "\(dropSQL)")
        #expect(unchanged)
        #expect(try ArticleStore(path: path, mode: .readOnly).search("ريابكوف").hits.count == 1)
    }

    @Test("a user's own tables, views, indexes, triggers on their tables and added columns are tolerated, and listed by check")
    func additionsAllowed() throws {
        let (error, _) = try tamper("""
            CREATE TABLE my_notes(article_id INTEGER, note TEXT); CREATE INDEX my_notes_article ON my_notes(article_id);
            CREATE INDEX my_articles_url ON articles(url); CREATE VIEW recent AS SELECT id FROM articles;
            CREATE TRIGGER my_log AFTER INSERT ON my_notes BEGIN SELECT 1; END;
            ALTER TABLE articles ADD COLUMN reviewed INTEGER
            """)
        #expect(error == nil)
        let store = try ArticleStore(path: path)
        #expect(try store.search("ريابكوف").hits.count == 1)
        try store.add(Article(title: "خبر جديد", body: "نص خبر جديد عن الطقس"))
        let report = try store.check()
        #expect(report.isHealthy, "\(report.findings)")
        #expect(Set(report.userAdditions).isSuperset(of: ["table my_notes", "view recent", "trigger my_log", "column articles.reviewed"]),
                "\(report.userAdditions)")
    }

    @Test("created files are not world-writable")
    func permissions() throws {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
        #expect(mode & 0o002 == 0, "mode \(String(mode, radix: 8))")
    }

    @Test("read-only opens work on a read-only file in a read-only directory")
    func readOnlyFile() throws {
        let folder = directory.url.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("store.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        let store = try ArticleStore(path: copy, mode: .readOnly)
        #expect(try store.search("ريابكوف").hits.count == 1)
        #expect(try store.entities().count > 0)
        #expect(try store.article(id: 1) != nil)
        // Root ignores file permissions, so only other users can see the write refused.
        if getuid() != 0 {
            #expect(throws: ArticleStoreError.self) { try ArticleStore(path: copy, mode: .readWrite).add(Article(body: "نص")) }
        }
    }
}

extension UntrustedFileTests {
    @Test("migrations still apply, and the schema still verifies, on a file with a user's column added before them")
    func migrationsAfterUserAdditions() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path("old.sqlite")
        // A store as schema 10 left it, then a column a user added with another tool.
        let raw = try Connection(path: file, mode: .readWriteCreate)
        let older = Migrator(migrations: Migration.all.filter { $0.version <= 10 })
        try older.migrate(raw)
        try raw.execute("ALTER TABLE articles ADD COLUMN reviewed INTEGER; CREATE VIEW mine AS SELECT id FROM articles")
        // Opening for writing applies 11 (which adds its own columns after the user's) and verifies.
        let store = try ArticleStore(path: file)
        #expect(try store.schemaVersion() == Migration.currentVersion)
        try store.add(Article(title: "خبر", body: "نص عن الطقس", published: "01/09/2024"))
        #expect(try store.article(id: 1)?.published == "2024-09-01")
        #expect(try ArticleStore(path: file, mode: .readOnly).check().userAdditions.contains("column articles.reviewed"))
    }
}
