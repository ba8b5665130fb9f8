import Foundation
import Testing
@testable import ArticleStore

@Suite("Export, round trip and read-only SQL")
struct ExportTests {
    let directory: TemporaryDirectory
    let store: ArticleStore

    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.path("store.sqlite"))
        _ = try store.ingest([Seeds.directory.path])
        let json = """
            {"title": "عنوان بفاصلة, و\\"اقتباس\\"", "maintext": "سطر أول\\nسطر ثان عن إيران", "url": "https://example.com/1",
             "date_publish": "2024-03-01 10:00:00", "source_domain": "example.com", "keywords": ["اقتصاد", "إيران"],
             "custom_field": {"nested": [1, 2]}, "authors": ["كاتب"]}
            """
        _ = try store.ingest([try write("one.json", json)])
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let path = directory.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func snapshot(_ store: ArticleStore) throws -> [String] {
        var rows: [String] = []
        try store.query("""
            SELECT a.content_hash, a.kind, a.is_partial, coalesce(a.title, ''), coalesce(a.dateline, ''), coalesce(s.name, ''),
                   coalesce(a.published, ''), coalesce(a.extra, ''), coalesce(a.authors, ''),
                   (SELECT group_concat(spelling, '|') FROM (SELECT spelling FROM article_tags WHERE article_id = a.id ORDER BY position)),
                   (SELECT group_concat(name, '|') FROM (SELECT DISTINCT e.name FROM mentions m JOIN entities e ON e.id = m.entity_id
                                                         WHERE m.article_id = a.id ORDER BY e.name)),
                   (SELECT group_concat(headline, '|') FROM (SELECT headline FROM similar_headlines WHERE article_id = a.id ORDER BY position)),
                   (SELECT count(*) FROM article_links WHERE article_id = a.id)
              FROM articles AS a LEFT JOIN sources AS s ON s.id = a.source_id ORDER BY a.content_hash
            """) { values in
            rows.append(values.map { $0.string ?? $0.int64.map(String.init) ?? "" }.joined(separator: "\u{1}"))
        }
        return rows
    }

    @Test("JSON Lines ingest back into a new store with the same articles, tags, entities, links and headlines")
    func roundTrip() throws {
        var lines = ""
        let count = try store.export(format: .jsonl) { lines += $0 }
        #expect(count == 12)
        let copy = try ArticleStore(path: directory.path("copy.sqlite"))
        let summary = try copy.ingest([try write("export.jsonl", lines)])
        #expect(summary.failures.isEmpty)
        #expect(try snapshot(copy) == snapshot(store))
        // Bodies are byte for byte the same.
        let originals = try store.connection.rows("SELECT body FROM articles ORDER BY content_hash").map { $0[0].string ?? "" }
        let copies = try copy.connection.rows("SELECT body FROM articles ORDER BY content_hash").map { $0[0].string ?? "" }
        #expect(originals.map { Array($0.utf8) } == copies.map { Array($0.utf8) })
    }

    @Test("json is one array; csv quotes commas, quotes and line breaks")
    func formats() throws {
        var json = ""
        try store.export(format: .json) { json += $0 }
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(array.count == 12)
        for key in ["id", "title", "body", "source", "tags", "entities", "related", "similar", "content_hash"] {
            #expect(array[0].keys.contains(key), "missing \(key)")
        }
        var csv = ""
        try store.export(ArticleSelection(sources: ["example.com"]), format: .csv) { csv += $0 }
        #expect(csv.hasPrefix("id,title,body,source,url,published,language,kind,tags,entities\r\n"))
        #expect(csv.contains("\"عنوان بفاصلة, و\"\"اقتباس\"\"\",\"سطر أول\nسطر ثان عن إيران\""))
        #expect(csv.contains("اقتصاد | إيران"))
    }

    @Test("filters: query, source, since")
    func filters() throws {
        func ids(_ filter: ArticleSelection) throws -> [Int64] {
            var result: [Int64] = []
            try store.forEachArticle(filter) { result.append($0.id) }
            return result
        }
        #expect(try ids(ArticleSelection(parsing: "ريابكوف")).count == 1)
        #expect(try ids(ArticleSelection(sources: ["جريدة الوطن"])).count == 1)
        #expect(try ids(ArticleSelection(after: "2024-01-01")).count == 1)
        #expect(try ids(ArticleSelection(parsing: "إيران source:example.com")).count == 1)
        #expect(throws: ArticleStoreError.self) { try ids(ArticleSelection(after: "yesterday")) }
        #expect(throws: ArticleStoreError.self) { try ids(ArticleSelection(parsing: "\"open", strict: true)) }
        #expect(try ids(ArticleSelection(parsing: "\"ريابكوف")).count == 1)
    }

    @Test("read-only SQL runs; statements that write are refused and change nothing")
    func sql() throws {
        var columns: [String] = []
        var rows: [[DatabaseValue]] = []
        try store.query("SELECT name, articles FROM tag_counts ORDER BY name LIMIT 3", columns: { columns = $0 }) { rows.append($0) }
        #expect(columns == ["name", "articles"])
        #expect(rows.count == 3)
        let before = try store.statistics()
        for statement in ["DELETE FROM articles", "UPDATE articles SET title = 'x'", "DROP TABLE tags", "INSERT INTO tags(name, tag_key) VALUES ('a', 'b')",
                          "PRAGMA user_version = 99", "CREATE TABLE x(y)", "ATTACH DATABASE ':memory:' AS other"] {
            #expect(throws: ArticleStoreError.self, "\(statement)") { try store.query(statement) { _ in } }
        }
        #expect(try store.statistics() == before)
    }

    @Test("Elasticsearch: bulk lines pair an action with a document; settings carry the Arabic chain")
    func elasticsearch() throws {
        var bulk = ""
        try store.export(format: .elasticsearch, index: "news") { bulk += $0 }
        let lines = bulk.split(separator: "\n")
        #expect(lines.count == 24)
        let action = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: [String: String]])
        #expect(action["index"]?["_index"] == "news")
        let settings = ElasticsearchExport.indexSettings().serialized()
        #expect(settings.contains("\"persian_normalization\",\"arabic_normalization\",\"arabic_stemmer\""))
        #expect((try? JSONSerialization.jsonObject(with: Data(settings.utf8))) != nil)
    }
}
