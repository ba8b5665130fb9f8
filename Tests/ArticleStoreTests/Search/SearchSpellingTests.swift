import Testing
@testable import ArticleStore

/// Queries typed in other spellings than the seed text find it; words of the other seed do not.
@Suite("Search: spelling variants on the seeds")
struct SearchSpellingTests {
    let directory: TemporaryDirectory
    let store: ArticleStore
    /// The main article of each seed page.
    let moscow: Int64
    let araghchi: Int64

    init() throws {
        directory = try TemporaryDirectory()
        store = try ArticleStore(path: directory.path("store.sqlite"))
        _ = try store.ingest([Seeds.directory.path])
        let pages = try store.articles(ArticleSelection(kinds: [.article]))
        moscow = try #require(pages.first { $0.source == "جريدة الوطن" }).id
        araghchi = try #require(pages.first { $0.source == "بوابة الوفد" }).id
    }

    private func ids(_ query: String, mode: ArticleSelection.Mode = .all) throws -> Set<Int64> {
        Set(try store.search(query, mode: mode).hits.map(\.id))
    }

    @Test("seed 000 (جريدة الوطن) in other spellings", arguments: [
        "اميركي",                 // أ → ا (text: أميركي)
        "الولايات المتحده",       // ة → ه, no shadda (text: المتَّحدة)
        "المتَّحِدة",              // harakat the text does not have on these letters
        "العسکری التقنی",         // Persian ک and ی (the page's own tag spelling)
        "العسكري التقني",
        "ريابكوف",
        "ريـــابكوف",              // tatweel
        "بريابكوف",               // clitic ب
        "وبوريل",                 // clitic و
        "عقوبة",                  // singular; text has عقوبات
        "نوفوستى",                // ى for final ي
        "سلبيه",                  // ة → ه (text: سلبية)
        "لريابكوف",               // clitic ل (text: ريابكوف)
    ])
    func moscowVariants(query: String) throws {
        let found = try ids(query)
        #expect(found.contains(moscow), "\(query) should find seed 000")
        #expect(!found.contains(araghchi), "\(query) should not find seed 001")
    }

    @Test("seed 001 (بوابة الوفد) in other spellings", arguments: [
        "عرقجى",                  // ى for final ي
        "وعرقجي",
        "باليستيه",               // ة → ه
        "بعرقجي",                 // clitic ب
        "الصواريخ",               // article added (text: صواريخ)
        "تسعي",                   // ي for final ى (text: تسعى)
        "الأكاذيب",
        "الاكاذيب",
        "للابتزاز",               // clitic لل
        "أعذارا",                 // tanween alef, text: أعذارًا
    ])
    func araghchiVariants(query: String) throws {
        let found = try ids(query)
        #expect(found.contains(araghchi), "\(query) should find seed 001")
        #expect(!found.contains(moscow), "\(query) should not find seed 000")
    }

    @Test("words of both seeds find both; all-words mode needs every word")
    func bothAndAll() throws {
        #expect(try ids("التعاون العسكري").isSuperset(of: [moscow, araghchi]))
        #expect(try ids("ريابكوف عرقجي").isEmpty)
        #expect(try ids("ريابكوف عرقجي", mode: .any).isSuperset(of: [moscow, araghchi]))
        #expect(try ids("ريابكوف OR عرقجي").isSuperset(of: [moscow, araghchi]))
        #expect(try ids("التعاون -ريابكوف").contains(araghchi))
        #expect(!(try ids("التعاون -ريابكوف").contains(moscow)))
    }

    @Test("phrases keep word order across harakat and shadda")
    func phraseOrder() throws {
        #expect(try ids("\"الولايات المتحدة\"").contains(moscow))   // text: الولايات المتَّحدة
        #expect(try ids("\"المتحدة الولايات\"").isEmpty)
        #expect(try ids("\"نائب وزير الخارجية الروسي\"").contains(moscow))
        #expect(!(try ids("\"نائب وزير الخارجية الإيراني\"").contains(moscow)))
        // Quoted words are exact: the text has لوزير الخارجية الإيراني, so the clitic must be typed.
        #expect(try ids("\"لوزير الخارجية الإيراني\"").contains(moscow))
        #expect(!(try ids("\"وزير الخارجية الإيراني\"").contains(moscow)))
        #expect(try ids("وزير الخارجية الإيراني").contains(moscow))
    }

