import ArticleStore
import Foundation

/// Query latency of `ArticleStore.search` (top 10 with snippets and the total count) against a
/// bare FTS5 MATCH of the same analyzed expression over a copy of the same analyzed text.
struct QueryLatency {
    let storePath: String
    let workDirectory: URL

    struct Percentiles {
        var median = 0.0
        var p95 = 0.0

        init(_ samples: [Double]) {
            let sorted = samples.sorted()
            guard !sorted.isEmpty else { return }
            median = sorted[sorted.count / 2]
            p95 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))]
        }
    }

    /// Typical queries: names, places, topics, phrases, prefixes, filters and pasted questions.
    static func queries(questions: [String]) -> [(text: String, mode: ArticleSelection.Mode)] {
        var result: [(String, ArticleSelection.Mode)] = []
        for place in CorpusGenerator.places.prefix(12) { result.append((place, .all)) }
        for person in CorpusGenerator.people.prefix(8) {
            result.append((String(person.split(separator: " ").last ?? ""), .all))
        }
        for (person, place) in zip(CorpusGenerator.people.prefix(8), CorpusGenerator.places.suffix(8)) {
            result.append(("\(person.split(separator: " ").last ?? "") \(place)", .all))
        }
        for topic in CorpusGenerator.topics.prefix(10) { result.append(("\"\(topic)\"", .all)) }
        for (topic, source) in zip(CorpusGenerator.topics.suffix(8), CorpusGenerator.sources.prefix(8)) {
            result.append(("\(topic.split(separator: " ").first ?? "") source:\"\(source.name)\"", .all))
        }
        for prefix in ["التعاو*", "اقتصا*", "انتخا*", "صوار*", "دبلوما*"] { result.append((prefix, .all)) }
        for question in questions.prefix(12) { result.append((question, .any)) }
        return result
    }

    /// Runs the latency queries `rounds` times through the store alone, printing each query's mean time.
    static func loop(storePath: String, rounds: Int) throws {
        let store = try ArticleStore(path: storePath, mode: .readOnly)
        let questions = (try? SharedData(arguments: []).arcd().flatMap(\.questions)) ?? []
        var queries = Self.queries(questions: stride(from: 0, to: questions.count, by: max(1, questions.count / 12)).map { questions[$0] })
        if let only = ProcessInfo.processInfo.environment["QUERY"] { queries = queries.filter { $0.text.hasPrefix(only) } }
        var times = [Double](repeating: 0, count: queries.count)
        for _ in 0..<rounds {
            for (index, query) in queries.enumerated() {
                times[index] += try Measurement.seconds { _ = try store.search(query.text, mode: query.mode, options: SearchOptions(limit: 10)) } * 1000
            }
        }
        for (index, query) in queries.enumerated() {
            print("\(Measurement.format(times[index] / Double(rounds), 3)) ms  \(query.text.prefix(60))")
        }
    }

    func run() throws -> (ours: Percentiles, bare: Percentiles, queries: Int, withoutExactForms: Percentiles, withoutEntities: Percentiles) {
        let store = try ArticleStore(path: storePath, mode: .readOnly)
        let barePath = workDirectory.appendingPathComponent("bare-terms.sqlite").path
        try? FileManager.default.removeItem(atPath: barePath)
        let bare = try Connection(path: barePath, mode: .readWriteCreate)
        // The same analyzed text the store indexes (it keeps no copy of it: analyzed here).
        try bare.execute("CREATE VIRTUAL TABLE bare USING fts5(title_terms, body_terms, tags_terms, tokenize = 'unicode61 remove_diacritics 0')")
        try bare.execute("BEGIN")
        let insert = try bare.prepare("INSERT INTO bare(rowid, title_terms, body_terms, tags_terms) VALUES (?, ?, ?, ?)")
        try store.query("""
            SELECT id, coalesce(title, '') AS title, body,
                   coalesce((SELECT group_concat(spelling, char(10)) FROM (SELECT spelling FROM article_tags WHERE article_id = articles.id ORDER BY position)), '') AS tags
              FROM articles
            """, timeLimit: 3600) { row in
            try insert.bind([row[0].int64, store.analyzer.termsText(row[1].string ?? ""), store.analyzer.termsText(row[2].string ?? ""),
                             store.analyzer.termsText(row[3].string ?? "")])
            while try insert.step() {}
            insert.reset()
        }
        try bare.execute("COMMIT")
        defer { try? FileManager.default.removeItem(atPath: barePath) }
        let questions = (try? SharedData(arguments: []).arcd().flatMap(\.questions)) ?? []
        let queries = Self.queries(questions: stride(from: 0, to: questions.count, by: max(1, questions.count / 12)).map { questions[$0] })
        let options = SearchOptions(limit: 10)
        var plainOptions = options
        plainOptions.preferExactForms = false
        var plain: [Double] = []
        var noEntities: [Double] = []
        var entityFreeOptions = options
        entityFreeOptions.entityWeight = 0
        var ours: [Double] = []
        var baseline: [Double] = []
        let bareQuery = try bare.prepare("SELECT rowid FROM bare WHERE bare MATCH ? ORDER BY bm25(bare, 3.0, 1.0, 2.0) LIMIT 10")
        var perQuery: [(text: String, ours: Double, bare: Double)] = []
        for query in queries {
            // Warm both once, and take the analyzed expression for the baseline.
            guard let match = try store.search(query.text, mode: query.mode, options: options).explanation.matchExpression else { continue }
            func runBare() throws {
                try bareQuery.bind([match])
                while try bareQuery.step() {}
                bareQuery.reset()
            }
            try runBare()
            for _ in 0..<5 {
                ours.append(try Measurement.seconds { _ = try store.search(query.text, mode: query.mode, options: options) } * 1000)
                baseline.append(try Measurement.seconds { try runBare() } * 1000)
                plain.append(try Measurement.seconds { _ = try store.search(query.text, mode: query.mode, options: plainOptions) } * 1000)
                noEntities.append(try Measurement.seconds { _ = try store.search(query.text, mode: query.mode, options: entityFreeOptions) } * 1000)
            }
            perQuery.append((query.text, Percentiles(Array(ours.suffix(5))).median, Percentiles(Array(baseline.suffix(5))).median))
        }
        if let slowest = ProcessInfo.processInfo.environment["SLOWEST_QUERIES"] {
            // The queries that cost most over bare FTS5 (median of their 5 runs), for diagnosis:
            // SLOWEST_QUERIES=N lists N of them (8 when it is not a number).
            for entry in perQuery.sorted(by: { $0.ours - $0.bare > $1.ours - $1.bare }).prefix(Int(slowest) ?? 8) {
                print("slow: \(Measurement.format(entry.ours, 2)) ms vs bare \(Measurement.format(entry.bare, 2)) ms  \(entry.text.prefix(60))")
            }
        }
        return (Percentiles(ours), Percentiles(baseline), queries.count, Percentiles(plain), Percentiles(noEntities))
    }
}
