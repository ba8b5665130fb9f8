import ArticleStore
// articles-bench: ArticleStore's benchmarks. Every figure is reported against a baseline measured
// in the same run. Run `swift run -c release articles-bench help` (see Benchmarks/README.md).
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let command = arguments.first ?? "help"
let rest = Array(arguments.dropFirst())

do {
    switch command {
    case "all":
        // all [--json DIR] [--shared DIR]: every benchmark at its default sizes, in one run.
        let shared = rest.firstIndex(of: "--shared").map { ["--shared", rest[$0 + 1]] } ?? []
        let json = rest.firstIndex(of: "--json").map { rest[$0 + 1] }
        if let json { try FileManager.default.createDirectory(atPath: json, withIntermediateDirectories: true) }
        print("# Analyzer throughput\n")
        try AnalyzerBenchmark(arguments: shared).run()
        print("\n# Retrieval quality (ARCD)\n")
        try ArcdBenchmark(arguments: shared).run()
        print("\n# Retrieval quality vs Lucene (ARCD, dev-days known item)\n")
        try RetrievalBenchmark(arguments: shared).run()
        print("\n# Entities\n")
        try EntityBenchmark(arguments: []).run()
        print("\n# Scale\n")
        try ScaleBenchmark(arguments: ["--count", "10000", "--count", "100k"] + shared
                           + (json.map { ["--json", $0 + "/scale.json"] } ?? [])).run()
        print("\n# Near-duplicates\n")
        try DuplicatesBenchmark(arguments: ["--count", "10000", "--count", "100k"] + shared
                                + (json.map { ["--json", $0 + "/duplicates.json"] } ?? [])).run()
    case "arcd": try ArcdBenchmark(arguments: rest).run()
    case "retrieval": try RetrievalBenchmark(arguments: rest).run()
    case "keywords": try KeywordBenchmark(arguments: rest).run()
    case "analyzer": try AnalyzerBenchmark(arguments: rest).run()
    case "entities": try EntityBenchmark(arguments: rest).run()
    case "entity-speed": try EntitySpeedBenchmark(arguments: rest).run()
    case "train-entities": try EntityTraining(arguments: rest).run()
    case "fuzz":
        var fuzz = FuzzRunner(arguments: rest)
        try fuzz.run()
    case "scale": try ScaleBenchmark(arguments: rest).run()
    case "duplicates": try DuplicatesBenchmark(arguments: rest).run()
    case "queries":
        // queries DB: query latency on an existing store, vs bare FTS5 over a copy of its terms.
        guard let path = rest.first else { throw BenchmarkError("usage: articles-bench queries STORE.sqlite") }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("articles-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let result = try QueryLatency(storePath: path, workDirectory: work).run()
        print("\(result.queries) queries: ArticleStore median \(Measurement.format(result.ours.median, 2)) ms, p95 \(Measurement.format(result.ours.p95, 2)) ms; bare FTS5 median \(Measurement.format(result.bare.median, 2)) ms, p95 \(Measurement.format(result.bare.p95, 2)) ms; ratio \(Measurement.format(result.ours.median / result.bare.median, 2))x / \(Measurement.format(result.ours.p95 / result.bare.p95, 2))x")
        print("without entity-aware ranking: median \(Measurement.format(result.withoutEntities.median, 2)) ms, p95 \(Measurement.format(result.withoutEntities.p95, 2)) ms; ratio \(Measurement.format(result.withoutEntities.median / result.bare.median, 2))x / \(Measurement.format(result.withoutEntities.p95 / result.bare.p95, 2))x")
        print("without the exact-form preference: median \(Measurement.format(result.withoutExactForms.median, 2)) ms, p95 \(Measurement.format(result.withoutExactForms.p95, 2)) ms; ratio \(Measurement.format(result.withoutExactForms.median / result.bare.median, 2))x / \(Measurement.format(result.withoutExactForms.p95 / result.bare.p95, 2))x")
    case "_rank-compare":
        let store = try ArticleStore(path: rest[0], mode: .readOnly)
        let match = rest[1]
        let functions = ["bm25(articles_fts, 3, 1, 2)", "-articles_rank(articles_fts, 0, 1.2, 0.75, 3, 1, 2)", "-articles_rank(articles_fts, 1, 1.2, 0.9, 3, 1, 2, 1, 1, 40)", "1"]
        for function in functions {
            let sql = "SELECT rowid, \(function) AS s FROM articles_fts WHERE articles_fts MATCH ? ORDER BY s LIMIT 11"
            let arguments: [DatabaseValue] = [.text(match)]
            let first: [[DatabaseValue]] = try store.query(sql, arguments: arguments)
            _ = first
            let seconds = try Measurement.seconds { for _ in 0..<20 { let rows: [[DatabaseValue]] = try store.query(sql, arguments: arguments); _ = rows } }
            print("\(Measurement.format(seconds / 20 * 1000, 2)) ms  \(function)")
        }
    case "_search-loop":
        // _search-loop STORE ROUNDS: run the latency queries ROUNDS times through the store only (for a profiler).
        guard rest.count >= 2, let rounds = Int(rest[1]) else { throw BenchmarkError("usage: articles-bench _search-loop STORE ROUNDS") }
        try QueryLatency.loop(storePath: rest[0], rounds: rounds)
    case "_ingest-store": try ScaleBenchmark.ingestStore(rest)
    case "_ingest-bare": try ScaleBenchmark.ingestBare(rest)
    case "corpus":
        // corpus COUNT PATH [--seed N] [--real]: write a generated corpus as JSON Lines (--real:
        // the real-news dev days, replicated past their count as `scale --real` does).
        guard rest.count >= 2, let count = Int(rest[0]) else { throw BenchmarkError("usage: articles-bench corpus COUNT PATH [--seed N] [--real]") }
        if rest.contains("--real") {
            let bytes = try RealNews.write(count: count, shared: try SharedData(arguments: rest), to: rest[1])
            print("wrote \(count) real-news articles (\(bytes / 1_000_000) MB of text) to \(rest[1])")
            break
        }
        let seed = rest.firstIndex(of: "--seed").flatMap { UInt64(rest[$0 + 1]) } ?? 42
        let written = try CorpusGenerator.write(count: count, seed: seed, shared: try SharedData(arguments: rest), to: rest[1])
        print("wrote \(count) articles (\(written.bytes / 1_000_000) MB of text, \(written.exact) exact and \(written.near) near duplicates) to \(rest[1])")
    case "help", "--help", "-h":
        print("""
            usage: articles-bench COMMAND [options]

              all [--json DIR]          every benchmark below at its default sizes (scale and duplicates at 10k
                                        and 100k; add 1M with their own commands), tables to stdout, JSON to DIR
              arcd [--shared DIR]       retrieval quality on ARCD (MRR@10, Recall@1, Recall@10), every analyzer
                                        choice as a bare FTS5 index, plus the store's own search
              retrieval [--every N] [--shared DIR]
                                        ours vs Lucene (ArabicAnalyzer + BM25) in the same run: ARCD, and a known-item
                                        set from the real-news dev days (every Nth title, default 25, as a query
                                        against the bodies); each setting also on odd and even halves of the queries
              keywords [--shared DIR]   keyword tags on AKEC: F1@5, F1@10, 5-fold cross-validated, vs TF-IDF 1-3-grams
              scale [--count N]... [--json FILE] [--seed N] [--repeat N] [--real]
                                        generated corpus (or --real: the real-news dev days, replicated past
                                        12,824 with shuffled paragraphs) of N articles: ingest vs bare FTS5
                                        inserts (median of N runs each; default 5 to 10k, 3 to 100k, then 1),
                                        size, query latency vs bare FTS5 MATCH, peak RSS
              duplicates [--count N]... [--threshold T]... [--seed N] [--json FILE]
                                        near-duplicate clusters on the generated corpus: pair precision and
                                        recall against the generator's known copies, time vs comparing all pairs
              queries STORE             query latency on an existing store vs bare FTS5 over its terms
              corpus COUNT PATH [--seed N]
                                        write a generated corpus as JSON Lines
              fuzz [--seconds N] [--seed N]
                                        generated hostile queries, pages, JSON and text for N seconds (default 60)
              train-entities [--folds N] [--epochs N] [--prune W] [--seed N] [--no-cv] [--no-write] [--out FILE]
                                        train the entity recognizer on ner/anercorp-train.txt: k-fold cross-validation
                                        on contiguous blocks (exact-span F1 per type), then the model on the whole file,
                                        written to Sources/CArticleStoreEntityModel/entity_model.c
              entities [--verbose]      entity extraction precision, recall and F1 per type on Benchmarks/Data/entities-gold.json
              entity-speed [--count N] [--repeat N] [--shared DIR]
                                        entity extraction time on the real-news dev days, one thread, vs analyzing
                                        the same texts; with a fingerprint of the mentions found
              analyzer [--shared DIR]   analyzer throughput (MB/s) per profile, vs FTS5's unicode61 tokenizer
                                        and, when Java and liblucene8-java are installed, Lucene's ArabicAnalyzer

            DIR defaults to ../shared beside the package.
            """)
    default:
        throw BenchmarkError("unknown command \(command); try `articles-bench help`")
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
