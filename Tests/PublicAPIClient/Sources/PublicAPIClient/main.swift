import ArticleStore
import Foundation

/// An app's view of ArticleStore under Swift 6 strict concurrency: one store shared by tasks,
/// async calls, Codable results, a store in memory. Exits non-zero when something is off.
@main
struct PublicAPIClient {
    static func main() async throws {
        let store = try ArticleStore(path: ":memory:")
        let articles = (0..<40).map { index in
            Article(title: "التعاون العسكري \(index)", body: "خبر رقم \(index) عن التعاون العسكري بين البلدين",
                    source: index % 2 == 0 ? "جريدة الوطن" : "بوابة الوفد", url: "https://example.org/\(index)",
                    published: "2025-01-\(10 + index % 20)", tags: ["التعاون"])
        }
        try await store.add(contentsOf: articles)
        if CommandLine.arguments.count > 1 {
            // The repository's seed pages, through the same ingest the command line uses.
            let summary = try await store.ingest([CommandLine.arguments[1]], options: IngestOptions(), progress: nil)
            guard summary.added > 0, summary.failures.isEmpty else { fail("ingesting the seeds: \(summary)") }
        }

        // Searches from several tasks at once, against the one shared store.
        let totals = try await withThrowingTaskGroup(of: Int.self) { group in
            for word in ["التعاون", "العسكري", "البلدين", "خبر"] {
                group.addTask { try await store.search(word).total }
            }
            var totals: [Int] = []
            for try await total in group { totals.append(total) }
            return totals
        }
        guard totals.count == 4, totals.allSatisfy({ $0 >= 40 }) else { fail("concurrent searches returned \(totals)") }

        // One selection for search, listing and export.
        var selection = try ArticleSelection(parsing: "التعاون")
        selection.sources = ["جريدة الوطن"]
        selection.after = "2025-01-15"
        let searched = try await store.search(selection, options: SearchOptions(limit: 100))
        let listed = try await store.articles(selection, limit: 100)
        var exported: [Int64] = []
        try store.forEachArticle(selection) { exported.append($0.id) }
        guard Set(searched.hits.map(\.id)) == Set(listed.map(\.id)), Set(listed.map(\.id)) == Set(exported), !exported.isEmpty else {
            fail("search, list and export disagree")
        }

        // Codable results.
        let json = try JSONEncoder().encode(searched.hits)
        let decoded = try JSONDecoder().decode([SearchHit].self, from: json)
        guard decoded == searched.hits else { fail("hits do not survive JSON") }
        guard let article = try await store.article(id: searched.hits[0].id) else { fail("no article") }
        _ = try JSONEncoder().encode(article)

        // Errors read well.
        do {
            _ = try await store.search("\"")
        } catch {
            print("an error reads: \(error.localizedDescription)")
        }
        print("public API client: \(totals.count) concurrent searches, \(searched.total) selected, \(json.count) bytes of JSON")
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("public API client: \(message)\n".utf8))
        exit(1)
    }
}
