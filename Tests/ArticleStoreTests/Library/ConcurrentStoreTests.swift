import ArticleStore
import Foundation
import Testing

/// The store as a Swift 6 app uses it: shared between tasks, in memory, through async calls.
@Suite("a Sendable store: concurrent readers, one writer, :memory:")
struct ConcurrentStoreTests {
    static func article(_ index: Int, source: String = "جريدة الوطن") -> Article {
        Article(title: "التعاون العسكري رقم \(index)", body: "نص الخبر \(index) عن التعاون العسكري والاقتصاد بين البلدين",
                source: source, url: "https://example.org/\(index)", published: "2025-01-\(10 + index % 20)", tags: ["التعاون"])
    }

    @Test(":memory: stores work, and each is its own store")
    func inMemory() async throws {
        let store = try ArticleStore(path: ":memory:")
        #expect(store.isInMemory)
        let other = try ArticleStore.inMemory()
        try await store.add(Self.article(1))
        let results = try await store.search("التعاون")
        #expect(results.total == 1)
        #expect(try other.statistics().articles == 0)
        #expect(try store.statistics().fileBytes == 0)
    }

    @Test("searches from many tasks at once while another task writes see only whole batches")
    func concurrentReadsAndWrites() async throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.path("store.sqlite"))
        try await store.add(contentsOf: (0..<20).map { Self.article($0) })
        try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                // Ten transactions of ten articles.
                for batch in 0..<10 {
                    try await store.add(contentsOf: (0..<10).map { Self.article(100 + batch * 10 + $0) })
                }
                return -1
            }
            for _ in 0..<8 {
                group.addTask {
                    var last = 0
                    for _ in 0..<15 {
                        let total = try await store.search("التعاون").total
                        // Counts grow in whole batches of ten and never go back.
                        #expect(total % 10 == 0)
                        #expect(total >= last)
                        last = total
                    }
                    return last
                }
            }
            for try await _ in group {}
        }
        #expect(try store.statistics().articles == 120)
        #expect(try await store.search("التعاون").total == 120)
    }

    @Test("models encode with JSONEncoder and decode back equal")
    func codable() throws {
        let store = try ArticleStore.inMemory()
        try store.add(Self.article(3))
        let results = try store.search("التعاون", options: SearchOptions(facets: true))
        let encoder = JSONEncoder()
        let decoded = try JSONDecoder().decode([SearchHit].self, from: try encoder.encode(results.hits))
        #expect(decoded == results.hits)
        let page = try JSONDecoder().decode(SearchResults.self, from: try encoder.encode(results))
        #expect(page.hits == results.hits && page.total == results.total && page.facets == results.facets)
        let article = try #require(try store.article(id: results.hits[0].id))
        #expect(try JSONDecoder().decode(StoredArticle.self, from: try encoder.encode(article)) == article)
        let json = try #require(try JSONSerialization.jsonObject(with: try encoder.encode(results.hits[0])) as? [String: Any])
        #expect(json["display_title"] as? String == "التعاون العسكري رقم 3")
        #expect((json["highlights"] as? [[String: Any]])?.first?["text"] as? String == "التعاون")
        let selection = try ArticleSelection(parsing: "التعاون source:الوطن after:2025")
        #expect(try JSONDecoder().decode(ArticleSelection.self, from: try encoder.encode(selection)) == selection)
    }

    @Test("add(contentsOf:) stores all or nothing")
    func allOrNothing() throws {
        let store = try ArticleStore.inMemory()
        let results = try store.add(contentsOf: [Self.article(1), Self.article(2), Self.article(1)])
        #expect(results.map(\.id).count == 3)
        guard case .duplicate = results[2] else {
            Issue.record("the repeated article should be a duplicate, got \(results[2])")
            return
        }
        #expect(throws: ArticleStoreError.self) {
            try store.add(contentsOf: [Self.article(5, source: "مصدر جديد"), Article(body: "")])
        }
        #expect(try store.statistics().articles == 2)
        #expect(try store.articles(ArticleSelection(sources: ["مصدر جديد"])).isEmpty)
        // The source created in the rolled-back transaction is created again, not reused from a cache.
        try store.add(Self.article(5, source: "مصدر جديد"))
        #expect(try store.articles(ArticleSelection(sources: ["مصدر جديد"])).count == 1)
    }

    @Test("errors describe themselves in library terms through localizedDescription")
    func errors() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString).sqlite").path
        do {
            _ = try ArticleStore(path: missing, mode: .readOnly)
            Issue.record("opening a missing store read-only should fail")
        } catch {
            #expect(error.localizedDescription == "no database at \(missing)")
        }
        #expect(throws: ArticleStoreError.self) { try ArticleStore.inMemory().query("DELETE FROM articles") }
        let store = try ArticleStore.inMemory()
        try store.add(Self.article(1))
        #expect(try store.query("SELECT count(*) FROM articles WHERE published >= ?", arguments: [.text("2025")]) == [[.integer(1)]])
    }
}
