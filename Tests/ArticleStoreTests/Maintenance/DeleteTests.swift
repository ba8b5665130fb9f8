import Foundation
import Testing
@testable import ArticleStore

/// Deleting articles takes everything derived from them along, in one transaction.
@Suite("Delete")
struct DeleteTests {
    let directory: TemporaryDirectory
    let store: ArticleStore

    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.path("store.sqlite"))
        try store.ingest([Seeds.directory.path])
    }

    private func count(_ sql: String) throws -> Int { Int(try store.connection.scalar(sql).int64 ?? -1) }

    @Test("a page goes with its embedded story, index rows, tags, mentions, signatures and bands; the store checks healthy")
    func deletesDerivedData() throws {
        let page = try #require(try store.articles(ArticleSelection(sources: ["بوابة الوفد"], kinds: [.article])).first)
        let stored = try #require(try store.article(id: page.id))
        #expect(!stored.embedded.isEmpty && !stored.tags.isEmpty && !stored.entities.isEmpty)
        let dry = try store.deleteArticles(ids: [page.id], dryRun: true)
        #expect(Set(dry.map(\.id)) == Set([page.id] + stored.embedded.map(\.id)))
        #expect(try store.article(id: page.id) != nil)

        let before = try store.statistics().articles
        let deleted = try store.deleteArticles(ids: [page.id])
        #expect(deleted.map(\.id) == dry.map(\.id))
        #expect(try store.statistics().articles == before - deleted.count)
        #expect(try store.article(id: page.id) == nil)
        for id in deleted.map(\.id) {
            #expect(try count("SELECT count(*) FROM articles_fts_docsize WHERE id = \(id)") == 0)
            #expect(try count("SELECT count(*) FROM mentions WHERE article_id = \(id)") == 0)
            #expect(try count("SELECT count(*) FROM signature_bands WHERE article_id = \(id)") == 0)
        }
        for tag in stored.tags { #expect(!(try store.tags().contains { $0.name == tag }), "\(tag)") }
        #expect(try store.search("عرقجي").total == 0)
        #expect(try count("SELECT count(*) FROM tags WHERE articles != (SELECT count(*) FROM article_tags WHERE tag_id = tags.id)") == 0)
        #expect(try store.check().isHealthy)
        // The other page and its related articles are untouched.
        #expect(try store.search("ريابكوف").total == 1)
    }

    @Test("by selection: a query, a source, a date; selecting everything is refused")
    func bySelection() throws {
        #expect(throws: ArticleStoreError.self) { try store.deleteArticles(.all) }
        let related = try store.deleteArticles(ArticleSelection(kinds: [.related]), dryRun: true)
        #expect(related.count == 8)
        let gone = try store.deleteArticles(try ArticleSelection(parsing: "ريابكوف"))
        #expect(gone.count == 1)
        #expect(try store.search("ريابكوف").total == 0)
        #expect(try store.check().isHealthy)
    }
}
