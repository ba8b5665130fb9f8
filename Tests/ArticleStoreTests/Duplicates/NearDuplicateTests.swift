import ArabicText
import Foundation
import Testing
@testable import ArticleStore

@Suite("Near-duplicates and optimize")
struct NearDuplicateTests {
    static let paragraphs = [
        "أكد وزير الخارجية الإيراني أن التعاون العسكري بين إيران وروسيا ليس بالأمر الجديد وأن طهران لم تسلم أي صواريخ.",
        "وقال في تصريحات للصحافة عقب اجتماع مع مسؤولين أوروبيين إن للتعاون بين البلدين تاريخا طويلا في المجال العسكري.",
        "وأضاف أن المزاعم التي تشير إلى تسليم صواريخ باليستية لموسكو لا أساس لها من الصحة وتأتي ضمن حملة دعائية.",
        "ووجه انتقادات حادة للسياسات الأوروبية تجاه إيران متهما الاتحاد الأوروبي بالخضوع للضغوط والابتزاز.",
        "وأشار إلى أن الدول الأوروبية تواصل اتباع سياسات مزدوجة تجاه قضايا المنطقة مما يزيد من التوترات.",
        "وشدد على أن هذا التعاون يشمل مجالات عديدة تمتد لسنوات طويلة ولا يقتصر على الأبعاد العسكرية وحدها.",
    ]
    static let original = paragraphs.joined(separator: "\n\n")
    /// The same story elsewhere: one paragraph dropped, a sentence added.
    static let nearCopy = (paragraphs.dropLast() + ["وتأتي هذه التصريحات في وقت تشهد فيه المنطقة توترا متزايدا."]).joined(separator: "\n\n")
    static let unrelated = "أعلنت وزارة الزراعة المصرية عن خطة جديدة لزيادة إنتاج القمح خلال الموسم المقبل عبر توسيع المساحات المزروعة ودعم المزارعين."

    @Test("MinHash estimates similarity: identical 1, near copy high, unrelated low")
    func signatures() {
        let analyzer = Analyzer()
        func signature(_ text: String) -> MinHashSignature { MinHashSignature(terms: analyzer.termsText(text)) }
        let original = signature(Self.original)
        #expect(original.similarity(to: signature(Self.original)) == 1)
        #expect(original.similarity(to: signature(Self.nearCopy)) > 0.6)
        #expect(original.similarity(to: signature(Self.unrelated)) < 0.1)
        #expect(MinHashSignature(bytes: original.bytes) == original)
        #expect(original.bandKeys.count == MinHashSignature.bands)
        #expect(signature("").isEmpty)
    }

