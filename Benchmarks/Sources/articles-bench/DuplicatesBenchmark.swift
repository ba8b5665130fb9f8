import ArticleStore
import Foundation

/// `articles-bench duplicates [--count N]... [--threshold T]... [--seed N]`: near-duplicate
/// clustering on the generated corpus, whose edited copies are known (ground truth from the
/// generator). For each size and threshold: the clusters `articles duplicates` finds, pair
/// precision and recall against the truth, and the time, next to the time comparing every pair
/// of signatures would take (measured on a sample in the same run, scaled by the number of
/// pairs) — the baseline that shows the LSH bands keep it from growing quadratically.
struct DuplicatesBenchmark {
    let shared: SharedData
    let counts: [Int]
    let thresholds: [Double]
    let seed: UInt64
    let jsonPath: String?
    let workDirectory: URL

    /// One size and threshold, for `--json`.
    struct Row: Encodable {
        var articles = 0
        var copyPairs = 0
        var threshold = 0.0
        var clusters = 0
        var foundPairs = 0
        var precision = 0.0
        var recall = 0.0
        var similarCopyPairs = 0
        var similarRecall = 0.0
        var seconds = 0.0
        var allPairsEstimateSeconds = 0.0
    }

    init(arguments: [String]) throws {
        shared = try SharedData(arguments: arguments)
        let options = try BenchmarkOptions(arguments, allowed: ["--count", "--threshold", "--seed", "--json"])
        let thresholds = try options.all("--threshold").map { value in
            guard let threshold = Double(value), threshold > 0, threshold <= 1 else { throw BenchmarkError("--threshold takes a number in (0, 1]") }
            return threshold
        }
        counts = try options.counts(default: [10_000])
        self.thresholds = thresholds.isEmpty ? [0.5, 0.8] : thresholds
        seed = options.seed
        jsonPath = options.last("--json")
        workDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("articles-bench-\(UUID().uuidString)")
    }

