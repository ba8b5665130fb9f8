import ArabicText
import ArticleStore
import Foundation

/// Retrieval quality on ARCD: every paragraph is a document (its article title as title), every
/// question an any-word query; the relevant document is the question's paragraph.
///
/// Each analyzer choice is measured as a bare FTS5 index over the text it produces (same bm25,
/// same title weight), so the choices compare on equal terms; then the store's own search
/// (default profile, query parser, field weights) runs on an ArticleStore built from the same
/// paragraphs.
struct ArcdBenchmark {
    let shared: SharedData

    init(arguments: [String]) throws {
        shared = try SharedData(arguments: arguments)
    }

    struct Scores {
        var reciprocalRank = 0.0
        var top1 = 0
        var top10 = 0
        var queries = 0
        var mrr: Double { reciprocalRank / Double(max(queries, 1)) }
        var recall1: Double { Double(top1) / Double(max(queries, 1)) }
        var recall10: Double { Double(top10) / Double(max(queries, 1)) }

        mutating func add(rank: Int?) {
            queries += 1
            guard let rank, rank <= 10 else { return }
            reciprocalRank += 1 / Double(rank)
            if rank == 1 { top1 += 1 }
            top10 += 1
        }
    }

    /// An analyzer choice: how text becomes index terms, and how a question becomes query terms.
    struct Variant {
        let name: String
        let terms: (String) -> [String]
    }

    /// The same title weight the store's search uses (SearchOptions.weights.title).
    static let titleWeight = SearchOptions().weights.title

    func run() throws {
        let paragraphs = try shared.arcd()
        let questions = paragraphs.reduce(0) { $0 + $1.questions.count }
        print("ARCD: \(paragraphs.count) paragraphs, \(questions) questions, any-word queries, bm25 (title weight 3)\n")
        let lucene = Analyzer(profile: .lucene)
        let persian = Analyzer(profile: .lucenePersian)
        let standard = Analyzer()
        let variants = [
            Variant(name: "raw text, unicode61 (FTS5 as is)", terms: { Self.rawWords($0) }),
            Variant(name: "lucene: ArabicAnalyzer (light10)", terms: { lucene.terms($0) }),
            Variant(name: "lucene-persian", terms: { persian.terms($0) }),
            Variant(name: "default: normalized only, no stemming", terms: { text in
                standard.tokens(text).filter { !$0.isStopword && !$0.normalized.isEmpty }.map(\.normalized)
            }),
            Variant(name: "default: normalized + protected light stemming", terms: { standard.terms($0) }),
            Variant(name: "default: stems + unstemmed forms", terms: { text in
                standard.tokens(text).filter { !$0.isStopword && !$0.stem.isEmpty }
                    .flatMap { $0.stem == $0.normalized ? [$0.stem] : [$0.stem, $0.normalized] }
            }),
        ]
        print("| analyzer choice | MRR@10 | Recall@1 | Recall@10 |")
        print("|---|---|---|---|")
        for variant in variants {
            let scores = try bareFTS(paragraphs, variant)
            print("| \(variant.name) | \(Measurement.format(scores.mrr)) | \(Measurement.format(scores.recall1)) | \(Measurement.format(scores.recall10)) |")
        }
        let variantsOfSearch: [(String, SearchOptions)] = [
            ("ArticleStore search --any (default profile)", SearchOptions(limit: 10, snippetWords: 0)),
            ("ArticleStore search --any, without the exact-form preference", {
                var options = SearchOptions(limit: 10, snippetWords: 0)
                options.preferExactForms = false
                return options
            }()),
        ]
        for (name, scores) in zip(variantsOfSearch.map(\.0), try storeSearch(paragraphs, variantsOfSearch.map(\.1))) {
            print("| \(name) | \(Measurement.format(scores.mrr)) | \(Measurement.format(scores.recall1)) | \(Measurement.format(scores.recall10)) |")
        }
    }

    /// Words as FTS5's unicode61 would see them, for quoting.
    static func rawWords(_ text: String) -> [String] {
        text.unicodeScalars.split(whereSeparator: { scalar in
            let category = scalar.properties.generalCategory
            return !(scalar.properties.isAlphabetic || category == .decimalNumber)
        }).map { String(String.UnicodeScalarView($0)) }
    }

    private func bareFTS(_ paragraphs: [SharedData.ArcdParagraph], _ variant: Variant) throws -> Scores {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arcd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let connection = try Connection(path: directory.appendingPathComponent("bare.sqlite").path, mode: .readWriteCreate)
        try connection.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 0')")
        try connection.transaction {
            for (index, paragraph) in paragraphs.enumerated() {
                try connection.run("INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)",
                                   [index + 1, variant.terms(paragraph.title).joined(separator: " "),
                                    variant.terms(paragraph.context).joined(separator: " ")])
            }
        }
        var scores = Scores()
        for (index, paragraph) in paragraphs.enumerated() {
            for question in paragraph.questions {
                let terms = Array(Set(variant.terms(question)))
                guard !terms.isEmpty else { scores.add(rank: nil); continue }
                let match = terms.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " OR ")
                let ids = try connection.rows("SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, \(Self.titleWeight), 1.0) LIMIT 10", [match])
                    .compactMap { $0[0].int64 }
                scores.add(rank: ids.firstIndex(of: Int64(index + 1)).map { $0 + 1 })
            }
        }
        return scores
    }

    /// The store's own search, once per options value, on one store.
    private func storeSearch(_ paragraphs: [SharedData.ArcdParagraph], _ optionSets: [SearchOptions]) throws -> [Scores] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arcd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ArticleStore(path: directory.appendingPathComponent("store.sqlite").path)
        var ids: [Int64] = []
        for paragraph in paragraphs {
            ids.append(try store.add(Article(title: paragraph.title, body: paragraph.context)).id)
        }
        return try optionSets.map { options in
            var scores = Scores()
            for (index, paragraph) in paragraphs.enumerated() {
                for question in paragraph.questions {
                    do {
                        let results = try store.search(question, mode: .any, options: options)
                        scores.add(rank: results.hits.firstIndex { $0.id == ids[index] }.map { $0 + 1 })
                    } catch ArticleStoreError.invalidQuery {
                        scores.add(rank: nil)
                    }
                }
            }
            return scores
        }
    }
}
