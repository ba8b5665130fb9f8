import ArabicText
import Foundation
import Testing
@testable import ArticleStore

/// Keyword tags computed from the text: candidates, ranking, storage, listing and filters.
@Suite("Keyword tags")
struct KeywordTagTests {
    let analyzer = Analyzer()

    @Test("candidates are spans of the text of one to three words, not crossing punctuation, without stopword or number edges")
    func candidates() {
        let body = analyzer.analyze("قال وزير الخارجية الروسي سيرغي لافروف، إن التعاون العسكري مع إيران مستمر منذ 2015.")
        let found = KeywordCandidateExtractor().candidates(title: nil, body: body)
        let surfaces = Set(found.map(\.surface))
        #expect(surfaces.contains("وزير الخارجية"))
        #expect(surfaces.contains("التعاون العسكري"))
        #expect(surfaces.contains("سيرغي لافروف"))
        #expect(!surfaces.contains { $0.contains("لافروف، إن") || $0.contains("لافروف إن") }) // crosses the comma
        #expect(!surfaces.contains { $0.hasPrefix("إن ") || $0.hasSuffix(" مع") || $0 == "قال" && false })
        #expect(!surfaces.contains { $0.contains("2015") })
        #expect(found.allSatisfy { (1...3).contains($0.length) })
        for candidate in found { #expect(body.original(0..<body.scalars.count).contains(candidate.surface)) }
    }

    @Test("names of HTML character references left in scraped text are not candidates; the words beside them are")
    func htmlReferences() {
        let body = analyzer.analyze("قال المتحدث &quot;الاتفاق النووي&quot; خطوة مهمة &amp; ضرورية")
        let surfaces = Set(KeywordCandidateExtractor().candidates(title: nil, body: body).map(\.surface))
        #expect(!surfaces.contains { $0.contains("quot") || $0.contains("amp") })
        #expect(surfaces.contains("الاتفاق النووي"))
        #expect(surfaces.contains("ضرورية"))
    }

    @Test("occurrences with other clitics and letter forms are one candidate, shown as written most often")
    func variantsMerge() throws {
        let body = analyzer.analyze("أعلنت الحكومة خطة. وقالت الحكومة إن الخطة جاهزة. ورحب البرلمان بالحكومة.")
        let government = try #require(KeywordCandidateExtractor().candidates(title: nil, body: body).first { $0.surface == "الحكومة" })
        #expect(government.bodyCount == 3)
        #expect(government.length == 1)
    }

    @Test("a part of a chosen phrase that never occurs without it is not a keyword of its own")
    func coveredParts() {
        let body = analyzer.analyze("استقبل الأمير عبدالرحمن الفيصل الوفد. وأكد عبدالرحمن الفيصل أهمية الزيارة.")
        let candidates = KeywordCandidateExtractor().candidates(title: nil, body: body)
        #expect(candidates.contains { $0.surface == "الفيصل" })
        let ranked = KeywordRanker().rank(candidates, frequencies: DocumentFrequencies(documents: 100)).map(\.surface)
        #expect(ranked.first == "عبدالرحمن الفيصل")
        #expect(!ranked.contains("الفيصل") && !ranked.contains("عبدالرحمن"))
    }

    @Test("a stem hashed from its scalars equals the hash of its index term (how counts are looked up)")
    func termHashOfScalars() {
        for term in ["صح", "مدارس", "abc1", "é", "𝔸رب", ""] {
            #expect(TermHash.of(scalars: term.unicodeScalars) == TermHash.of(term), "\(term)")
        }
    }

    @Test("ranking is deterministic and does not depend on candidate order")
    func deterministic() {
        let body = analyzer.analyze(String(repeating: "أعلنت وزارة الصحة عن حملة تطعيم جديدة في المدارس. ", count: 3) + "وقال مسؤول إن الحملة تشمل المدن الكبرى.")
        let candidates = KeywordCandidateExtractor().candidates(title: analyzer.analyze("حملة تطعيم في المدارس"), body: body)
        let frequencies = DocumentFrequencies(documents: 100, counts: ["صح": 40, "مدارس": 10, "حمل": 20])
        let ranker = KeywordRanker()
        let first = ranker.rank(candidates, frequencies: frequencies).map(\.surface)
        #expect(first == ranker.rank(candidates.reversed(), frequencies: frequencies).map(\.surface))
        #expect(first.count == 10 && Set(first).count == 10)
        #expect(first.contains("حملة تطعيم"))
    }

    @Test("ingest stores ranked keywords; show and JSON carry them; a re-ingest and a second store give the same; seeds keep their tags")
    func stored() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.path("a.sqlite"))
        try store.ingest([Seeds.directory.path])
        let id = try #require(try store.search("ريابكوف").hits.first?.id)
        let article = try #require(try store.article(id: id))
        #expect(!article.keywords.isEmpty && article.keywords.count <= 10)
        #expect(article.keywords.allSatisfy { article.body.contains($0) || (article.title ?? "").contains($0) })
        #expect(article.tags == ["التعاون العسکری التقنی"]) // the page's own tag, unchanged
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(article)) as? [String: Any]
        #expect(json?["keywords"] as? [String] == article.keywords)

        let other = try ArticleStore(path: directory.path("b.sqlite"))
        try other.ingest([Seeds.directory.path])
        let otherID = try #require(try other.search("ريابكوف").hits.first?.id)
        #expect(try other.article(id: otherID)?.keywords == article.keywords)
        try store.ingest([Seeds.directory.path], options: IngestOptions(replace: true))
        #expect(try store.article(id: id)?.keywords == article.keywords)
    }

    @Test("tags --auto lists keyword tags; tag filters match them only when asked")
    func listingAndFilters() throws {
        let store = try ArticleStore.inMemory()
        let body = "أعلنت وزارة الصحة حملة التطعيم الشاملة. وتستمر حملة التطعيم الشاملة شهرا كاملا في كل المدن."
        let first = try store.add(Article(title: "حملة التطعيم الشاملة تبدأ", body: body)).id
        _ = try store.add(Article(title: "مباراة كرة القدم", body: "فاز الفريق الأول في مباراة كرة القدم على ملعب المدينة الرياضية."))
        let keywords = try store.keywordTags(limit: 50)
        #expect(keywords.contains { $0.name == "حملة التطعيم الشاملة" && $0.articles == 1 })
        var selection = ArticleSelection(tags: ["حملة التطعيم الشاملة"])
        #expect(try store.search(selection).hits.isEmpty)
        selection.includeKeywordTags = true
        #expect(try store.search(selection).hits.map(\.id) == [first])
        let facets = try #require(try store.search("التطعيم", options: SearchOptions(facets: true)).facets)
        #expect(facets.keywords.contains { $0.value == "حملة التطعيم الشاملة" })
    }

    @Test("check finds articles without keyword tags and repair computes them; delete takes them along")
    func repairAndDelete() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.path("store.sqlite"))
        try store.ingest([Seeds.directory.path])
        let before = try store.connection.scalar("SELECT count(*) FROM article_keywords")
        try store.connection.execute("DELETE FROM article_keywords")
        #expect(try store.check().findings.map(\.kind) == ["keywords-missing"])
        try store.check(repair: true)
        #expect(try store.connection.scalar("SELECT count(*) FROM article_keywords") == before)
        #expect(try store.check().isHealthy)
        let id = try #require(try store.search("ريابكوف").hits.first?.id)
        try store.deleteArticles(ids: [id])
        #expect(try store.connection.scalar("SELECT count(*) FROM article_keywords WHERE article_id = ?", [id]) == .integer(0))
    }
}

