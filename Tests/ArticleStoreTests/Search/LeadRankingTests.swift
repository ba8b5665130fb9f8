import Testing
@testable import ArticleStore

@Suite("Search: a query word in the body's opening counts more (the lead)")
struct LeadRankingTests {
    let directory: TemporaryDirectory
    let store: ArticleStore
    let early: Int64, late: Int64

    /// Sixty distinct content words (no stopwords: the lead counts index terms).
    static let filler = (1...60).map { "كلمة\($0)" }.joined(separator: " ")

    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.path("store.sqlite"))
        // The same words, as often, in bodies of the same length: the query word opens one and
        // closes the other.
        early = try store.add(Article(title: "تقرير أول", body: "الزلزال " + Self.filler)).id
        late = try store.add(Article(title: "تقرير ثان", body: Self.filler + " الزلزال")).id
        for topic in ["الأسواق المالية", "الطقس الحار", "المعرض الدولي للكتاب", "الانتخابات البلدية", "الرحلات الجوية"] {
            _ = try store.add(Article(title: topic, body: "تقرير عن \(topic) نشر اليوم في الصحف المحلية"))
        }
    }

    @Test("the article that opens with the word ranks first; without the lead both score the same")
    func openingFirst() throws {
        let results = try store.search("الزلزال")
        #expect(results.hits.map(\.id) == [early, late])
        let scores = results.hits.map { $0.score ?? 0 }
        #expect(scores[0] > scores[1] * 1.2)

        var flat = SearchOptions()
        flat.lead = (0, 40)
        let flatScores = try store.search("الزلزال", options: flat).hits.map { $0.score ?? 0 }
        #expect(flatScores.count == 2)
        #expect(abs(flatScores[0] - flatScores[1]) < 1e-9 * flatScores[0])

        // A lead shorter than the word's place does not reach it: the late one gains nothing.
        var short = SearchOptions()
        short.lead = (1, 10)
        let shortScores = try store.search("الزلزال", options: short).hits.map { $0.score ?? 0 }
        #expect(abs(shortScores[1] - flatScores[1]) < 1e-9 * flatScores[1])
    }

    @Test("articles_rank without the lead arguments, or with lead 0, scores as before")
    func optionalArguments() throws {
        let connection = try Connection(path: directory.path("store.sqlite"), mode: .readOnly)
        let rows = try connection.rows("""
            SELECT articles_rank(articles_fts, 1, 1.2, 0.9, 3, 1, 2) AS plain,
                   articles_rank(articles_fts, 1, 1.2, 0.9, 3, 1, 2, 0, 1, 40) AS none,
                   articles_rank(articles_fts, 1, 1.2, 0.9, 3, 1, 2, 1, 1, 40) AS lead
              FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid
            """, ["زلزال"])
        #expect(rows.count == 2)
        for row in rows { #expect(row["plain"] == row["none"]) }
        #expect((rows[0]["lead"].double ?? 0) > (rows[0]["plain"].double ?? 0))
        #expect(rows[1]["lead"] == rows[1]["plain"])
    }
}
