import ArabicText
import ArticleStore
import Foundation

/// Ingest throughput, database size and query latency at a given corpus size, each against a
/// baseline measured in the same run:
/// - ingest: `ArticleStore.ingest` of the generated JSON Lines (parsing, analysis, tags, dedup,
///   FTS) vs inserting the same raw title and body texts into a bare FTS5 `unicode61` table in
///   transactions of 10,000 rows (text generation not timed);
/// - size: the store's file vs the bare FTS5 file and vs the raw text;
/// - queries: `ArticleStore.search` (parse, analyze, bm25 with weights, total count, snippets
///   of the top 10) vs a bare FTS5 MATCH of the same analyzed expression over the same analyzed
///   text, top 10 by bm25.
/// Each ingest runs in its own process, so peak RSS (VmHWM) is that ingest's alone.
struct ScaleBenchmark {
    let shared: SharedData
    let counts: [Int]
    let seed: UInt64
    let jsonPath: String?
    let workDirectory: URL
    /// Ingest runs per size (nil: 5 up to 10k articles, 3 up to 100k, then 1).
    let repeats: Int?
    /// Real news (the dev days, replicated past their size) instead of the generated corpus.
    let real: Bool

    init(arguments all: [String]) throws {
        real = all.contains("--real")
        let arguments = all.filter { $0 != "--real" }
        shared = try SharedData(arguments: arguments)
        let options = try BenchmarkOptions(arguments, allowed: ["--count", "--seed", "--json", "--work", "--repeat"])
        counts = try options.counts(default: [10_000])
        seed = options.seed
        jsonPath = options.last("--json")
        repeats = try options.last("--repeat").map { value in
            guard let number = Int(value), number > 0 else { throw BenchmarkError("--repeat needs a positive number") }
            return number
        }
        let work = options.last("--work")
        workDirectory = URL(fileURLWithPath: work ?? FileManager.default.temporaryDirectory.appendingPathComponent("articles-bench-\(UUID().uuidString)").path)
    }

    struct Row: Encodable {
        var articles = 0
        var rawTextMB = 0.0
        var ingestSeconds = 0.0
        var ingestArticlesPerSecond = 0.0
        var ingestMBPerSecond = 0.0
        var ingestPeakRSSMB = 0.0
        var baselineSeconds = 0.0
        var baselineArticlesPerSecond = 0.0
        var baselinePeakRSSMB = 0.0
        var ingestRatio = 0.0
        /// The same ingest into a store without the word index (`articles init --word-index off`).
        var noWordIndexSeconds = 0.0
        var noWordIndexRatio = 0.0
        var noWordIndexStoreVsBareFTS = 0.0
        var storeBytesPerArticle = 0.0
        var storeVsRawText = 0.0
        var storeVsBareFTS = 0.0
        var queryMedianMs = 0.0
        var queryP95Ms = 0.0
        var bareMedianMs = 0.0
        var bareP95Ms = 0.0
        var queryMedianRatio = 0.0
        var queryP95Ratio = 0.0
        var queries = 0
        /// Real news with Lucene installed (`Benchmarks/setup-lucene.sh`): Lucene 8's
        /// `ArabicAnalyzer` indexing the same titles and bodies, both stored, whole process
        /// timed (JVM start included); 0 when not run.
        var luceneSeconds = 0.0
        var luceneRatio = 0.0
        var luceneVsBareFTS = 0.0
        /// Ingest runs (ours and the baseline each) whose median is reported.
        var repetitions = 1
    }

