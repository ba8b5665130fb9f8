import Foundation
import Testing

/// `--source`, `--tag`, `--entity`, `--kind`, dates and queries select the same articles in
/// `search`, `list` and `export`: the three commands share one selection type and one SQL builder.
@Suite("one selection: search, list and export agree (built binary)")
struct SelectionConsistencyTests {
    let directory: TemporaryDirectory
    let db: String

    /// Eight articles from two sources (one known by its name and a www. domain, one by its bare
    /// domain), tags in two spellings, dates across two years, one article without a date.
    init() throws {
        directory = try TemporaryDirectory()
        db = directory.path("store.sqlite")
        let records: [[String: Any]] = (0..<8).map { index in
            var record: [String: Any] = [
                "title": "التعاون العسكري في التقرير رقم \(index)",
                "maintext": "نص التقرير \(index) عن التعاون العسكري بين البلدين" + (index % 2 == 0 ? " والاقتصاد الإيراني" : ""),
                "url": "https://example.org/\(index)",
            ]
            if index < 4 {
                record["sitename"] = "جريدة الوطن"
                record["source_domain"] = "www.alwatan.com"
            } else {
                record["source_domain"] = "alwafd.news"
            }
            if index != 7 { record["date_publish"] = "202\(4 + index % 2)-0\(1 + index % 3)-1\(index)" }
            record["tags"] = index % 3 == 0 ? ["التعاون العسکری"] : ["الاقتصاد"]
            return record
        }
        let lines = try records.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        let input = directory.path("input.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let ingest = try ArticlesBinary.run(["ingest", "--db", db, "--quiet", input])
        #expect(ingest.status == 0, "\(ingest.stderr)")
    }

    private func ids(_ command: String, _ options: [String], query: String?) throws -> Set<Int> {
        var arguments = [command, "--db", db, "--format", "json"] + options
        switch command {
        case "search": arguments += ["--limit", "100", query ?? "التعاون"]
        case "list": arguments += ["--limit", "100"] + (query.map { ["--query", $0] } ?? [])
        default: arguments += query.map { ["--query", $0] } ?? []
        }
        if command == "export" { arguments[arguments.firstIndex(of: "json")!] = "jsonl" }
        let result = try ArticlesBinary.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        if command == "export" {
            return Set(try result.stdout.split(separator: "\n").map { try #require((try parseJSON(String($0)) as? [String: Any])?["id"] as? Int) })
        }
        let list = try #require(try parseJSON(result.stdout) as? [[String: Any]])
        return Set(list.compactMap { $0["id"] as? Int })
    }

    @Test("each option alone and combined selects the same ids in search, list and export", arguments: [
        (["--source", "alwatan.com"], 4),
        (["--source", "www.alwatan.com"], 4),
        (["--source", "WWW.ALWATAN.COM"], 4),
        (["--source", "جريده الوطن"], 4),
        (["--source", "alwafd.news"], 4),
        (["--source", "www.alwafd.news"], 4),
        (["--source", "alwatan.com", "--source", "alwafd.news"], 8),
        (["--tag", "التعاون العسكري"], 3),
        (["--tag", "الاقتصاد", "--source", "alwafd.news"], 3),
        (["--since", "2025"], 3),
        (["--since", "2024-02", "--until", "2025-03"], 4),
        (["--kind", "article", "--until", "2025"], 4),
    ] as [([String], Int)])
    func sameIDs(options: [String], expected: Int) throws {
        let search = try ids("search", options, query: nil)
        let list = try ids("list", options, query: "التعاون")
        let export = try ids("export", options, query: "التعاون")
        #expect(search.count == expected, "\(options)")
        #expect(list == search, "\(options)")
        #expect(export == search, "\(options)")
    }

    @Test("a query with words and in-query filters selects the same ids everywhere")
    func queries() throws {
        for query in ["الإيراني", "التعاون source:alwatan.com", "التعاون after:2025", "الاقتصاد OR الإيراني", "التعاون -الإيراني"] {
            let search = try ids("search", [], query: query)
            #expect(!search.isEmpty, "\(query)")
            #expect(try ids("list", [], query: query) == search, "\(query)")
            #expect(try ids("export", [], query: query) == search, "\(query)")
        }
        // A bad date is the same clear error in all three.
        for command in ["search", "list", "export"] {
            var arguments = [command, "--db", db, "--since", "yesterday"]
            if command == "search" { arguments.append("التعاون") }
            let result = try ArticlesBinary.run(arguments)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains("YYYY-MM-DD"), "\(command): \(result.stderr)")
        }
    }
}