    @Test("clusters and per-article lookups find the near copy and not the unrelated story")
    func clusters() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.path("s.sqlite"))
        let first = try store.add(Article(body: Self.original, source: "بوابة الوفد", url: "https://a.example/1")).id
        let copy = try store.add(Article(body: Self.nearCopy, source: "الأهرام", url: "https://b.example/2")).id
        let other = try store.add(Article(body: Self.unrelated, source: "الأهرام", url: "https://b.example/3")).id
        let clusters = try store.nearDuplicateClusters(threshold: 0.6)
        #expect(clusters.map { $0.members.map(\.id) } == [[first, copy]])
        #expect(clusters.first?.members.first?.similarity == 1)
        #expect(try store.nearDuplicates(of: first, threshold: 0.6).map(\.id) == [copy])
        #expect(try store.nearDuplicates(of: other, threshold: 0.6).isEmpty)
        #expect(try store.nearDuplicateClusters(threshold: 0.99).isEmpty)
        // The same selection as search and list: clusters keep only selected members.
        #expect(try store.nearDuplicateClusters(threshold: 0.6, in: ArticleSelection(sources: ["بوابة الوفد", "الأهرام"])).count == 1)
        #expect(try store.nearDuplicateClusters(threshold: 0.6, in: ArticleSelection(sources: ["الأهرام"])).isEmpty)
        #expect(try store.nearDuplicateClusters(threshold: 0.6, in: ArticleSelection(parsing: "الزراعة")).isEmpty)

        // Search can show one per group.
        let all = try store.search("التعاون العسكري")
        #expect(Set(all.hits.map(\.id)) == [first, copy])
        let collapsed = try store.search("التعاون العسكري", options: SearchOptions(collapseNearDuplicates: 0.6))
        #expect(collapsed.hits.count == 1)
        #expect(collapsed.collapsed[collapsed.hits[0].id] == [collapsed.hits[0].id == first ? copy : first])
    }

    @Test("a cluster is the oldest article and those similar to it: a chain of edits does not pull in the far end")
    func leaderLinkage() throws {
        let vocabulary = """
            كتاب قلم مدرسة جامعة طالب معلم مستشفى طبيب مريض دواء سيارة طريق جسر نهر بحر جبل صحراء مدينة قرية شارع \
            سوق تاجر بضاعة ميناء سفينة طائرة مطار قطار محطة مصنع عامل مهندس بناء حديقة شجرة زهرة ثمرة حقل مزرعة فلاح \
            قمح شعير مطر سحاب شمس قمر نجم ليل نهار صباح مساء شتاء صيف ربيع خريف ملعب لاعب فريق مباراة
            """.split(separator: " ").map(String.init)
        var state: UInt64 = 7
        let paragraphs = (0..<12).map { _ in
            (0..<10).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return vocabulary[Int(state >> 33) % vocabulary.count]
            }.joined(separator: " ") + "."
        }
        // Each text drops the first paragraph of the one before and adds a new one.
        let texts = (0..<3).map { paragraphs[$0..<($0 + 10)].joined(separator: "\n\n") }
        let analyzer = Analyzer()
        let signatures = texts.map { MinHashSignature(terms: analyzer.termsText($0)) }
        let (ab, bc, ac) = (signatures[0].similarity(to: signatures[1]), signatures[1].similarity(to: signatures[2]),
                            signatures[0].similarity(to: signatures[2]))
        try #require(ac < min(ab, bc), "the texts must form a chain: A~B \(ab), B~C \(bc), A~C \(ac)")
        let threshold = (ac + min(ab, bc)) / 2

        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.path("s.sqlite"))
        let ids = try texts.enumerated().map { try store.add(Article(body: $1, url: "https://x.example/\($0)")).id }
        try #require(try store.nearDuplicates(of: ids[1], threshold: threshold).map(\.id).sorted() == [ids[0], ids[2]],
                     "A and C must both share a band with B")
        let clusters = try store.nearDuplicateClusters(threshold: threshold)
        #expect(clusters.map { $0.members.map(\.id) } == [[ids[0], ids[1]]])
        #expect(clusters.first?.members.map(\.similarity) == [1, ab])
    }

    @Test("ingest can skip near-duplicates above a threshold")
    func skipOnIngest() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.path("s.sqlite"))
        let path = directory.path("in.jsonl")
        let lines = [Self.original, Self.nearCopy, Self.unrelated].enumerated().map { index, body in
            JSONValue.object([("maintext", .string(body)), ("url", .string("https://x.example/\(index)"))]).serialized()
        }
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let summary = try store.ingest([path], options: IngestOptions(skipNearDuplicates: 0.6))
        #expect(summary.added == 2)
        #expect(summary.nearDuplicates == 1)
        let again = try ArticleStore(path: directory.path("t.sqlite")).ingest([path])
        #expect(again.added == 3)
    }

    @Test("optimize merges the index; the store stays consistent and searchable")
    func optimize() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.path("s.sqlite"))
        _ = try store.ingest([Seeds.directory.path])
        let before = try store.search("التعاون").hits.map(\.id)
        let report = try store.optimize(vacuum: true)
        #expect(report.bytesAfter > 0)
        #expect(try store.search("التعاون").hits.map(\.id) == before)
        try store.connection.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        #expect(try store.connection.scalar("PRAGMA integrity_check").string == "ok")
    }
}
