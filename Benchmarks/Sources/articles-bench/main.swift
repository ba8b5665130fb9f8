// articles-bench: ArticleStore's benchmarks. Every figure is reported against a baseline measured
// in the same run. Run `swift run -c release articles-bench help` (see Benchmarks/README.md).
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let command = arguments.first ?? "help"
let rest = Array(arguments.dropFirst())

do {
    switch command {
    case "arcd": try ArcdBenchmark(arguments: rest).run()
    case "analyzer": try AnalyzerBenchmark(arguments: rest).run()
    case "scale": try ScaleBenchmark(arguments: rest).run()
    case "_ingest-store": try ScaleBenchmark.ingestStore(rest)
    case "_ingest-bare": try ScaleBenchmark.ingestBare(rest)
    case "corpus":
        // corpus COUNT PATH [--seed N]: write a generated corpus as JSON Lines.
        guard rest.count >= 2, let count = Int(rest[0]) else { throw BenchmarkError("usage: articles-bench corpus COUNT PATH [--seed N]") }
        let seed = rest.firstIndex(of: "--seed").flatMap { UInt64(rest[$0 + 1]) } ?? 42
        let written = try CorpusGenerator.write(count: count, seed: seed, shared: try SharedData(arguments: rest), to: rest[1])
        print("wrote \(count) articles (\(written.bytes / 1_000_000) MB of text, \(written.exact) exact and \(written.near) near duplicates) to \(rest[1])")
    case "help", "--help", "-h":
        print("""
            usage: articles-bench COMMAND [options]

              arcd [--shared DIR]       retrieval quality on ARCD (MRR@10, Recall@1, Recall@10), every analyzer
                                        choice as a bare FTS5 index, plus the store's own search
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
