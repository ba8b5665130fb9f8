import Testing
@testable import ArticleStore

@Suite("Search: snippets and highlights from the original text")
struct SnippetHighlightTests {
    let directory: TemporaryDirectory
    let store: ArticleStore

    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.path("store.sqlite"))
    }

    /// The highlighted words of a hit's snippet, as they stand in it.
    private func highlighted(_ hit: SearchHit) -> [String] {
        let scalars = Array(hit.snippet.unicodeScalars)
        return hit.highlights.map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    @Test("a query without harakat highlights the stored words with their harakat")
    func harakatInText() throws {
        let body = "وشدَّد ريابكوف على أنَّ التَّعاونَ العسكريَّ مع إيران «قانونيّ»، وأنّ التعـــاون مستمر."
        let id = try store.add(Article(body: body)).id
        let hit = try #require(try store.search("التعاون العسكري").hits.first)
        #expect(hit.id == id)
        #expect(hit.snippet == body)
        #expect(highlighted(hit) == ["التَّعاونَ", "العسكريَّ", "التعـــاون"])
    }

    @Test("a query with harakat highlights plain stored words")
    func harakatInQuery() throws {
        _ = try store.add(Article(title: "تعاون عسكري", body: "قال الوزير إن التعاون العسكري بين البلدين مستمر."))
        let hit = try #require(try store.search("التَّعَاوُنُ العَسْكَرِيُّ").hits.first)
        #expect(highlighted(hit) == ["التعاون", "العسكري"])
        let title = Array(hit.displayTitle.unicodeScalars)
        #expect(hit.titleHighlights.map { String(String.UnicodeScalarView(title[$0])) } == ["تعاون", "عسكري"])
    }

    @Test("letter variants, clitics and prefixes highlight the whole written word")
    func variants() throws {
        _ = try store.add(Article(body: "وأكد وزير الخارجية الإيراني أن طهران لم تسلم صواريخ لروسيا، وأن العلاقات مع موسكو قوية."))
        let hit = try #require(try store.search("ايرانى روسيا").hits.first)
        #expect(highlighted(hit) == ["الإيراني", "لروسيا"])
        let prefix = try #require(try store.search("صوار*").hits.first)
        #expect(highlighted(prefix) == ["صواريخ"])
    }

    @Test("a long body is cut around the passage holding the query words, with ellipses")
    func cutting() throws {
        let filler = Array(repeating: "كلام عام عن الطقس والرياضة والفن", count: 30).joined(separator: " ")
        let body = filler + " ثم تناول ريابكوف التعاون العسكري التقني مع طهران. " + filler
        _ = try store.add(Article(body: body))
        let results = try store.search("ريابكوف التعاون", options: SearchOptions(snippetWords: 12))
        let hit = try #require(results.hits.first)
        #expect(hit.snippet.hasPrefix("… "))
        #expect(hit.snippet.hasSuffix(" …"))
        #expect(hit.snippet.contains("ريابكوف التعاون العسكري"))
        #expect(highlighted(hit) == ["ريابكوف", "التعاون"])
        #expect(hit.snippet.unicodeScalars.count < 150)
    }

    @Test("line breaks in the snippet become spaces without shifting offsets")
    func lineBreaks() throws {
        _ = try store.add(Article(body: "السطر الأول عن إيران\n\nوالسطر الثاني عن إيران أيضاً"))
        let hit = try #require(try store.search("إيران").hits.first)
        #expect(!hit.snippet.contains("\n"))
        #expect(highlighted(hit) == ["إيران", "إيران"])
    }

    @Test("excluded words are not highlighted")
    func negatedNotHighlighted() throws {
        _ = try store.add(Article(body: "إيران وروسيا وقعتا اتفاقاً، ولم تحضر فرنسا."))
        let hit = try #require(try store.search("إيران -الصين").hits.first)
        #expect(highlighted(hit) == ["إيران"])
    }
}