extension KeywordTagTests {
    @Test("ingest without keywords stores none; check reports them missing and repair gives what ingest would have")
    func ingestWithoutKeywords() throws {
        let directory = try TemporaryDirectory()
        let full = try ArticleStore(path: directory.path("full.sqlite"))
        try full.ingest([Seeds.directory.path])
        let bare = try ArticleStore(path: directory.path("bare.sqlite"))
        try bare.ingest([Seeds.directory.path], options: IngestOptions(computeKeywords: false))
        #expect(try bare.connection.scalar("SELECT count(*) FROM article_keywords") == .integer(0))
        #expect(try bare.check().findings.map(\.kind) == ["keywords-missing"])
        try bare.check(repair: true)
        let query = "SELECT a.content_hash, k.rank, k.keyword FROM article_keywords AS k JOIN articles AS a ON a.id = k.article_id ORDER BY 1, 2"
        let expected = try full.connection.rows(query).map { [$0[0], $0[1], $0[2]] }
        #expect(!expected.isEmpty)
        #expect(try bare.connection.rows(query).map { [$0[0], $0[1], $0[2]] } == expected)
    }

    @Test("a candidate's key is the key tags use for its surface (TextKey.nameKey)")
    func keyMatchesTagKey() {
        let keys = TextKey(analyzer: analyzer)
        let body = analyzer.analyze("وقال وزير الخارجية في مؤتمر صحفي إن التعاون العسكري بين البلدين مستمر، وأكد أن المحادثات ستستمر.")
        let found = KeywordCandidateExtractor().candidates(title: nil, body: body)
        #expect(!found.isEmpty)
        for candidate in found { #expect(candidate.key == keys.nameKey(candidate.surface), "\(candidate.surface)") }
    }
}
