import Foundation
import Testing

@Suite("articles search (built binary, on seeds/)")
struct SearchCommandTests {
    let directory: TemporaryDirectory
    let db: String

    init() throws {
        directory = try TemporaryDirectory()
        db = try ArticlesBinary.seededDatabase(in: directory)
    }

    private func search(_ arguments: [String]) throws -> ArticlesBinary.Result {
        try ArticlesBinary.run(["search", "--db", db] + arguments)
    }

    @Test("JSON results carry id, title, source, published, score, snippet and highlights that point at the words")
    func jsonShape() throws {
        let result = try search(["--format", "json", "التعاون العسكري"])
        #expect(result.status == 0, "\(result.stderr)")
        let hits = try #require(try parseJSON(result.stdout) as? [[String: Any]])
        #expect(hits.count >= 2)
        for hit in hits {
            for key in ["id", "title", "source", "published", "score", "snippet", "highlights"] {
                #expect(hit.keys.contains(key), "missing \(key)")
            }
            let snippet = Array((hit["snippet"] as? String ?? "").unicodeScalars)
            for highlight in hit["highlights"] as? [[String: Any]] ?? [] {
                let start = try #require(highlight["start"] as? Int), end = try #require(highlight["end"] as? Int)
                let text = String(String.UnicodeScalarView(snippet[start..<end]))
                #expect(text == highlight["text"] as? String)
                #expect(["التعاون", "العسكري", "بالتعاون", "العسكرية", "العسكريَّ"].contains(text) || text.contains("تعاون") || text.contains("عسكر"),
                        "unexpected highlight \(text)")
            }
        }
        let scores = hits.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))
    }

    @Test("plain output marks matches with the chosen marker and reports the count on stderr")
    func plainMarkers() throws {
        let result = try search(["--format", "table", "--marker", "<<,>>", "ريابكوف"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("<<ريابكوف>>"))
        #expect(result.stdout.contains("جريدة الوطن"))
        #expect(result.stderr.contains("1–1 of 1"))
        let colored = try search(["--format", "table", "--color", "always", "ريابكوف"])
        #expect(colored.stdout.contains("\u{1B}[1;33mريابكوف\u{1B}[0m"))
    }

    @Test("a word in the other spelling finds the seed; --any ranks a pasted question")
    func spellingAndAny() throws {
        let persian = try search(["--format", "json", "العسکری", "التقنی", "ریابکوف"])
        let hits = try #require(try parseJSON(persian.stdout) as? [[String: Any]])
        #expect(hits.count == 1)
        #expect(hits.first?["source"] as? String == "جريدة الوطن")
        let question = try search(["--format", "json", "--any", "هل سلمت إيران صواريخ باليستية لروسيا؟"])
        let answers = try #require(try parseJSON(question.stdout) as? [[String: Any]])
        #expect(answers.first?["source"] as? String == "بوابة الوفد")
    }

    @Test("--facets prints total, results and counts by source and tag")
    func facets() throws {
        let result = try search(["--format", "json", "--facets", "التعاون"])
        let object = try #require(try parseJSON(result.stdout) as? [String: Any])
        #expect((object["total"] as? Int ?? 0) >= 2)
        let facets = try #require(object["facets"] as? [String: Any])
        let sources = try #require(facets["sources"] as? [[String: Any]])
        #expect(Set(sources.compactMap { $0["value"] as? String }).isSuperset(of: ["جريدة الوطن", "بوابة الوفد"]))
        let tags = try #require(facets["tags"] as? [[String: Any]])
        #expect(tags.contains { ($0["value"] as? String)?.contains("التعاون") == true })
    }

    @Test("filters, pagination and --explain")
    func filtersAndExplain() throws {
        let filtered = try search(["--format", "json", "التعاون source:\"بوابة الوفد\""])
        let hits = try #require(try parseJSON(filtered.stdout) as? [[String: Any]])
        #expect(!hits.isEmpty && hits.allSatisfy { $0["source"] as? String == "بوابة الوفد" })
        let page = try search(["--format", "json", "--limit", "1", "--offset", "1", "التعاون"])
        #expect((try parseJSON(page.stdout) as? [Any])?.count == 1)
        let explained = try search(["--format", "json", "--explain", "التعاون"])
        #expect(explained.stderr.contains("match: \"تعاون\""))
        #expect(explained.stderr.contains("articles_fts MATCH ?"))
    }

    @Test("pasted and malformed text is searched as text, exit 0; --explain says how it was read", arguments: [
        ("\"التعاون العسكري", "unterminated quote \" read as text (at character 1)", true),
        ("(إيران", "unclosed ( ignored (at character 1)", true),
        ("إيران OR", "OR needs a word on both sides; ignored (at character 7)", true),
        ("في من على", "only stopwords or punctuation", false),
    ])
    func malformed(query: String, note: String, matches: Bool) throws {
        let result = try search(["--format", "json", "--explain", query])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("read: "), "\(result.stderr)")
        #expect(result.stderr.contains(note), "\(result.stderr)")
        #expect(((try parseJSON(result.stdout) as? [Any])?.isEmpty ?? true) == !matches, "\(result.stdout)")
    }

    @Test("--raw FTS5 syntax errors are one clear line")
    func rawError() throws {
        let result = try search(["--raw", "NEAR("])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: the FTS5 expression is not valid"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        // Raw expressions are over analyzed terms: عرقجي is indexed as its stem عرقج (see `articles analyze`).
        let ok = try search(["--raw", "--format", "json", "ريابكوف OR عرقج"])
        #expect((try parseJSON(ok.stdout) as? [Any])?.count == 2)
    }

    @Test("search opens the store read-only: a read-only file works and is not modified")
    func readOnly() throws {
        // Checkpoint the WAL so the file alone holds the data, then make it read-only.
        _ = try ArticlesBinary.run(["stats", "--db", db])
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        let before = FileManager.default.contents(atPath: db)
        let result = try search(["--format", "json", "ريابكوف"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect((try parseJSON(result.stdout) as? [Any])?.count == 1)
        #expect(FileManager.default.contents(atPath: db) == before)
    }
}