    func run() throws {
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workDirectory) }
        print("machine: \(Self.machine())")
        print("seed \(seed); each figure vs a baseline measured in this run (ratio = ours / baseline throughput, or our latency / baseline latency)\n")
        var rows: [Row] = []
        for count in counts {
            rows.append(try measure(count: count))
            printTable(rows)
        }
        if let jsonPath {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            try encoder.encode(["machine": Self.machine()]).write(to: URL(fileURLWithPath: jsonPath + ".machine.json"))
            try encoder.encode(rows).write(to: URL(fileURLWithPath: jsonPath))
        }
    }

    private func printTable(_ rows: [Row]) {
        print("| articles | runs | raw text MB | ingest art/s | MB/s | bare FTS5 art/s | ingest ratio | without word index | peak RSS MB (bare) | bytes/article | size vs raw | size vs bare | without word index | query median ms (bare) | p95 ms (bare) | median ratio | p95 ratio |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for row in rows {
            print("| \(row.articles) | \(row.repetitions) | \(f(row.rawTextMB, 1)) | \(f(row.ingestArticlesPerSecond, 0)) | \(f(row.ingestMBPerSecond, 2)) | \(f(row.baselineArticlesPerSecond, 0)) | \(f(row.ingestRatio, 2))x | \(f(row.noWordIndexRatio, 2))x | \(f(row.ingestPeakRSSMB, 0)) (\(f(row.baselinePeakRSSMB, 0))) | \(f(row.storeBytesPerArticle, 0)) | \(f(row.storeVsRawText, 2))x | \(f(row.storeVsBareFTS, 2))x | \(f(row.noWordIndexStoreVsBareFTS, 2))x | \(f(row.queryMedianMs, 2)) (\(f(row.bareMedianMs, 2))) | \(f(row.queryP95Ms, 2)) (\(f(row.bareP95Ms, 2))) | \(f(row.queryMedianRatio, 2))x | \(f(row.queryP95Ratio, 2))x |")
        }
        for row in rows where row.luceneSeconds > 0 {
            print("Lucene 8 ArabicAnalyzer, title and body stored, \(row.articles) articles: \(f(row.luceneSeconds, 2)) s with JVM start,"
                  + " \(f(row.luceneRatio, 2))x of bare FTS5's speed (ours \(f(row.ingestRatio, 2))x), index \(f(row.luceneVsBareFTS, 2))x of bare FTS5's file (ours \(f(row.storeVsBareFTS, 2))x)")
        }
        print("")
    }

    private func f(_ value: Double, _ digits: Int) -> String { Measurement.format(value, digits) }

    private func measure(count: Int) throws -> Row {
        var row = Row()
        row.articles = count
        let corpus = workDirectory.appendingPathComponent("corpus-\(count).jsonl").path
        let written = real ? (bytes: try RealNews.write(count: count, shared: shared, to: corpus), exact: 0, near: 0)
            : try CorpusGenerator.write(count: count, seed: seed, shared: shared, to: corpus)
        row.rawTextMB = Double(written.bytes) / 1e6
        FileHandle.standardError.write(Data("[\(count)] \(real ? "real-news" : "generated") corpus written (\(written.exact) exact, \(written.near) near duplicates); ingesting\n".utf8))

        // Runs vary by ±15% on this kind of machine: smaller sizes are measured several times,
        // ours and the baseline alternating, and the median of each is reported.
        let storePath = workDirectory.appendingPathComponent("store-\(count).sqlite").path
        let barePath = workDirectory.appendingPathComponent("bare-\(count).sqlite").path
        let repetitions = repeats ?? (count <= 10_000 ? 5 : count <= 100_000 ? 3 : 1)
        var ourSeconds: [Double] = [], bareSeconds: [Double] = [], noWordSeconds: [Double] = [], luceneSeconds: [Double] = []
        let lucene = real ? Self.luceneClasspath() : nil
        let luceneDocuments = workDirectory.appendingPathComponent("lucene-\(count).tsv")
        let luceneIndex = workDirectory.appendingPathComponent("lucene-\(count)")
        if lucene != nil {
            // The same titles and bodies, one per line (not timed).
            let line = { (text: String) in String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }) }
            try Data(try RealNews.read(corpus).map { line($0.title) + "\t" + line($0.body) + "\n" }.joined().utf8).write(to: luceneDocuments)
        }
        let noWordPath = workDirectory.appendingPathComponent("store-nowords-\(count).sqlite").path
        for repetition in 1...repetitions {
            for path in [storePath, barePath, noWordPath] {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            let ours = try Self.child(["_ingest-store", corpus, storePath])
            ourSeconds.append(ours["seconds"] ?? 0)
            let noWords = try Self.child(["_ingest-store", corpus, noWordPath, "--no-word-index"])
            noWordSeconds.append(noWords["seconds"] ?? 0)
            row.ingestPeakRSSMB = max(row.ingestPeakRSSMB, ours["peak_rss_mb"] ?? 0)
            FileHandle.standardError.write(Data("[\(count)] baseline ingest (\(repetition) of \(repetitions))\n".utf8))
            let bare = try Self.child(real ? ["_ingest-bare", "--jsonl", corpus, barePath]
                                           : ["_ingest-bare", String(count), String(seed), barePath] + ["--shared", shared.directory.path])
            bareSeconds.append(bare["seconds"] ?? 0)
            row.baselinePeakRSSMB = max(row.baselinePeakRSSMB, bare["peak_rss_mb"] ?? 0)
            if let lucene {
                try? FileManager.default.removeItem(at: luceneIndex)
                var result: [String: Double] = [:]
                luceneSeconds.append(try Measurement.seconds {
                    result = try JSONProcess.numbers(URL(fileURLWithPath: "/usr/bin/env"),
                                                     ["java", "-Xmx2g", "-cp", lucene, "IndexBaseline", luceneDocuments.path, luceneIndex.path],
                                                     what: "the Lucene indexing baseline")
                })
                row.luceneVsBareFTS = (result["bytes"] ?? 0) / Double(Self.fileSize(barePath))
            }
        }
        if lucene != nil {
            row.luceneSeconds = Self.median(luceneSeconds)
            row.luceneRatio = Self.median(bareSeconds) / row.luceneSeconds
            try? FileManager.default.removeItem(at: luceneIndex)
            try? FileManager.default.removeItem(at: luceneDocuments)
        }
        row.repetitions = repetitions
        row.ingestSeconds = Self.median(ourSeconds)
        row.ingestArticlesPerSecond = Double(count) / row.ingestSeconds
        row.ingestMBPerSecond = row.rawTextMB / row.ingestSeconds
        row.baselineSeconds = Self.median(bareSeconds)
        row.baselineArticlesPerSecond = Double(count) / row.baselineSeconds
        row.ingestRatio = row.ingestArticlesPerSecond / row.baselineArticlesPerSecond
        row.noWordIndexSeconds = Self.median(noWordSeconds)
        row.noWordIndexRatio = row.baselineSeconds / row.noWordIndexSeconds

        let storeBytes = Self.fileSize(storePath)
        row.storeBytesPerArticle = Double(storeBytes) / Double(count)
        row.storeVsRawText = Double(storeBytes) / Double(written.bytes)
        row.storeVsBareFTS = Double(storeBytes) / Double(Self.fileSize(barePath))
        row.noWordIndexStoreVsBareFTS = Double(Self.fileSize(noWordPath)) / Double(Self.fileSize(barePath))
        try? FileManager.default.removeItem(atPath: noWordPath)
        try? FileManager.default.removeItem(atPath: barePath)
        try? FileManager.default.removeItem(atPath: corpus)

        FileHandle.standardError.write(Data("[\(count)] queries\n".utf8))
        let latency = try QueryLatency(storePath: storePath, workDirectory: workDirectory).run()
        row.queryMedianMs = latency.ours.median
        row.queryP95Ms = latency.ours.p95
        row.bareMedianMs = latency.bare.median
        row.bareP95Ms = latency.bare.p95
        row.queryMedianRatio = row.queryMedianMs / row.bareMedianMs
        row.queryP95Ratio = row.queryP95Ms / row.bareP95Ms
        row.queries = latency.queries
        try? FileManager.default.removeItem(atPath: storePath)
        return row
    }

    /// The classpath of the compiled Lucene baselines, nil (and a note) when they are absent.
    static func luceneClasspath() -> String? {
        let root = SharedData.packageRoot.appendingPathComponent("Benchmarks/Lucene/build")
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("IndexBaseline.class").path),
              let classpath = try? String(contentsOf: root.appendingPathComponent("classpath"), encoding: .utf8) else {
            FileHandle.standardError.write(Data("Lucene indexing baseline skipped: run Benchmarks/setup-lucene.sh\n".utf8))
            return nil
        }
        return classpath.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func fileSize(_ path: String) -> Int {
        let main = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        return main + wal
    }

    /// Runs this executable with a hidden command and reads the one JSON line it prints.
    static func child(_ arguments: [String]) throws -> [String: Double] {
        try JSONProcess.numbers(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath(), arguments, what: arguments[0])
    }

    /// `_ingest-store JSONL DB [--no-word-index]`: our ingest, in its own process (the word
    /// index for other tools dropped first, untimed, with the flag).
    static func ingestStore(_ arguments: [String]) throws {
        let store = try ArticleStore(path: arguments[1])
        if arguments.contains("--no-word-index") { try store.setWordIndex(false) }
        var summary: IngestSummary?
        let seconds = try Measurement.seconds {
            summary = try store.ingest([arguments[0]])
            try store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        guard let summary, summary.failures.isEmpty else { throw BenchmarkError("ingest failures: \(summary?.failures.prefix(3) ?? [])") }
        print("{\"seconds\": \(seconds), \"peak_rss_mb\": \(Measurement.peakRSSMegabytes()), \"added\": \(summary.added), \"duplicates\": \(summary.duplicates)}")
    }

    /// `_ingest-bare COUNT SEED DB` (generated) or `_ingest-bare --jsonl CORPUS DB` (real news):
    /// the same raw texts into a bare FTS5 table. Generating or reading the texts is not timed.
    static func ingestBare(_ arguments: [String]) throws {
        var next: () -> (title: String, body: String)
        let count: Int, path: String
        if arguments.first == "--jsonl" {
            let items = try RealNews.read(arguments[1])
            var iterator = items.makeIterator()
            next = { iterator.next() ?? ("", "") }
            count = items.count
            path = arguments[2]
        } else {
            guard let number = Int(arguments[0]), let seed = UInt64(arguments[1]) else { throw BenchmarkError("bad arguments") }
            var generator = try CorpusGenerator(shared: SharedData(arguments: arguments), seed: seed)
            next = { let item = generator.next(); return (item.title, item.body) }
            count = number
            path = arguments[2]
        }
        let connection = try Connection(path: path, mode: .readWriteCreate)
        try connection.execute("PRAGMA journal_mode=WAL")
        try connection.execute("CREATE VIRTUAL TABLE bare USING fts5(title, body, tokenize = 'unicode61')")
        let insert = try connection.prepare("INSERT INTO bare(title, body) VALUES (?, ?)")
        var seconds = 0.0
        var inTransaction = 0
        for _ in 0..<count {
            let item = next()
            seconds += try Measurement.seconds {
                if inTransaction == 0 { try connection.execute("BEGIN") }
                try insert.bind([item.title, item.body])
                _ = try insert.step()
                insert.reset()
                inTransaction += 1
                if inTransaction == 10_000 { try connection.execute("COMMIT"); inTransaction = 0 }
            }
        }
        seconds += try Measurement.seconds {
            if inTransaction > 0 { try connection.execute("COMMIT") }
            try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        print("{\"seconds\": \(seconds), \"peak_rss_mb\": \(Measurement.peakRSSMegabytes())}")
    }

    static func machine() -> String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let memory = ProcessInfo.processInfo.physicalMemory / (1 << 30)
        return "\(cpu), \(cores) cores, \(memory) GiB RAM, SQLite \(SQLiteLibrary.version)"
    }
}
