#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
                         String(repeating: "ب", count: 300), String(repeating: "(", count: 50), String(repeating: "(", count: 5000),
                         String(repeating: ")", count: 3000), "\u{1B}[2J", "\u{1B}]0;x\u{07}", "\u{7}", "\u{8}", "\u{9B}", "\u{202E}",
                         "=HYPERLINK(", "1e999999", "-1e400", "123456789012345678901234567890", "\\u0000"]

    /// JSON number texts that Foundation cannot hold, and other hostile scalars.
    static let hostileScalars = ["1e999999", "-1e400", "1" + String(repeating: "0", count: 400), "NaN", "\"\\u0000\"", "\"\\ud800\"",
                                 "\"\u{1B}[31m\"", "true", "null", "[]", "{}"]

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
            // Typed or pasted query text is never an error (the parser is forgiving).
            let mustNotReject = kind == "query" || kind == "nesting"
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                try body()
                counts[kind + " ok", default: 0] += 1
            } catch let error as ArticleStoreError {
                switch error {
                case .invalidQuery, .invalidInput:
                    if mustNotReject {
                        unexpected += 1
                        print("UNEXPECTED \(kind) rejected: \(error) for input \(input.debugDescription.prefix(200))")
                    } else {
                        counts[kind + " rejected", default: 0] += 1
                    }
                case let .sqlite(code, _, _, _) where kind == "sql" && code == 1: counts[kind + " rejected", default: 0] += 1
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
        let inputs = directory.appendingPathComponent("inputs")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        // Special files a directory walk must skip without opening.
        _ = mkfifo(inputs.appendingPathComponent("pipe.jsonl").path, 0o644)
        try? FileManager.default.createSymbolicLink(atPath: inputs.appendingPathComponent("zero.jsonl").path, withDestinationPath: "/dev/zero")
        try? FileManager.default.createSymbolicLink(atPath: inputs.appendingPathComponent("loop").path, withDestinationPath: inputs.path)
        var round = 0
        while Date() < deadline {
            round += 1
            let depth = Int(random.next() % 20_000)
            let nested = String(repeating: random.chance(0.5) ? "(" : "«", count: depth) + text(4) + String(repeating: ")", count: Int(random.next() % 20_000))
            record("nesting", String(nested.prefix(80))) { _ = try store.search(nested) }
            if round % 20 == 0 {
                // A file of records with hostile numbers, escapes and control characters, as an
                // array or as lines, read through the same walk as a user's directory.
                var records: [String] = []
                for index in 0..<Int(1 + random.next() % 40) {
                    let value = random.chance(0.3) ? random.pick(Self.hostileScalars) : JSONValue.string(text(20)).serialized()
                    records.append("{\"title\": \(JSONValue.string(text(8)).serialized()), \"maintext\": \(JSONValue.string(text(30) + " \(round) \(index)").serialized()), \"x\": \(value)}")
                }
                let asArray = random.chance(0.5)
                let body = asArray ? "[" + records.joined(separator: ",\n") + "]" : records.joined(separator: "\n")
                let file = inputs.appendingPathComponent("batch-\(round)" + (asArray ? ".json" : ""))
                try Data(body.utf8).write(to: file)
                record("ingest", body) { _ = try store.ingest([inputs.path]) }
                try? FileManager.default.removeItem(at: file)
                let sql = random.pick(["SELECT count(*) FROM articles WHERE title LIKE ?", "SELECT ", "/* */ ATTACH 'x' AS y",
                                       "SELECT 1; SELECT 2", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c",
                                       "SELECT length(randomblob(2000000000))", "PRAGMA table_info(articles)"]) + (random.chance(0.3) ? text(3) : "")
                record("sql", sql) {
                    try store.query(sql, arguments: sql.contains("?") ? [.text(text(3))] : [], timeLimit: 0.5, memoryLimit: 64 << 20) { _ in }
                }
            }
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
        for kind in ["query", "nesting", "page", "json", "ingest", "sql", "analyzer"] {
            print("| \(kind) | \(counts[kind + " ok", default: 0]) | \(counts[kind + " rejected", default: 0]) | \(Measurement.format(slowest[kind]?.0 ?? 0, 1)) |")
        }
        let integrity = try store.connection.scalar("PRAGMA integrity_check").string ?? ""
        print("\nintegrity_check: \(integrity); unexpected errors: \(unexpected)")
        if unexpected > 0 || integrity != "ok" { throw BenchmarkError("fuzzing found \(unexpected) unexpected errors") }
    }
}
