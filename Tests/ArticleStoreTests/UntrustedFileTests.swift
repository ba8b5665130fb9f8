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

    @Test("refused, untouched: triggers, views, altered or missing objects", arguments: [
        ("CREATE TRIGGER evil AFTER INSERT ON articles BEGIN DELETE FROM tags; END", "it has a trigger evil that ArticleStore did not create"),
        ("CREATE TEMP TRIGGER t AFTER INSERT ON main.articles BEGIN SELECT 1; END; CREATE TRIGGER x BEFORE DELETE ON tags BEGIN SELECT 1; END", "trigger x"),
        ("CREATE VIEW articles_everything AS SELECT * FROM articles", "it has a view articles_everything"),
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

    @Test("a user's own tables and indexes are allowed")
    func additionsAllowed() throws {
        let (error, _) = try tamper("CREATE TABLE my_notes(article_id INTEGER, note TEXT); CREATE INDEX my_notes_article ON my_notes(article_id); CREATE INDEX my_articles_url ON articles(url)")
        #expect(error == nil)
        #expect(try ArticleStore(path: path, mode: .readOnly).search("ريابكوف").hits.count == 1)
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
