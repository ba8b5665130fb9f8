import ArticleStore
import Foundation

/// Retrieval quality next to Lucene's, same documents and queries, one run: ARCD (questions
/// against title + paragraph) and a known-item set from the real-news dev days (titles as
/// queries against the bodies, titles left out of the store). Ours: `search --any` through the
/// library; Lucene 8's ArabicAnalyzer with BM25 (Benchmarks/Lucene/Retrieval.java) when
/// Benchmarks/setup-lucene.sh has run. Every search variant is also scored on the two halves
/// of each query set (odd and even positions), so a setting chosen on one half can be judged
/// on the other.
struct RetrievalBenchmark {
    let shared: SharedData
    /// Every how many (distinct) dev-day articles one becomes a known-item query.
    var every = 25

    init(arguments: [String]) throws {
        shared = try SharedData(arguments: arguments)
        if let index = arguments.firstIndex(of: "--every"), index + 1 < arguments.count, let value = Int(arguments[index + 1]) {
            every = max(1, value)
        }
    }

    /// A document set with its queries (the index of the relevant document for each).
    struct QuerySet {
        let name: String
        var documents: [(title: String?, body: String)]
        var queries: [(relevant: Int, text: String)]
    }

    func run() throws {
        var sets: [QuerySet] = []
        if let arcd = try? shared.arcd() {
            var set = QuerySet(name: "ARCD (questions; title + paragraph)", documents: [], queries: [])
            for paragraph in arcd {
                set.documents.append((paragraph.title, paragraph.context))
                for question in paragraph.questions { set.queries.append((set.documents.count - 1, question)) }
            }
            sets.append(set)
        } else {
            print("ARCD skipped: \(shared.directory.path)/bench/arcd not found")
        }
        if let news = try? RealNews.articles(shared: shared) {
            var set = QuerySet(name: "dev-days known item (titles; bodies only)", documents: [], queries: [])
            var seen = Set<String>()
            for article in news {
                let body = article.content.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !body.isEmpty, seen.insert(body).inserted else { continue }
                set.documents.append((nil, body))
                let title = article.title.trimmingCharacters(in: .whitespacesAndNewlines)
                if set.documents.count % every == 0, title.split(separator: " ").count >= 3 {
                    set.queries.append((set.documents.count - 1, title))
                }
            }
            sets.append(set)
        } else {
            print("known-item set skipped: \(shared.directory.path)/corpora/saudinewsnet-dev not found")
        }
        let variants = Self.variants()
        print("| set | system | MRR@10 | Recall@1 | Recall@10 | MRR@10 odd / even half |")
        print("|---|---|---:|---:|---:|---:|")
        for set in sets {
            if let lucene = try lucene(set) {
                print("| \(set.name) | Lucene 8.7 ArabicAnalyzer + BM25 | \(Measurement.format(lucene.mrr)) | \(Measurement.format(lucene.recall1)) | \(Measurement.format(lucene.recall10)) | |")
            } else {
                print("| \(set.name) | Lucene: skipped (run Benchmarks/setup-lucene.sh) | | | | |")
            }
            for (name, scores) in zip(variants.map(\.0), try ours(set, variants.map(\.1))) {
                print("| \(set.name) | \(name) | \(Measurement.format(scores.all.mrr)) | \(Measurement.format(scores.all.recall1)) | \(Measurement.format(scores.all.recall10)) | \(Measurement.format(scores.odd.mrr)) / \(Measurement.format(scores.even.mrr)) |")
            }
        }
    }

    /// The search settings compared: the library's defaults first.
    static func variants() -> [(String, SearchOptions)] {
        let environment = ProcessInfo.processInfo.environment
        func numbers(_ name: String) -> [Double] { environment[name]?.split(separator: ",").compactMap { Double($0) } ?? [] }
        let proximityWeights = numbers("PROXIMITY_WEIGHTS")
        var result = [("ArticleStore search --any", SearchOptions(limit: 10, snippetWords: 0))]
        for weight in proximityWeights {
            var options = SearchOptions(limit: 10, snippetWords: 0)
            options.proximityWeight = weight
            result.append(("proximity weight \(weight)", options))
        }
        // ENTITY_WEIGHTS="0.1,0.5": entity-aware ranking at these weights.
        for weight in numbers("ENTITY_WEIGHTS") {
            var options = SearchOptions(limit: 10, snippetWords: 0)
            options.entityWeight = weight
            result.append(("entity weight \(weight)", options))
        }
        // LEAD="weight:words,...": the body's lead at these settings.
        for pair in environment["LEAD"]?.split(separator: ",") ?? [] {
            let parts = pair.split(separator: ":").compactMap { Double($0) }
            guard parts.count == 2 else { continue }
            var options = SearchOptions(limit: 10, snippetWords: 0)
            options.lead = (parts[0], Int(parts[1]))
            result.append(("lead \(parts[0]) over \(Int(parts[1])) words", options))
        }
        // FIELD_WEIGHTS="title:body:tags,...": bm25 weights of the three columns.
        for triple in environment["FIELD_WEIGHTS"]?.split(separator: ",") ?? [] {
            let parts = triple.split(separator: ":").compactMap { Double($0) }
            guard parts.count == 3 else { continue }
            var options = SearchOptions(limit: 10, snippetWords: 0)
            options.weights = (parts[0], parts[1], parts[2])
            result.append(("field weights \(parts[0]) / \(parts[1]) / \(parts[2])", options))
        }
        // BM25_GRID="k1:b,k1:b": more settings, each with the proximity weights above and without.
        for pair in environment["BM25_GRID"]?.split(separator: ",") ?? [] {
            let parts = pair.split(separator: ":").compactMap { Double($0) }
            guard parts.count == 2 else { continue }
            for weight in [0.0] + proximityWeights {
                var options = SearchOptions(limit: 10, snippetWords: 0)
                options.proximityWeight = weight
                options.bm25Parameters = (parts[0], parts[1])
                result.append(("k1 \(parts[0]), b \(parts[1]), proximity \(weight)", options))
            }
        }
        return result
    }

