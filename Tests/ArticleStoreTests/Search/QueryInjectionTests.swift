import Testing
@testable import ArticleStore

/// SQL and FTS5 syntax in queries and filters is text: it can only fail as an invalid query,
/// never reach SQLite as syntax, and never change the store.
@Suite("Search: hostile queries are text")
struct QueryInjectionTests {
    let directory: TemporaryDirectory
    let store: ArticleStore

    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.path("store.sqlite"))
        _ = try store.ingest([Seeds.directory.path])
    }

    static let hostile: [String] = [
        "'; DROP TABLE articles; --",
        "\"; DROP TABLE articles; --\"",
        "إيران' OR '1'='1",
        "NEAR(إيران روسيا)",
        "NEAR(إيران روسيا, 2)",
        "title_terms:إيران",
        "{title_terms body_terms}:إيران",
        "- title_terms : ايران",
        "^إيران",
        "إيران + روسيا",
        "إيران*روسيا",
        "*",
        "\u{0}",
        "إيران\u{0}روسيا",
        "source:\"'; DROP TABLE sources; --\"",
        "tag:\"x' OR 1=1 --\"",
        "entity:\"%\"",
        "lang:%",
        "source:%",
        "articles_fts MATCH 'x'",
        ")(",
        "\"\"\"",
        "OR OR OR",
        "AND",
        "NOT",
        String(repeating: "(", count: 500) + "إيران" + String(repeating: ")", count: 500),
        String(repeating: "إيران OR ", count: 900) + "روسيا",
        String(repeating: "ب", count: 100_000),
    ]

    @Test("hostile queries give results or an invalid-query error, and the store is unchanged", arguments: hostile.indices)
    func hostileQuery(index: Int) throws {
        let query = Self.hostile[index]
        let before = try store.statistics()
        for mode in ArticleSelection.Mode.allCases {
            do {
                _ = try store.search(query, mode: mode, options: SearchOptions(facets: true))
            } catch let ArticleStoreError.invalidQuery(message, _) {
                #expect(!message.lowercased().contains("sql"), "\(message)")
                #expect(!message.contains("fts5"), "\(message)")
            }
        }
        #expect(try store.statistics() == before)
        #expect(try store.connection.scalar("PRAGMA integrity_check").string == "ok")
    }

    @Test("quotes and FTS5 operators inside words are searched as text")
    func operatorsAsText() throws {
        // The words around the syntax still find the seed; the syntax adds no FTS5 meaning.
        #expect(try store.search("NEAR(ريابكوف)", mode: .any).hits.count == 1)
        #expect(try store.search("ريابكوف^").hits.count == 1)
        #expect(try store.search("title_terms:ريابكوف").hits.isEmpty) // one word: "title terms ريابكوف"
        #expect(try store.search("title_terms: ريابكوف", mode: .any).hits.count == 1)
        // A LIKE wildcard as a filter value matches nothing rather than everything.
        #expect(try store.search("source:%").hits.isEmpty)
        #expect(try store.search("lang:%").hits.isEmpty)
    }

    @Test("raw FTS5 expressions with syntax errors become one clear invalid-query line")
    func rawErrors() throws {
        for expression in ["\"unterminated", "NEAR(", "AND", "nosuchcolumn : x", "("] {
            #expect {
                try store.searchRaw(expression)
            } throws: { error in
                guard case let ArticleStoreError.invalidQuery(message, _) = error else { return false }
                return message.hasPrefix("the FTS5 expression is not valid") && !message.contains("\n")
            }
        }
        #expect(try store.searchRaw("ريابكوف").hits.count == 1)
        #expect(try store.searchRaw("title_terms : تعاون OR body_terms : ريابكوف").total >= 1)
    }
}
