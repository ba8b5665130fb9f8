import ArabicText
import ArticleStore
import Foundation

/// A long-running fuzzer: generated hostile queries, pages, JSON records and text against a
/// store built from seeds/, for as long as asked. Reports inputs tried, outcomes, and the
/// slowest input of each kind; exits non-zero on anything but our own errors.
struct FuzzRunner {
    let seconds: Double
    var random: SeededRandom

    init(arguments: [String]) {
        seconds = arguments.firstIndex(of: "--seconds").flatMap { Double(arguments[$0 + 1]) } ?? 60
        random = SeededRandom(seed: arguments.firstIndex(of: "--seed").flatMap { UInt64(arguments[$0 + 1]) } ?? UInt64(Date().timeIntervalSince1970))
    }

    static let pieces = ["إيران", "روسيا", "\"", "«", "»", "(", ")", "OR", "AND", "NOT", "-", "*", ":", "source:", "tag:", "after:",
                         "entity:", "title:", "NEAR(", "{", "}", "^", "'", ";", "\n", "\r\n", " ", "\u{0}", "\u{FEFF}", "\u{064E}",
                         "\u{0640}", "المصدر:", "كلمات دلالية:", "إقرأ أيضاً:", "مقالات مشابهة", "موسكو ـ د.ب.ا:", "{\"title\":",
                         "\"maintext\":", "[", "]", ",", "\\", "\u{200F}", "ﷺ", "٣", "𝔸", "🙂", "e\u{301}", "وزير الخارجية",
                         String(repeating: "ب", count: 300), String(repeating: "(", count: 50)]

    mutating func text(_ maxPieces: Int) -> String {
        var result = ""
        for _ in 0..<Int(random.next() % UInt64(maxPieces)) {
            if random.chance(0.25), let scalar = Unicode.Scalar(UInt32(random.next() % 0x2FFFF)) {
                result.unicodeScalars.append(scalar)
            } else {
                result += random.pick(Self.pieces)
            }
        }
        return result
    }

    mutating func run() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ArticleStore(path: directory.appendingPathComponent("store.sqlite").path)
        _ = try store.ingest([SharedData.packageRoot.appendingPathComponent("seeds").path])
        let reader = ScraperJSONReader()
        let analyzer = Analyzer()
        var counts: [String: Int] = [:]
        var slowest: [String: (Double, String)] = [:]
        var unexpected = 0
        let deadline = Date().addingTimeInterval(seconds)
        func record(_ kind: String, _ input: String, _ body: () throws -> Void) {
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                try body()
                counts[kind + " ok", default: 0] += 1
            } catch let error as ArticleStoreError {
                switch error {
                case .invalidQuery, .invalidInput: counts[kind + " rejected", default: 0] += 1
                default:
                    unexpected += 1
                    print("UNEXPECTED \(kind): \(error) for input \(input.debugDescription.prefix(200))")
                }
            } catch {
                unexpected += 1
                print("UNEXPECTED \(kind): \(error)")
            }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            if elapsed > (slowest[kind]?.0 ?? 0) { slowest[kind] = (elapsed, String(input.prefix(60))) }
        }
        while Date() < deadline {
            let query = text(16)
            record("query", query) { _ = try store.search(query, mode: random.chance(0.5) ? .all : .any, options: SearchOptions(facets: true)) }
            let page = text(80)
            record("page", page) { _ = try store.parsePage(page) }
            var json = text(40)
            if random.chance(0.6) {
                // A record-shaped object with hostile values, sometimes cut short.
                let keys = ["title", "maintext", "text", "url", "tags", "keywords", "date_publish", "source_domain", "extra", "related", "x"]
                var fields: [(String, JSONValue)] = []
                for _ in 0..<Int(random.next() % 6) {
                    let value: JSONValue = random.chance(0.2) ? .array([.string(text(6)), .int(Int64(random.next() % 100))])
                        : random.chance(0.1) ? .null : .string(text(30))
                    fields.append((random.pick(keys), value))
                }
                json = JSONValue.object(fields).serialized()
                if random.chance(0.2) { json = String(json.prefix(Int(random.next() % UInt64(max(1, json.count))))) }
            }
            record("json", json) { _ = try reader.article(fromLine: json, origin: "fuzz", line: 1) }
            let words = text(60)
            record("analyzer", words) { _ = analyzer.tokens(words); _ = try store.extractEntities(from: Article(body: words)) }
        }
        print("| input | ok | rejected | slowest ms |")
        print("|---|---:|---:|---:|")
        for kind in ["query", "page", "json", "analyzer"] {
            print("| \(kind) | \(counts[kind + " ok", default: 0]) | \(counts[kind + " rejected", default: 0]) | \(Measurement.format(slowest[kind]?.0 ?? 0, 1)) |")
        }
        let integrity = try store.connection.scalar("PRAGMA integrity_check").string ?? ""
        print("\nintegrity_check: \(integrity); unexpected errors: \(unexpected)")
        if unexpected > 0 || integrity != "ok" { throw BenchmarkError("fuzzing found \(unexpected) unexpected errors") }
    }
}
