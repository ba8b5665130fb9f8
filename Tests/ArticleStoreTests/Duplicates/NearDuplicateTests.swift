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

        // Search can show one per group.
        let all = try store.search("التعاون العسكري")
        #expect(Set(all.hits.map(\.id)) == [first, copy])
        let collapsed = try store.search("التعاون العسكري", options: SearchOptions(collapseNearDuplicates: 0.6))
        #expect(collapsed.hits.count == 1)
        #expect(collapsed.collapsed[collapsed.hits[0].id] == [collapsed.hits[0].id == first ? copy : first])
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
