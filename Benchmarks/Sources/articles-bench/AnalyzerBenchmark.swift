import ArabicText
import Foundation

/// Analyzer throughput in MB/s of UTF-8 text: our profiles against Lucene's `ArabicAnalyzer`
/// (Debian liblucene8-java, through Benchmarks/Lucene/AnalyzerThroughput.java) on the same
/// lines in the same run. Best of several rounds after a warm-up, on both sides.
///
/// The text: every ARCD paragraph and question and the seed pages, repeated to about 20 MB.
struct AnalyzerBenchmark {
    let shared: SharedData
    let rounds = 5
    /// `--only N`: run only the N-th of our variants, and no Lucene (for profiling).
    let only: Int?

    init(arguments: [String]) throws {
        shared = try SharedData(arguments: arguments)
        only = arguments.firstIndex(of: "--only").flatMap { Int(arguments[$0 + 1]) }
    }

    func run() throws {
        var lines: [String] = []
        for paragraph in try shared.arcd() {
            lines.append(paragraph.context)
            lines += paragraph.questions
        }
        for url in (try? FileManager.default.contentsOfDirectory(at: shared.seedsDirectory, includingPropertiesForKeys: nil)) ?? [] {
            lines += ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
        lines = lines.map { $0.replacingOccurrences(of: "\n", with: " ") }.filter { !$0.isEmpty }
        let once = lines.reduce(0) { $0 + $1.utf8.count + 1 }
        let copies = max(1, 20_000_000 / once)
        lines = Array((0..<copies).map { _ in lines }.joined())
        let bytes = Double(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("analyzer-bench-\(UUID().uuidString).txt")
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        print("machine: \(ScaleBenchmark.machine())")
        print("text: \(Measurement.format(bytes / 1e6, 1)) MB of UTF-8 in \(lines.count) lines (ARCD paragraphs and questions, seeds); best of \(rounds) rounds\n")

        let luceneResult = only == nil ? try luceneBaseline(file) : nil
        print("| analyzer | MB/s | tokens | vs Lucene |")
        print("|---|---:|---:|---:|")
        if let lucene = luceneResult {
            print("| Lucene 8 ArabicAnalyzer (Java 17, baseline) | \(Measurement.format(lucene.mbPerSecond, 1)) | \(lucene.tokens) | 1.00x |")
        }
        let standard = Analyzer(), lucene = Analyzer(profile: .lucene)
        // Each side reads what Lucene's consumer reads (term length and start offset), plus a
        // checksum so nothing is optimized away; the stopwords Lucene drops are skipped.
        nonisolated(unsafe) var checksum = 0
        let variants: [(String, (String) -> Int)] = [
            ("ArticleStore default: Token API, stem length and UTF-16 offset (what Lucene's side reads)", { text in
                Self.readLikeLucene(standard, text, &checksum)
            }),
            ("ArticleStore lucene profile: same chain as Lucene, same reads", { text in
                Self.readLikeLucene(lucene, text, &checksum)
            }),
            ("ArticleStore default: Token API, every string made (original, normalized, stem)", { text in
                var count = 0
                standard.forEachToken(in: text) { token in
                    guard !token.isStopword else { return }
                    count += 1
                    checksum &+= token.original.utf8.count &+ token.normalized.utf8.count &+ token.stem.utf8.count
                }
                return count
            }),
            ("ArticleStore default: index terms as one string (as ingest uses)", { standard.termsText($0).utf8.count }),
        ]
        for (number, (name, analyze)) in variants.enumerated() where only == nil || only == number + 1 {
            var best = Double.infinity
            var tokens = 0
            for _ in lines.prefix(2000) { _ = analyze(lines[0]) }
            for _ in 0..<rounds {
                let seconds = Measurement.seconds {
                    tokens = 0
                    for line in lines { tokens += analyze(line) }
                }
                best = min(best, seconds)
            }
            let mbPerSecond = bytes / 1e6 / best
            let ratio = luceneResult.map { Measurement.format(mbPerSecond / $0.mbPerSecond, 2) + "x" } ?? "n/a"
            print("| \(name) | \(Measurement.format(mbPerSecond, 1)) | \(tokens) | \(ratio) |")
        }
        if checksum == 42 { print("") }
        print("\npeak RSS \(Measurement.format(Measurement.peakRSSMegabytes(), 0)) MB (this process; Lucene runs in its own JVM)")
        if luceneResult == nil {
            print("Lucene baseline skipped: run Benchmarks/setup-lucene.sh (installs liblucene8-java, compiles the Java program)")
        }
    }

    struct LuceneResult {
        let mbPerSecond: Double
        let tokens: Int
    }

    /// Tokens of `text` that are not stopwords, reading what Lucene's consumer reads (term
    /// length and start offset) into `checksum`.
    private static func readLikeLucene(_ analyzer: Analyzer, _ text: String, _ checksum: inout Int) -> Int {
        var count = 0
        analyzer.forEachToken(in: text) { token in
            guard !token.isStopword else { return }
            count += 1
            checksum &+= token.stemLength &+ token.utf16Range.lowerBound
        }
        return count
    }

    private func luceneBaseline(_ file: URL) throws -> LuceneResult? {
        let classpathFile = SharedData.packageRoot.appendingPathComponent("Benchmarks/Lucene/build/classpath")
        guard let classpath = try? String(contentsOf: classpathFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) else {
            return nil
        }
        let result = try JSONProcess.numbers(URL(fileURLWithPath: "/usr/bin/env"),
                                             ["java", "-Xmx2g", "-cp", classpath, "AnalyzerThroughput", file.path, String(rounds)],
                                             what: "the Lucene baseline")
        guard let mbPerSecond = result["mb_per_s"] else { throw BenchmarkError("the Lucene baseline printed no mb_per_s") }
        return LuceneResult(mbPerSecond: mbPerSecond, tokens: Int(result["tokens"] ?? 0))
    }
}