    @Test("prefix queries drop the article and match the stems")
    func prefixes() throws {
        #expect(try ids("ريابك*").contains(moscow))
        #expect(try ids("التعاو*").isSuperset(of: [moscow, araghchi]))
        #expect(!(try ids("عرق*").contains(moscow)))
    }

    @Test("a query of stopwords and punctuation only matches nothing, and the explanation says why")
    func stopwordsOnly() throws {
        for query in ["في من على", "«،؛؟»", "و"] {
            let results = try store.search(query)
            #expect(results.total == 0 && results.hits.isEmpty)
            #expect(results.explanation.notes.contains { $0.contains("only stopwords or punctuation") }, "\(query)")
        }
    }

    @Test("any-word mode drops interrogatives so they cannot outrank the topic")
    func questionWords() throws {
        let results = try store.search("متى قال ريابكوف إن التعاون مستمر؟", mode: .any)
        #expect(results.hits.first?.id == moscow)
        #expect(!(results.explanation.matchExpression ?? "").contains("متي"))
        // A question of interrogatives only still searches for them rather than failing.
        #expect(throws: Never.self) { try store.search("كيف", mode: .any) }
    }

    @Test("a word the index lacks matches spellings one long vowel or one confusable letter away; an indexed word never does")
    func unindexedVariants() throws {
        let variants = try ArticleStore(path: directory.path("variants.sqlite"))
        let belgium = try variants.add(Article(title: "أخبار", body: "زار الوزير بلجيكا أمس والتقى رئيس الحكومة")).id
        let cameron = try variants.add(Article(title: "لندن", body: "قال ديفيد كاميرون إن الخطة جاهزة")).id
        let cancer = try variants.add(Article(title: "الصحة", body: "دراسة جديدة عن مرض السرطان في المنطقة")).id
        let offices = try variants.add(Article(title: "الشركة", body: "افتتحت الشركة مكاتب جديدة في المدينة")).id
        let office = try variants.add(Article(title: "البلدية", body: "نقل المكتب الرئيسي إلى مبنى آخر")).id
        func ids(_ query: String) throws -> Set<Int64> { Set(try variants.search(query, mode: .any).hits.map(\.id)) }
        #expect(try ids("بلجيكيا") == [belgium])      // a long vowel too many
        #expect(try ids("كامرون") == [cameron])        // one too few
        #expect(try ids("صرطان") == [cancer])          // ص for س
        // Both spellings are indexed (مكاتب is مكتب with a long vowel more): each finds its own.
        #expect(FTSQueryBuilder.longVowelVariants(of: "مكاتب").contains("مكتب"))
        #expect(try ids("مكاتب") == [offices])
        #expect(try ids("مكتب") == [office])
        #expect(FTSQueryBuilder.longVowelVariants(of: "بلجيكيا").contains("بلجيكا"))
        #expect(FTSQueryBuilder.longVowelVariants(of: "كامرون").contains("كاميرون"))
    }

    @Test("names with عبد match joined and apart, the two words side by side only")
    func compoundNames() throws {
        let directory = try TemporaryDirectory()
        let names = try ArticleStore(path: directory.path("names.sqlite"))
        let joined = try names.add(Article(title: "استقبال", body: "استقبل الأمير عبدالعزيز الوفد في الرياض")).id
        let apart = try names.add(Article(title: "لقاء", body: "التقى الأمير عبد العزيز رئيس الوفد")).id
        let scattered = try names.add(Article(title: "خبر", body: "قال عبد الله إن العزيز من الأسماء الحسنى")).id
        for query in ["عبدالعزيز", "عبد العزيز", "عَبْدُ العَزِيز"] {
            #expect(Set(try names.search(query).hits.map(\.id)) == [joined, apart], "\(query)")
            #expect(Set(try names.search(query, mode: .any).hits.map(\.id)) == [joined, apart], "\(query), any word")
        }
        // The name as written in each article is highlighted.
        let hit = try #require(try names.search("عبد العزيز").hits.first { $0.id == apart })
        let scalars = Array(hit.snippet.unicodeScalars)
        let marked = hit.highlights.map { String(String.UnicodeScalarView(scalars[$0])) }
        #expect(marked.contains("العزيز") && marked.contains("عبد"))
        // Quoted, the words are exact: no joined form.
        #expect(Set(try names.search("\"عبد العزيز\"").hits.map(\.id)) == [apart])
        #expect(scattered > 0)
    }
}
