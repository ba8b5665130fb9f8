import ArabicText
import Foundation
import Testing
@testable import ArticleStore

/// Generated hostile input for every parser: no crash, no hang, and failures only as our own
/// errors (never an SQL or FTS5 message). Deterministic: a fixed seed per test.
@Suite("Reliability: fuzzing the parsers")
struct FuzzTests {
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }

        /// Pieces that matter to our parsers, mixed with random scalars.
        static let pieces = ["إيران", "روسيا", "\"", "«", "»", "(", ")", "OR", "AND", "NOT", "-", "*", ":", "source:", "tag:", "after:",
                             "title:", "NEAR(", "{", "}", "^", "'", ";", "\n", "\r\n", " ", "\u{0}", "\u{FEFF}", "\u{064E}", "\u{0640}",
                             "المصدر:", "كلمات دلالية:", "إقرأ أيضاً:", "مقالات مشابهة", "موسكو ـ د.ب.ا:", "{\"title\":", "[", "]", ",",
                             "\\", "\u{200F}", "ﷺ", "٣", "𝔸", "🙂", "e\u{301}", String(repeating: "ب", count: 300)]

        mutating func text(maxPieces: Int = 40) -> String {
            var result = ""
            for _ in 0..<int(maxPieces) {
                if int(4) == 0, let scalar = Unicode.Scalar(UInt32(int(0x2FFFF))), !(0xD800...0xDFFF).contains(scalar.value) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += Self.pieces[int(Self.pieces.count)]
                }
            }
            return result
        }
    }

    @Test("query parser and search: results or invalidQuery, never SQL/FTS5 errors")
    func queries() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.path("s.sqlite"))
        _ = try store.ingest([Seeds.directory.path])
        var generator = Generator(state: 1)
        for _ in 0..<400 {
            let query = generator.text(maxPieces: 12)
            for mode in ArticleSelection.Mode.allCases {
                do {
                    _ = try store.search(query, mode: mode, options: SearchOptions(facets: true))
                } catch ArticleStoreError.invalidQuery(let message, _) {
                    #expect(!message.localizedCaseInsensitiveContains("sqlite") && !message.contains("fts5"), "\(query): \(message)")
                }
            }
        }
        #expect(try store.connection.scalar("PRAGMA integrity_check").string == "ok")
    }

    @Test("analyzer: offsets always slice the original text; normalization is idempotent")
    func analyzer() {
        var generator = Generator(state: 2)
        let analyzers = AnalyzerProfile.allCases.map { Analyzer(profile: $0) }
        for _ in 0..<500 {
            let text = generator.text()
            let scalars = Array(text.unicodeScalars)
            for analyzer in analyzers {
                for token in analyzer.tokens(text) {
                    #expect(token.scalarRange.upperBound <= scalars.count)
                    #expect(String(String.UnicodeScalarView(scalars[token.scalarRange])) == String(token.original))
                    #expect(Array(Array(text.utf8)[token.utf8Range]) == Array(token.original.utf8))
                }
            }
            let normalized = Normalizer().normalize(text)
            #expect(Normalizer().normalize(normalized) == normalized)
        }
    }

    @Test("page parser and JSON reader: parse, or a clear error, never a crash")
    func ingestParsers() throws {
        let directory = try TemporaryDirectory()
        let store = try ArticleStore(path: directory.path("s.sqlite"))
        var generator = Generator(state: 3)
        let reader = ScraperJSONReader()
        for index in 0..<300 {
            let text = generator.text(maxPieces: 60)
            // Pages: parsed, or refused as invalid input (nothing else may escape).
            do {
                _ = try store.parsePage(text)
            } catch let error as ArticleStoreError {
                guard case .invalidInput = error else { Issue.record("unexpected \(error)"); continue }
            }
            do {
                _ = try reader.article(fromLine: text, origin: "fuzz", line: index + 1)
            } catch let error as ArticleStoreError {
                guard case .invalidInput = error else { Issue.record("unexpected \(error)"); continue }
            }
        }
        // And through the whole ingest: every generated file is ingested or reported.
        var paths: [String] = []
        for index in 0..<60 {
            let path = directory.path("f\(index).\(["txt", "json", "jsonl"][index % 3])")
            try Data(generator.text(maxPieces: 80).utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let summary = try store.ingest(paths)
        #expect(summary.files == 60)
        #expect(summary.failures.allSatisfy { !$0.message.localizedCaseInsensitiveContains("sqlite error") })
        #expect(try store.connection.scalar("PRAGMA integrity_check").string == "ok")
    }
}