    func run() throws {
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workDirectory) }
        var rows: [Row] = []
        print("| articles | copy pairs (truth) | threshold | clusters | found pairs | precision | recall, all copies | copy pairs with Jaccard ≥ threshold | recall of those | seconds | all-pairs estimate s | vs all pairs |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for count in counts {
            let corpus = workDirectory.appendingPathComponent("corpus-\(count).jsonl").path
            let truthPath = corpus + ".truth"
            let storePath = workDirectory.appendingPathComponent("store-\(count).sqlite").path
            _ = try CorpusGenerator.write(count: count, seed: seed, shared: shared, to: corpus, truth: truthPath)
            FileHandle.standardError.write(Data("[\(count)] corpus written; ingesting (signatures only, no entities)\n".utf8))
            let store = try ArticleStore(path: storePath)
            var options = IngestOptions()
            options.extractEntities = false
            _ = try store.ingest([corpus], options: options)
            try? FileManager.default.removeItem(atPath: corpus)

            let truth = try truePairs(store: store, truthPath: truthPath)
            let jaccard = try exactJaccard(store: store, pairs: truth)
            let allPairs = try allPairsEstimate(store: store, count: count)
            for threshold in thresholds {
                var clusters: [NearDuplicateCluster] = []
                let seconds = try Measurement.seconds { clusters = try store.nearDuplicateClusters(threshold: threshold) }
                var found = Set<UInt64>()
                for cluster in clusters {
                    let ids = cluster.members.map(\.id).sorted()
                    for (index, first) in ids.enumerated() {
                        for second in ids[(index + 1)...] { found.insert(Self.pair(first, second)) }
                    }
                }
                let hits = found.intersection(truth).count
                let precision = found.isEmpty ? 1 : Double(hits) / Double(found.count)
                let recall = truth.isEmpty ? 1 : Double(hits) / Double(truth.count)
                let similar = Set(jaccard.filter { $0.value >= threshold }.keys)
                let similarRecall = similar.isEmpty ? 1 : Double(found.intersection(similar).count) / Double(similar.count)
                rows.append(Row(articles: count, copyPairs: truth.count, threshold: threshold, clusters: clusters.count,
                                foundPairs: found.count, precision: precision, recall: recall, similarCopyPairs: similar.count,
                                similarRecall: similarRecall, seconds: seconds, allPairsEstimateSeconds: allPairs))
                print("| \(count) | \(truth.count) | \(threshold) | \(clusters.count) | \(found.count) | \(Measurement.format(precision, 3)) | \(Measurement.format(recall, 3)) | \(similar.count) | \(Measurement.format(similarRecall, 3)) | \(Measurement.format(seconds, 2)) | \(Measurement.format(allPairs, 0)) | \(Measurement.format(seconds / allPairs, 4))x |")
            }
            try? FileManager.default.removeItem(atPath: storePath)
            try? FileManager.default.removeItem(atPath: storePath + "-wal")
            try? FileManager.default.removeItem(atPath: storePath + "-shm")
        }
        print("\npeak RSS \(Measurement.format(Measurement.peakRSSMegabytes(), 0)) MB")
        if let jsonPath {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(rows).write(to: URL(fileURLWithPath: jsonPath))
        }
    }

    private static func pair(_ a: Int64, _ b: Int64) -> UInt64 {
        UInt64(min(a, b)) << 32 | UInt64(max(a, b))
    }

    /// Every pair among each original and its edited copies, as stored ids.
    private func truePairs(store: ArticleStore, truthPath: String) throws -> Set<UInt64> {
        var idByURL: [String: Int64] = [:]
        try store.query("SELECT id, url FROM articles WHERE url IS NOT NULL") { row in
            if let id = row[0].int64, let url = row[1].string { idByURL[url] = id }
        }
        var groups: [Int64: [Int64]] = [:]
        for line in try String(contentsOfFile: truthPath, encoding: .utf8).split(separator: "\n") {
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let copy = idByURL[String(fields[0])], let original = idByURL[String(fields[1])] else { continue }
            groups[original, default: [original]].append(copy)
        }
        var pairs = Set<UInt64>()
        for members in groups.values {
            for (index, first) in members.enumerated() {
                for second in members[(index + 1)...] { pairs.insert(Self.pair(first, second)) }
            }
        }
        return pairs
    }

    /// The exact Jaccard similarity of each pair's sets of 3-word shingles of the index terms
    /// (what the MinHash signature estimates).
    private func exactJaccard(store: ArticleStore, pairs: Set<UInt64>) throws -> [UInt64: Double] {
        var shingles: [Int64: Set<String>] = [:]
        for pair in pairs {
            for id in [Int64(pair >> 32), Int64(pair & 0xFFFF_FFFF)] where shingles[id] == nil {
                var terms: [Substring] = []
                var text = ""
                try store.query("SELECT body FROM articles WHERE id = \(id)") { row in text = store.analyzer.termsText(row[0].string ?? "") }
                terms = text.split(separator: " ")
                shingles[id] = terms.count < 3 ? Set(terms.map(String.init))
                    : Set((0..<(terms.count - 2)).map { terms[$0..<($0 + 3)].joined(separator: " ") })
            }
        }
        var result: [UInt64: Double] = [:]
        for pair in pairs {
            guard let a = shingles[Int64(pair >> 32)], let b = shingles[Int64(pair & 0xFFFF_FFFF)], !a.isEmpty || !b.isEmpty else { continue }
            result[pair] = Double(a.intersection(b).count) / Double(a.union(b).count)
        }
        return result
    }

    /// Seconds to compare every pair of `count` signatures: all pairs of a sample of 2,000,
    /// timed, scaled by the number of pairs.
    private func allPairsEstimate(store: ArticleStore, count: Int) throws -> Double {
        var signatures: [MinHashSignature] = []
        try store.query("SELECT minhash FROM article_signatures LIMIT 2000") { row in
            if case let .blob(bytes) = row[0], let signature = MinHashSignature(bytes: bytes) { signatures.append(signature) }
        }
        guard signatures.count > 1 else { return 0 }
        var sum = 0.0
        let seconds = Measurement.seconds {
            for (index, first) in signatures.enumerated() {
                for second in signatures[(index + 1)...] { sum += first.similarity(to: second) }
            }
        }
        if sum < 0 { print("") }
        let samplePairs = Double(signatures.count * (signatures.count - 1) / 2)
        return seconds / samplePairs * Double(count) * Double(count - 1) / 2
    }
}
