import Foundation
import ArabicText
import Testing
@testable import ArticleStore

/// Filters, facets, sorting and pagination on a generated store of 360 articles whose every
/// property follows from its index, so the expected answers are computed independently here.
@Suite("Search: filters, facets, sort and pages")
struct SearchFilterFacetTests {
    static let count = 360
    static let sources = ["جريدة الوطن", "بوابة الوفد", "الأهرام"]
    static let topicTags = ["التعاون العسكري", "الملف النووي", "أسعار النفط", "الانتخابات"]
    static let placeTags = ["إيران", "روسيا", "مصر", "فرنسا", "لبنان"]

    struct Generated {
        let index: Int
        let source: String
        let tags: [String]
        let published: String
        let mentionsCooperation: Bool
        let mentionsIran: Bool
        let language: String
    }

    static func generated(_ index: Int) -> Generated {
        let day = Calendar(identifier: .gregorian).date(byAdding: .day, value: index, to: Date(timeIntervalSince1970: 1_704_067_200))!
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return Generated(index: index, source: sources[index % 3],
                         tags: [topicTags[index % 4], placeTags[(index / 4) % 5]],
                         published: formatter.string(from: day),
                         mentionsCooperation: index % 2 == 0, mentionsIran: index % 3 == 0,
                         language: index % 10 == 9 ? "ar-EG" : "ar")
    }

