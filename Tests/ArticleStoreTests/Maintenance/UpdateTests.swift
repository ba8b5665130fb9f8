import Foundation
import Testing
@testable import ArticleStore

/// Updating an article's fields in place recomputes what is derived from them.
@Suite("Update")
struct UpdateTests {
    @Test("title, body, tags and date change in place; search, tags and check follow")
    func update() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.path("store.sqlite"))
        try store.ingest([Seeds.directory.path])
        let id = try #require(try store.search("ريابكوف").hits.first?.id)
        let updated = try #require(try store.updateArticle(id: id) { article in
            article.title = "عنوان مصحح عن الطاقة"
            article.body += "\nفقرة مضافة عن الطاقة النووية وكلمةفريدة."
            article.tags = ["الطاقة النووية"]
            article.published = "01/09/2024"
        })
        #expect(updated.id == id)
        #expect(updated.title == "عنوان مصحح عن الطاقة")
        #expect(updated.published == "2024-09-01" && updated.publishedRaw == "01/09/2024")
        #expect(try store.search("كلمةفريدة").hits.map(\.id) == [id])
        #expect(try store.search("tag:\"الطاقة النووية\"").hits.map(\.id) == [id])
        #expect(try store.tags().contains { $0.name == "الطاقة النووية" && $0.articles == 1 })
        #expect(try store.check().isHealthy)
        #expect(try store.updateArticle(id: 9999) { $0.title = "x" } == nil)
        #expect(throws: ArticleStoreError.self) { try store.updateArticle(id: id) { $0.title = nil; $0.body = " " } }
        #expect(try store.article(id: id)?.title == "عنوان مصحح عن الطاقة")
    }
}