    private func ours(_ set: QuerySet, _ optionSets: [SearchOptions]) throws
        -> [(all: ArcdBenchmark.Scores, odd: ArcdBenchmark.Scores, even: ArcdBenchmark.Scores)] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retrieval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ArticleStore(path: directory.appendingPathComponent("store.sqlite").path)
        var ids: [Int64] = []
        for start in stride(from: 0, to: set.documents.count, by: 1000) {
            let chunk = set.documents[start..<min(set.documents.count, start + 1000)]
            ids += try store.add(contentsOf: chunk.map { Article(title: $0.title, body: $0.body) }).map(\.id)
        }
        // MISSES=FILE: the default setting's queries whose document is not first, for reading
        // (set, rank or "-", query, the document's opening, the first hit's opening).
        let missesPath = ProcessInfo.processInfo.environment["MISSES"]
        var misses = ""
        defer {
            if let missesPath {
                if !FileManager.default.fileExists(atPath: missesPath) { _ = FileManager.default.createFile(atPath: missesPath, contents: nil) }
                if let handle = FileHandle(forWritingAtPath: missesPath) {
                    handle.seekToEndOfFile()
                    handle.write(Data(misses.utf8))
                    try? handle.close()
                }
            }
        }
        let documentOf = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        func opening(_ index: Int?) -> String {
            guard let index else { return "" }
            return String(set.documents[index].body.prefix(120)).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
        }
        return optionSets.enumerated().map { variant, options in
            var all = ArcdBenchmark.Scores(), odd = ArcdBenchmark.Scores(), even = ArcdBenchmark.Scores()
            for (position, query) in set.queries.enumerated() {
                var rank: Int?
                if let results = try? store.search(query.text, mode: .any, options: options) {
                    rank = results.hits.firstIndex { $0.id == ids[query.relevant] }.map { $0 + 1 }
                    if missesPath != nil, variant == 0, rank != 1 {
                        misses += "\(set.name)\t\(rank.map(String.init) ?? "-")\t\(query.text)\t\(opening(query.relevant))\t\(opening(results.hits.first.flatMap { documentOf[$0.id] }))\n"
                    }
                }
                all.add(rank: rank)
                if position % 2 == 0 { even.add(rank: rank) } else { odd.add(rank: rank) }
            }
            return (all, odd, even)
        }
    }

    private func lucene(_ set: QuerySet) throws -> (mrr: Double, recall1: Double, recall10: Double)? {
        let classpathFile = SharedData.packageRoot.appendingPathComponent("Benchmarks/Lucene/build/classpath")
        guard let classpath = try? String(contentsOf: classpathFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines),
              FileManager.default.fileExists(atPath: SharedData.packageRoot.appendingPathComponent("Benchmarks/Lucene/build/Retrieval.class").path)
        else { return nil }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retrieval-lucene-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func line(_ text: String) -> String {
            String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        }
        let documents = set.documents.enumerated().map { index, document in
            "\(index)\t" + line([document.title, document.body].compactMap { $0 }.joined(separator: " "))
        }.joined(separator: "\n")
        let queries = set.queries.map { "\($0.relevant)\t" + line($0.text) }.joined(separator: "\n")
        let documentsFile = directory.appendingPathComponent("documents.tsv")
        let queriesFile = directory.appendingPathComponent("queries.tsv")
        try documents.write(to: documentsFile, atomically: true, encoding: .utf8)
        try queries.write(to: queriesFile, atomically: true, encoding: .utf8)
        let result = try JSONProcess.numbers(URL(fileURLWithPath: "/usr/bin/env"),
                                             ["java", "-Xmx2g", "-cp", classpath, "Retrieval", documentsFile.path, queriesFile.path],
                                             what: "the Lucene retrieval baseline")
        guard let mrr = result["mrr"] else { throw BenchmarkError("the Lucene retrieval baseline printed no mrr") }
        return (mrr, result["recall1"] ?? 0, result["recall10"] ?? 0)
    }
}
