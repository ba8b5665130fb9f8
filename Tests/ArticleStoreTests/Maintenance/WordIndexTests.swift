import Foundation
import Testing
@testable import ArticleStore

/// The two full-text indexes: analyzed terms (contentless `articles_fts`, analyzed again from
/// the stored text when an entry must go) and words as written (`articles_words`, what other
/// tools search). Every write keeps both right; rows other tools change are found and repaired.
@Suite("Word index and contentless terms index")
struct WordIndexTests {
    private func words(_ store: ArticleStore, _ query: String) throws -> [Int64] {
        try store.connection.rows("SELECT rowid FROM articles_words WHERE articles_words MATCH ? ORDER BY rowid", [query])
            .compactMap { $0.values.first?.int64 }
    }

    private func integrity(_ store: ArticleStore) throws {
        try store.connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        try store.connection.execute("INSERT INTO articles_words(articles_words) VALUES ('integrity-check')")
    }

    @Test("a word as written finds its article in articles_words; the analyzed search also finds other spellings")
    func wordsAsWritten() throws {
        let store = try ArticleStore.inMemory()
        let id = try store.add(Article(title: "إيران تعلن التعاون", body: "أعلنت إيران عن التعاون مع جيرانها. Café news.")).id
        #expect(try words(store, "إيران") == [id])
        #expect(try words(store, "التعاون") == [id])
        #expect(try words(store, "cafe") == [id]) // unicode61 folds case and Latin accents
        #expect(try words(store, "ايران").isEmpty) // as written: the bare alef is another word there
        #expect(try store.search("ايران").hits.map(\.id) == [id]) // the analyzed search folds it
        #expect(try store.search("تعاون").hits.map(\.id) == [id])
        // No analyzed terms are stored next to the text.
        #expect(try store.connection.scalar("SELECT count(*) FROM pragma_table_info('articles') WHERE name LIKE '%terms%'") == .integer(0))
        try integrity(store)
    }

    @Test("update, replace and delete keep both indexes right, duplicate tag spellings included")
    func writesKeepBothIndexes() throws {
        let store = try ArticleStore.inMemory()
        let id = try store.add(Article(title: "عنوان أول", body: "نص عن الزراعة في الواحات", tags: ["الزراعة", "زراعة", "الواحات"])).id
        try store.updateArticle(id: id) { $0.title = "عنوان ثان"; $0.body = "نص عن الصناعة في المدن" }
        #expect(try words(store, "الزراعة").isEmpty && words(store, "الصناعة") == [id])
        #expect(try store.search("body:الزراعة").hits.isEmpty) // the old body is gone from the terms index
        #expect(try store.search("tag:الزراعة").hits.map(\.id) == [id]) // the tags stayed
        #expect(try store.search("الصناعة").hits.map(\.id) == [id])
        #expect(try store.search("title:أول").hits.isEmpty)
        try integrity(store)
        #expect(try store.deleteArticles(ids: [id]).map(\.id) == [id])
        #expect(try words(store, "الصناعة").isEmpty && store.search("الصناعة").hits.isEmpty && store.search("tag:الواحات").hits.isEmpty)
        try integrity(store)
        #expect(try store.check().isHealthy)
    }

    @Test("a row another tool changed: check finds it, delete refuses it until repair, repair indexes the new text")
    func changedByAnotherTool() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.path("store.sqlite"))
        let id = try store.add(Article(title: "عنوان", body: "خبر عن الأمطار الغزيرة")).id
        try store.connection.run("UPDATE articles SET body = ? WHERE id = ?", ["خبر عن الرياح العاتية", id])
        let report = try store.check()
        #expect(report.findings.map(\.kind) == ["stale-terms"])
        #expect(throws: ArticleStoreError.self) { try store.deleteArticles(ids: [id]) }
        #expect(try store.search("الأمطار").hits.map(\.id) == [id]) // still the old text until repair
        try store.check(repair: true)
        #expect(try store.search("الأمطار").hits.isEmpty)
        #expect(try store.search("الرياح").hits.map(\.id) == [id] && words(store, "العاتية") == [id])
        try integrity(store)
        #expect(try store.check().isHealthy)
        #expect(try store.deleteArticles(ids: [id]).map(\.id) == [id])
        try integrity(store)
    }
}

/// A store without the word index: every command works; turning it on again indexes every article.
@Suite("Word index off and on")
struct WordIndexSwitchTests {
    @Test("off: the index is gone and the store opens, ingests, deletes and checks; on: rebuilt from the articles")
    func offAndOn() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("store.sqlite")
        do {
            let store = try ArticleStore(path: path)
            #expect(try store.hasWordIndex)
            try store.setWordIndex(false)
            #expect(try store.hasWordIndex == false)
            try store.ingest([Seeds.directory.path])
        }
        let store = try ArticleStore(path: path) // the schema check accepts the missing index
        // Read-only SQL reaches the full-text index on a fresh connection (its constructor runs
        // before the authorizer is in force).
        #expect(try store.query("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", arguments: [.text("ريابكوف")]).first?.first == .integer(1))
        #expect(try store.connection.scalar("SELECT count(*) FROM sqlite_master WHERE name LIKE 'articles_words%'") == .integer(0))
        let id = try #require(try store.search("ريابكوف").hits.first?.id)
        try store.updateArticle(id: id) { $0.title = "عنوان جديد عن الزراعة" }
        #expect(try store.search("الزراعة").hits.map(\.id) == [id])
        #expect(try store.check().isHealthy)
        try store.setWordIndex(true)
        #expect(try store.connection.scalar("SELECT count(*) FROM articles_words WHERE articles_words MATCH ?", ["الزراعة"]) == .integer(1))
        #expect(try store.connection.scalar("SELECT count(*) FROM articles_words_docsize") == store.connection.scalar("SELECT count(*) FROM articles"))
        try store.connection.execute("INSERT INTO articles_words(articles_words) VALUES ('integrity-check')")
        #expect(try store.deleteArticles(ids: [id]).count == 1)
        #expect(try store.check().isHealthy)
        // Reopening with the index back: it matches the migration's SQL exactly.
        _ = try ArticleStore(path: path)
    }
}
