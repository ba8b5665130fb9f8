import Testing
@testable import ArticleStore

@Suite("Search: quoted words match exactly")
struct ExactQuoteTests {
    let directory: TemporaryDirectory
    let store: ArticleStore
    let name: Int64, withProclitic: Int64, country: Int64, cameras: Int64, voweled: Int64, phrase: Int64, split: Int64, tagged: Int64

    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.path("store.sqlite"))
        name = try store.add(Article(title: "رئيس الوزراء البريطاني", body: "قال ديفيد كاميرون إن الحكومة ستعرض خطة جديدة")).id
        withProclitic = try store.add(Article(title: "تصريحات في لندن", body: "وقال متحدث لكاميرون إن الخطة جاهزة")).id
        country = try store.add(Article(title: "هجوم في الكاميرون", body: "قتل عشرة أشخاص في شمال الكاميرون أمس")).id
        cameras = try store.add(Article(title: "كاميرات المراقبة", body: "ركبت البلدية كاميرات جديدة في الشوارع")).id
        // Harakat, tatweel and another alef form: the same word once normalized.
        voweled = try store.add(Article(title: "خبر آخر", body: "وصل كـاميرُون إلى إيران في زيارة قصيرة")).id
        phrase = try store.add(Article(title: "المجلس", body: "اجتمع وزير الخارجية مع نظيره")).id
        split = try store.add(Article(title: "الوزراء", body: "قال الوزير إن الخارجية لم ترد بعد")).id
        tagged = try store.add(Article(title: "تقرير", body: "نص لا يذكر الاسم", tags: ["كاميرون"])).id
    }

    private func ids(_ query: String, mode: ArticleSelection.Mode = .all) throws -> Set<Int64> {
        Set(try store.search(query, mode: mode).hits.map(\.id))
    }

    @Test("in any-word mode an unquoted word passes on its own; the quoted word is still exact")
    func anyWordMode() throws {
        // كاميرات المراقبة has the unquoted word; the others need the quoted word itself.
        #expect(try ids("\"كاميرون\" المراقبة", mode: .any) == [name, voweled, tagged, cameras])
        #expect(try store.search("\"كاميرون\" المراقبة", mode: .any).total == 4)
    }

    @Test("a quoted word matches its normalized form only: no stem, no clitic added or removed")
    func quotedWord() throws {
        let found = try ids("\"كاميرون\"")
        #expect(found == [name, voweled, tagged])
        #expect(try store.search("\"كاميرون\"").total == 3)
        // Unquoted, the stem finds the cameras and the clitic forms too.
        let loose = try ids("كاميرون")
        #expect(loose.isSuperset(of: [name, withProclitic, country, cameras]))
        // Typed with harakat and another letter form, the quoted word is the same word.
        #expect(try ids("\"كَاميرون\"") == found)
        #expect(try ids("\"الكاميرون\"") == [country])
    }

    @Test("a quoted phrase needs its words next to each other, in order")
    func quotedPhrase() throws {
        #expect(try ids("\"وزير الخارجية\"") == [phrase])
        #expect(try ids("وزير الخارجية") == [phrase, split])
        #expect(try ids("\"الخارجية وزير\"").isEmpty)
    }

    @Test("quoted words combine with fields, alternatives and exclusions")
    func combinations() throws {
        #expect(try ids("title:\"الكاميرون\"") == [country])
        #expect(try ids("body:\"كاميرون\"") == [name, voweled])
        #expect(try ids("\"كاميرون\" OR \"الكاميرون\"") == [name, voweled, tagged, country])
        // Excluding the exact word keeps the articles that only share its stem.
        #expect(try ids("كاميرون -\"كاميرون\"") == [withProclitic, country, cameras])
        let said = try ids("قال -\"كاميرون\"")
        #expect(said.contains(split) && !said.contains(name))
        // A quoted word with an unquoted one: both must hold.
        #expect(try ids("\"كاميرون\" إيران") == [voweled])
        #expect(try ids("\"كاميرون\" لندن").isEmpty)
        #expect(try ids("\"كاميرون\" خطة", mode: .any).isSuperset(of: [name, voweled, tagged, withProclitic]))
    }

    @Test("every path that selects by words agrees: count, listing and delete")
    func selectionsAgree() throws {
        let selection = try ArticleSelection(parsing: "\"كاميرون\"")
        #expect(Set(try store.articles(selection).map(\.id)) == [name, voweled, tagged])
        let deleted = try store.deleteArticles(selection, dryRun: true).map(\.id)
        #expect(Set(deleted) == [name, voweled, tagged])
    }

    @Test("a quoted word highlights the word itself, not other words with its stem")
    func quotedHighlights() throws {
        let both = try store.add(Article(title: "كاميرات", body: "اشترى كاميرون كاميرات جديدة وقال لكاميرون مرافقه شيئا")).id
        func highlighted(_ query: String) throws -> [String] {
            let hit = try #require(try store.search(query).hits.first { $0.id == both })
            let scalars = Array(hit.snippet.unicodeScalars)
            return hit.highlights.map { String(String.UnicodeScalarView(scalars[$0])) }
        }
        #expect(try highlighted("\"كاميرون\"") == ["كاميرون"])
        // Unquoted, every word with the stem is highlighted.
        #expect(try highlighted("كاميرون").count == 3)
        #expect(try store.search("\"كاميرون\"").explanation.highlightTerms == ["\"كاميرون\""])
    }

    @Test("quoted words are answered by the forms index, which delete, update and repair keep in step")
    func formsIndexInStep() throws {
        func integrity() throws {
            try store.connection.execute("INSERT INTO articles_forms(articles_forms, rank) VALUES ('integrity-check', 1)")
        }
        #expect(try store.connection.scalar("SELECT count(*) FROM articles_forms_docsize") == .integer(8))
        try integrity()
        // Delete removes the entry made from the same forms (a wrong one would fail the check).
        try store.deleteArticles(ids: [voweled])
        #expect(try ids("\"كاميرون\"") == [name, tagged])
        try integrity()
        // An update indexes the new words and drops the old ones.
        _ = try store.updateArticle(id: name) { $0.body = "قال رئيس الوزراء إن الحكومة ستعرض خطة جديدة" }
        #expect(try ids("\"كاميرون\"") == [tagged])
        #expect(try ids("\"رئيس الوزراء\"") == [name])
        try integrity()
        // Entries lost outside ArticleStore: check finds them missing, repair writes them again.
        try store.connection.execute("INSERT INTO articles_forms(articles_forms) VALUES ('delete-all')")
        #expect(try ids("\"كاميرون\"").isEmpty)
        let report = try store.check(repair: true)
        #expect(report.findings.map(\.kind) == ["index-missing"])
        #expect(try ids("\"كاميرون\"") == [tagged])
        #expect(try ids("\"الكاميرون\"") == [country])
        try integrity()
        #expect(try store.check().findings.isEmpty)
    }

    @Test("the check reads parts of a conjunction FTS5 decides as decided")
    func impliedTerms() throws {
        let check = ExactMatchCheck.all([.terms("\"قول\""), .exact([Array("كاميرون".unicodeScalars)], field: nil)],
                                        excluding: [.terms("\"لندن\"")])
        #expect(check.withoutImpliedTerms == .all([.exact([Array("كاميرون".unicodeScalars)], field: nil)],
                                                  excluding: [.terms("\"لندن\"")]))
        #expect(!ExactMatchCheck.terms("\"x\"").hasExactWords)
    }
}
