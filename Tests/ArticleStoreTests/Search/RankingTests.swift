import Foundation
import Testing
@testable import ArticleStore

@Suite("Search: ranking and tie-breaks")
struct RankingTests {
    let directory: TemporaryDirectory
    let store: ArticleStore

    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.path("store.sqlite"))
    }

    @Test("equal scores come newest first, also across page boundaries")
    func tiesByRecency() throws {
        let dates = ["2024-03-01", "2024-01-01", "2024-05-01", "2023-12-31", "2024-02-01"]
        for (index, date) in dates.enumerated() {
            // Same text, different URLs: five stories with exactly the same score.
            _ = try store.add(Article(body: "قمة في الرياض حول التعاون الاقتصادي", url: "https://example.com/\(index)", published: date))
        }
        _ = try store.add(Article(body: "قمة أخرى بلا تاريخ حول التعاون الاقتصادي", url: "https://example.com/x"))
        let expected = dates.sorted(by: >)
        var paged: [String] = []
        for offset in stride(from: 0, to: 5, by: 2) {
            let page = try store.search("\"قمة في الرياض\"", options: SearchOptions(limit: 2, offset: offset))
            paged += page.hits.compactMap(\.published)
        }
        #expect(paged == expected)
        // A filter takes the other path (ranking with the article rows): same order.
        let filtered = try store.search("\"قمة في الرياض\" after:2000", options: SearchOptions(limit: 10))
        #expect(filtered.hits.compactMap(\.published) == expected)
    }

    // The exact-form preference ranks a window of 50 first, so the ranking fetches that many
    // plus the tie allowance: the large tie is larger than both.
    @Test("equal scores are ordered by date from the index alone when the tie fits what it fetched, by the full query when not")
    func largeTies() throws {
        func add(_ count: Int, _ text: String) throws -> [String] {
            var dates: [String] = []
            for index in 0..<count {
                let date = "2024-\(String(format: "%02d", 1 + index % 12))-\(String(format: "%02d", 1 + index / 12))"
                _ = try store.add(Article(body: text, url: "https://example.com/\(text.count)/\(index)", published: date))
                dates.append(date)
            }
            return dates.sorted(by: >)
        }
        let small = try add(20, "مؤتمر في جدة عن الموانئ البحرية")
        let large = try add(SearchEngine.exactWindow + SearchEngine.tieAllowance + 15, "معرض في الدمام عن الطاقة الشمسية")
        for (query, expected, fromIndex) in [("الموانئ", small, true), ("الشمسية", large, false)] {
            var paged: [String] = []
            for offset in stride(from: 0, to: expected.count, by: 7) {
                let page = try store.search(query, options: SearchOptions(limit: 7, offset: offset))
                #expect(page.total == expected.count)
                if offset == 0 { #expect((page.explanation.sql == SearchEngine.indexRankingSQL) == fromIndex, "\(query)") }
                paged += page.hits.compactMap(\.published)
            }
            #expect(paged == expected, "\(query)")
        }
    }

    @Test("a word in the title ranks above the same word in the body; tags above body")
    func fieldWeights() throws {
        let inBody = try store.add(Article(title: "أخبار اليوم", body: "تحدث التقرير عن الزراعة في المنطقة وعن أمور أخرى كثيرة")).id
        let inTitle = try store.add(Article(title: "الزراعة في المنطقة", body: "تحدث التقرير عن أمور أخرى كثيرة في المنطقة اليوم")).id
        let inTags = try store.add(Article(title: "تقرير", body: "تحدث التقرير عن أمور أخرى كثيرة في المنطقة أمس", tags: ["الزراعة"])).id
        let order = try store.search("الزراعة").hits.map(\.id)
        #expect(order.first == inTitle)
        #expect(order.firstIndex(of: inTags)! < order.firstIndex(of: inBody)!)
    }

    @Test("a name is not read as another word: كاميرون finds the name first, not كاميرات or أمير")
    func namesStayNames() throws {
        var cameras: [Int64] = []
        for index in 0..<4 {
            cameras.append(try store.add(Article(title: "كاميرات المراقبة \(index)",
                                                 body: "ركبت البلدية كاميرات جديدة وكاميرات أخرى، والكاميرات تعمل \(index)")).id)
        }
        let prince = try store.add(Article(title: "الأمير يفتتح المعرض", body: "افتتح الأمير المعرض اليوم")).id
        let name = try store.add(Article(title: "رئيس الوزراء البريطاني", body: "قال ديفيد كاميرون في كلمة طويلة عن الاقتصاد والسياسة والتعليم والصحة والطاقة")).id
        let results = try store.search("كاميرون")
        #expect(results.hits.first?.id == name)
        #expect(!results.hits.map(\.id).contains(prince))
        #expect(results.explanation.matchExpression?.contains("\"امير\"") == false)
        // Without the preference, bm25 alone puts the cameras first: the preference is what changes the order.
        var plain = SearchOptions()
        plain.preferExactForms = false
        #expect(cameras.contains(try #require(try store.search("كاميرون", options: plain).hits.first?.id)))
        // A word typed with a proclitic still finds the bare word when the typed form is not indexed.
        #expect(try store.search("بكاميرون").hits.first?.id == name)
    }

    @Test("more matching words rank higher in any-word mode")
    func anyModeCoverage() throws {
        let both = try store.add(Article(body: "وزير الخارجية الإيراني في موسكو لبحث التعاون")).id
        let one = try store.add(Article(body: "وزير الزراعة في القاهرة لبحث الأسعار")).id
        let hits = try store.search("الخارجية موسكو التعاون", mode: .any).hits.map(\.id)
        #expect(hits.first == both)
        #expect(!hits.contains(one))
        #expect(try store.search("وزير موسكو", mode: .any).hits.map(\.id) == [both, one])
    }
}
