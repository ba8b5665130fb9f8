import Testing
@testable import ArticleStore

@Suite("Search: bm25 with term proximity (articles_rank)")
struct ProximityRankingTests {
    let directory: TemporaryDirectory
    let store: ArticleStore
    let together: Int64, apart: Int64, other: Int64

    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.path("store.sqlite"))
        // The same words, as often, in texts of the same length: once side by side, once far apart.
        together = try store.add(Article(title: "خبر أول", body: """
            أعلنت الحكومة اليوم خطة الطاقة الشمسية الجديدة للمدن الساحلية وقال مسؤول إن التنفيذ يبدأ في الربيع \
            بعد دراسة طويلة شملت المناطق الجنوبية والشمالية والوسطى من البلاد كلها
            """)).id
        apart = try store.add(Article(title: "خبر ثان", body: """
            أعلنت الحكومة اليوم خطة جديدة للمدن الساحلية وقال مسؤول إن التنفيذ يبدأ في الربيع بعد دراسة \
            طويلة للطاقة في المناطق الجنوبية والشمالية والوسطى من البلاد كلها الشمسية
            """)).id
        other = try store.add(Article(title: "خبر ثالث", body: "مباراة كرة القدم انتهت بالتعادل في الملعب الكبير")).id
        // Enough other articles that the query words are rare (bm25 gives words in most of a
        // tiny collection almost no weight).
        for topic in ["الأسواق المالية", "الطقس الحار", "المعرض الدولي للكتاب", "الانتخابات البلدية", "الرحلات الجوية",
                      "أسعار النفط", "الجامعات الأهلية", "مهرجان الصيف"] {
            _ = try store.add(Article(title: topic, body: "تقرير عن \(topic) نشر اليوم في الصحف المحلية مع تفاصيل كثيرة"))
        }
    }

    @Test("with proximity 0 and FTS5's parameters, articles_rank is -bm25 exactly")
    func equalsBM25() throws {
        let connection = try Connection(path: directory.path("store.sqlite"), mode: .readOnly)
        let rows = try connection.rows("""
            SELECT rowid, articles_rank(articles_fts, 0, 1.2, 0.75, 3, 1, 2) AS ours, -bm25(articles_fts, 3, 1, 2) AS fts
              FROM articles_fts WHERE articles_fts MATCH ?
            """, ["طاق OR شمس OR حكوم"])
        #expect(rows.count == 2)
        for row in rows {
            let (ours, fts) = (row["ours"].double ?? .nan, row["fts"].double ?? .nan)
            #expect(abs(ours - fts) < 1e-9 * max(1, abs(fts)), "row \(row["rowid"].int64 ?? 0): \(ours) vs \(fts)")
        }
    }

    @Test("query words side by side rank above the same words far apart; proximity 0 does not tell them apart")
    func nearWordsFirst() throws {
        let hits = try store.search("الطاقة الشمسية", mode: .any).hits.map(\.id)
        #expect(hits.first == together)
        #expect(Set(hits) == [together, apart])
        let scores = try store.search("الطاقة الشمسية", mode: .any).hits.map { $0.score ?? 0 }
        #expect(scores[0] > scores[1])

        var flat = SearchOptions()
        flat.proximityWeight = 0
        flat.bm25Parameters = (1.2, 0.75)
        let flatScores = try store.search("الطاقة الشمسية", mode: .any, options: flat).hits.map { $0.score ?? 0 }
        #expect(flatScores.count == 2)
        // Same words, same counts, nearly the same length: bm25 alone scores them within 5%.
        #expect(abs(flatScores[0] - flatScores[1]) < 0.05 * flatScores[0])
    }

    @Test("query words up to 12 index terms apart count as near; further apart they do not")
    func window() throws {
        let fillers = ["قرية", "حديقة", "سيارة", "طريق", "جسر", "نهر", "جبل", "غابة", "سهل", "وادي", "مصنع", "ميناء",
                       "مطار", "سوق", "ملعب", "مسرح", "متحف", "قلعة", "برج", "شاطئ"]
        func body(apart distance: Int) -> String {
            (["الرياح"] + fillers.prefix(distance - 1) + ["البحرية"] + fillers.suffix(20 - distance)).joined(separator: " ")
        }
        let near = try store.add(Article(body: body(apart: 10))).id
        let far = try store.add(Article(body: body(apart: 16))).id
        var flat = SearchOptions()
        flat.proximityWeight = 0
        func score(_ id: Int64, _ options: SearchOptions) throws -> Double {
            try #require(try store.search("الرياح البحرية", mode: .any, options: options).hits.first { $0.id == id }?.score)
        }
        #expect(try score(near, SearchOptions()) > score(near, flat))
        #expect(try score(far, SearchOptions()) == score(far, flat))
    }

    @Test("a connection opened by the store can rank, in any mode, and other queries are unaffected")
    func everywhere() throws {
        #expect(try store.search("كرة القدم").hits.map(\.id) == [other])
        let readOnly = try ArticleStore(path: directory.path("store.sqlite"), mode: .readOnly)
        #expect(try readOnly.search("الطاقة الشمسية", mode: .any).hits.first?.id == together)
    }
}
