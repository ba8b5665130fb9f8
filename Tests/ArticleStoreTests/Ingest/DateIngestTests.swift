import Foundation
import Testing
@testable import ArticleStore

/// Dates as scrapers write them are stored as ISO 8601 next to the raw value, so sorting and
/// date filters work; filters accept the same forms.
@Suite("Dates at ingest and in filters")
struct DateIngestTests {
    @Test("every form in the table is stored normalized beside its raw value; unreadable ones are counted")
    func stored() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.path("s.sqlite"))
        let inputs = DateNormalizerTests.table.filter { !$0.0.isEmpty }
        let lines = try inputs.enumerated().map { index, entry in
            String(decoding: try JSONSerialization.data(withJSONObject: [
                "title": "خبر \(index)", "maintext": "نص الخبر رقم \(index) عن الطقس", "date_publish": entry.0,
                "url": "https://example.org/\(index)",
            ]), as: UTF8.self)
        }
        let path = directory.path("dates.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let summary = try store.ingest([path])
        #expect(summary.added == inputs.count)
        #expect(summary.unreadableDates == inputs.filter { $0.1 == nil }.count)
        for (index, entry) in inputs.enumerated() {
            let article = try #require(try store.article(id: Int64(index + 1)))
            #expect(article.published == entry.1, "\(entry.0)")
            #expect(article.publishedRaw == entry.0)
        }
    }

    @Test("date sort and date filters treat every form alike")
    func sortAndFilter() throws {
        let store = try ArticleStore.inMemory()
        let forms = ["01/09/2024", "Sun, 01 Sep 2024 10:00:00 GMT", "١ سبتمبر ٢٠٢٤", "1725148800", "2023-12-31"]
        for (index, form) in forms.enumerated() {
            try store.add(Article(title: "خبر \(index)", body: "نص عن الطقس \(index)", url: "https://example.org/\(index)", published: form))
        }
        let sorted = try store.search("الطقس", options: SearchOptions(sort: .date)).hits.compactMap(\.published)
        #expect(sorted.last == "2023-12-31")
        #expect(sorted.dropLast().allSatisfy { $0.hasPrefix("2024-09-01") })
        for filter in ["after:2024-01", "after:2024-8-1", "after:1/8/2024", "after:2024-08-01T00:00", "after:٢٠٢٤-٠٨-٠١", "after:\"1 آب 2024\""] {
            let results = try store.search("الطقس " + filter)
            #expect(results.total == 4, "\(filter): \(results.explanation.notes)")
        }
        #expect(try store.articles(ArticleSelection(before: "1/1/2024")).count == 1)
    }
}