    let directory: TemporaryDirectory
    let store: ArticleStore
    /// Store id of each generated index.
    let ids: [Int64]

    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.path("store.sqlite"))
        var ids: [Int64] = []
        for index in 0..<Self.count {
            let item = Self.generated(index)
            var body = "تقرير رقم \(index) عن الأحداث في المنطقة."
            if item.mentionsCooperation { body += " وتناول التَّعاون بين البلدين." }
            if item.mentionsIran { body += " وقال مسؤول في إيران إن المحادثات مستمرة." }
            let article = Article(title: "خبر \(index)", body: body, source: item.source, published: item.published,
                                  language: item.language, tags: item.tags)
            ids.append(try store.add(article).id)
        }
        self.ids = ids
        // Entities come from extraction (see EntityExtractionTests), which finds إيران in the
        // generated bodies; two more are attached directly so the filter and facet can be
        // checked against known counts.
        let keys = TextKey(analyzer: Analyzer())
        try store.connection.run("INSERT INTO entities(id, type, name, name_key) VALUES (1001, 'PERSON', 'عباس عرقجي', ?), (1002, 'LOCATION', 'روسيا', ?)",
                                 [keys.key("عباس عرقجي"), keys.key("روسيا")])
        try store.connection.run("INSERT INTO entity_aliases(entity_id, alias, alias_key) VALUES (1001, 'عرقجي', ?)", [keys.key("عرقجي")])
        for (index, id) in ids.enumerated() where index % 5 == 0 {
            try store.connection.run("INSERT INTO mentions(article_id, entity_id, field, start_offset, end_offset, surface) VALUES (?, 1001, 'body', 0, 5, 'عرقجي')", [id])
        }
        for (index, id) in ids.enumerated() where index % 7 == 0 {
            try store.connection.run("INSERT INTO mentions(article_id, entity_id, field, start_offset, end_offset, surface) VALUES (?, 1002, 'body', 0, 5, 'روسيا')", [id])
        }
    }

    private func expected(_ include: (Generated) -> Bool) -> Set<Int64> {
        Set((0..<Self.count).filter { include(Self.generated($0)) }.map { ids[$0] })
    }

    private func all(_ query: String) throws -> Set<Int64> {
        let results = try store.search(query, options: SearchOptions(limit: 1000))
        #expect(results.total == results.hits.count)
        return Set(results.hits.map(\.id))
    }

    @Test("each filter alone and combined with words")
    func filters() throws {
        #expect(try all("التعاون") == expected(\.mentionsCooperation))
        #expect(try all("source:الوفد") == expected { $0.source == "بوابة الوفد" } || all("source:\"بوابة الوفد\"") == expected { $0.source == "بوابة الوفد" })
        #expect(try all("source:\"بوابة الوفد\"") == expected { $0.source == "بوابة الوفد" })
        #expect(try all("source:\"الاهرام\"") == expected { $0.source == "الأهرام" })
        #expect(try all("tag:\"التعاون العسكري\"") == expected { $0.tags.contains("التعاون العسكري") })
        #expect(try all("tag:\"التعاون العسکری\"") == expected { $0.tags.contains("التعاون العسكري") })
        #expect(try all("تعاون tag:ايران") == expected { $0.mentionsCooperation && $0.tags.contains("إيران") })
        #expect(try all("إيران source:\"جريدة الوطن\" tag:\"الملف النووي\"")
                == expected { $0.mentionsIran && $0.source == "جريدة الوطن" && $0.tags.contains("الملف النووي") })
        #expect(try all("entity:عرقجي") == expected { $0.index % 5 == 0 })
        #expect(try all("entity:\"عباس عرقجي\" entity:روسيا") == expected { $0.index % 5 == 0 || $0.index % 7 == 0 })
        #expect(try all("after:2024-06-01 before:2024-07-01") == expected { $0.published >= "2024-06-01" && $0.published < "2024-07-01" })
        #expect(try all("التعاون after:2024-12") == expected { $0.mentionsCooperation && $0.published >= "2024-12" })
        #expect(try all("lang:ar tag:لبنان") == expected { $0.tags.contains("لبنان") })
        #expect(try all("lang:ar-eg") == expected { $0.language == "ar-EG" })
        #expect(try all("tag:\"غير موجود\"").isEmpty)
    }

    @Test("facets count every match, not only the returned page")
    func facets() throws {
        let results = try store.search("التعاون", options: SearchOptions(limit: 5, facets: true, facetLimit: 20))
        let matching = (0..<Self.count).map(Self.generated).filter(\.mentionsCooperation)
        #expect(results.hits.count == 5)
        #expect(results.total == matching.count)
        let facets = try #require(results.facets)
        for source in Self.sources {
            #expect(facets.sources.first { $0.value == source }?.count == matching.filter { $0.source == source }.count)
        }
        for tag in Self.topicTags + Self.placeTags {
            let count = matching.filter { $0.tags.contains(tag) }.count
            #expect(facets.tags.first { $0.value == tag }?.count ?? 0 == count, "\(tag)")
        }
        #expect(facets.entities.first { $0.value == "عباس عرقجي" } == FacetCount(value: "عباس عرقجي", type: .person,
                                                                            count: matching.filter { $0.index % 5 == 0 }.count))
        #expect(facets.entities.first { $0.value == "روسيا" }?.count == matching.filter { $0.index % 7 == 0 }.count)
        // Largest first.
        #expect(facets.tags.map(\.count) == facets.tags.map(\.count).sorted(by: >))
    }

    @Test("pages tile the full result list without gaps or repeats")
    func pagination() throws {
        let full = try store.search("إيران", options: SearchOptions(limit: 1000)).hits.map(\.id)
        var paged: [Int64] = []
        for page in 0... {
            let results = try store.search("إيران", options: SearchOptions(limit: 7, offset: page * 7))
            #expect(results.total == full.count)
            if results.hits.isEmpty { break }
            paged += results.hits.map(\.id)
        }
        #expect(paged == full)
    }

    @Test("date sort is newest first; relevance ties break by recency")
    func sorting() throws {
        let byDate = try store.search("التعاون", options: SearchOptions(limit: 1000, sort: .date)).hits
        let dates = byDate.map { $0.published ?? "" }
        #expect(dates == dates.sorted(by: >))
        let byRelevance = try store.search("التعاون", options: SearchOptions(limit: 1000)).hits
        for (first, second) in zip(byRelevance, byRelevance.dropFirst()) {
            let a = first.score ?? 0, b = second.score ?? 0
            #expect(a >= b)
            if a == b { #expect((first.published ?? "") >= (second.published ?? "")) }
        }
    }

    @Test("filter-only searches list by date with no score")
    func filterOnly() throws {
        let results = try store.search("source:الأهرام", options: SearchOptions(limit: 3))
        #expect(results.total == Self.count / 3)
        #expect(results.hits.allSatisfy { $0.score == nil && $0.source == "الأهرام" })
        #expect(results.explanation.matchExpression == nil)
    }
}
