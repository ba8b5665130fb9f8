import Testing
@testable import ArticleStore

@Suite("Search: entity-aware ranking")
struct EntityRankingTests {
    let directory: TemporaryDirectory
    let store: ArticleStore

    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.path("store.sqlite"))
    }

    @Test("an article that mentions the entity a query names moves up; other queries keep their order")
    func mentionsMoveUp() throws {
        // The first article has the query words more often; only the second mentions the entity.
        let often = try store.add(Article(body: "مؤسسة الفجر قالت إن مؤسسة الفجر ستعمل مع مؤسسة الفجر في المدينة.", url: "https://x.test/1")).id
        let mentioning = try store.add(Article(body: "أعلنت مؤسسة الفجر للتنمية عن برنامج جديد للتدريب في المدينة والقرى المجاورة لها.",
                                               url: "https://x.test/2")).id
        let connection = store.connection
        try connection.execute("DELETE FROM mentions")
        let entity = try #require(try connection.scalar(
            "INSERT INTO entities(type, name, name_key, origin) VALUES ('ORGANIZATION', 'مؤسسة الفجر', ?, 'user') RETURNING id",
            [store.analyzer.termsText("مؤسسة الفجر", includingStopwords: true)]).int64)
        try connection.run("INSERT INTO entity_aliases(entity_id, alias, alias_key) VALUES (?, 'مؤسسة الفجر', ?)",
                           [entity, store.analyzer.termsText("مؤسسة الفجر", includingStopwords: true)])
        for start in [6, 40] {
            try connection.run("INSERT INTO mentions(article_id, entity_id, field, start_offset, end_offset, surface) VALUES (?, ?, 'body', ?, ?, 'مؤسسة الفجر')",
                               [mentioning, entity, start, start + 11])
        }
        var off = SearchOptions()
        off.entityWeight = 0
        #expect(try store.search("مؤسسة الفجر", options: off).hits.map(\.id) == [often, mentioning])
        var on = SearchOptions()
        on.entityWeight = 1
        #expect(try store.search("مؤسسة الفجر", options: on).hits.map(\.id) == [mentioning, often])
        #expect(try store.search("مؤسسة الفجر", mode: .any, options: on).hits.map(\.id) == [mentioning, often])
        // No name the store knows in the query: bm25 order.
        #expect(try store.search("الفجر المدينة", options: on).hits.map(\.id) == store.search("الفجر المدينة", options: off).hits.map(\.id))
        // Names are looked up from runs of query words, longest first.
        let found = try QueryEntities.find(in: .and([.word("عن"), .word("مؤسسة"), .word("الفجر")]), analyzer: store.analyzer, connection: connection)
        #expect(found.groups == [[entity]])
    }
}
