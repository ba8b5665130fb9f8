import ArabicText
import ArticleStore
import Foundation

/// Keyword tags on AKEC (../shared/keyphrases/akec-train: 100 documents with crowd keyphrases):
/// F1@5 and F1@10, exact match after normalizing both sides (harakat, tatweel, alef forms, ى/ي,
/// ة/ه), 5-fold cross-validated: the ranker's weights are chosen on four folds and scored on the
/// fifth. Baseline in the same run: TF-IDF over 1-3-grams (no stopword at either end), with
/// n-gram document frequencies from the same background, the real-news dev days.
struct KeywordBenchmark {
    let shared: SharedData

    init(arguments: [String]) throws {
        shared = try SharedData(arguments: arguments)
    }

    struct Document {
        let id: String
        let text: String
        let gold: Set<String>
        var analyzed = Analyzer().analyze("")
        var candidates: [KeywordCandidate] = []
    }

    /// The evaluation's normalization: harakat and tatweel removed, alef forms to ا, ى to ي,
    /// ة to ه, white space single.
    static func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x064B...0x065F, 0x0670, 0x0640: continue
            case 0x0622, 0x0623, 0x0625, 0x0671: scalars.append("\u{627}")
            case 0x0649: scalars.append("\u{64A}")
            case 0x0629: scalars.append("\u{647}")
            default: scalars.append(scalar)
            }
        }
        return String(scalars).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    func documents() throws -> [Document] {
        let root = shared.directory.appendingPathComponent("keyphrases/akec-train")
        let lines = try String(contentsOf: root.appendingPathComponent("keyphrases/sort_frequency/pure.txt"), encoding: .utf8)
            .split(whereSeparator: \.isNewline)
        var result: [Document] = []
        for line in lines {
            guard let separator = line.range(of: " : ") else { continue }
            let id = String(line[..<separator.lowerBound])
            let gold = Set(line[separator.upperBound...].split(separator: ",").map { Self.normalize(String($0)) }.filter { !$0.isEmpty })
            let text = try String(contentsOf: root.appendingPathComponent("documents/pure/\(id).txt"), encoding: .utf8)
                .replacingOccurrences(of: "\r\n", with: "\n")
            result.append(Document(id: id, text: text, gold: gold))
        }
        return result.sorted { $0.id < $1.id }
    }

    static func f1(_ predicted: [String], gold: Set<String>, k: Int) -> Double {
        let top = Array(predicted.prefix(k))
        guard !top.isEmpty, !gold.isEmpty else { return 0 }
        let hits = Double(Set(top.map(normalize)).intersection(gold).count)
        let precision = hits / Double(k), recall = hits / Double(gold.count)
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    func run() throws {
        let analyzer = Analyzer()
        var documents = try documents()
        guard !documents.isEmpty else { throw BenchmarkError("no AKEC documents found") }
        print("machine: \(ScaleBenchmark.machine())")
        FileHandle.standardError.write(Data("background: analyzing the real-news dev days\n".utf8))
        let extractor = KeywordCandidateExtractor()
        let analyzed = documents.map { analyzer.analyze($0.text) }
        for index in documents.indices {
            documents[index].candidates = extractor.candidates(title: nil, body: analyzed[index])
            documents[index].analyzed = analyzed[index]
        }

        // Background: stem frequencies (ours) and n-gram frequencies of the AKEC candidates' normalized forms (baseline).
        let background = try RealNews.articles(shared: shared)
        let wanted = Set(documents.flatMap { $0.candidates.map(\.normalized) })
        var frequencies = DocumentFrequencies()
        var ngramCounts: [String: Int] = [:]
        for article in background {
            let text = analyzer.analyze(article.title + "\n" + article.content)
            frequencies.add(terms: Set(text.termsText.split(separator: " ").map(String.init)))
            var seen = Set<String>()
            for candidate in extractor.candidates(title: nil, body: text) where wanted.contains(candidate.normalized) {
                seen.insert(candidate.normalized)
            }
            for ngram in seen { ngramCounts[ngram, default: 0] += 1 }
        }
        let backgroundCount = Double(background.count)

        // Cost, one thread: analyzing each background article's title and body as ingest does,
        // then finding its candidates with the store's shortlist.
        var analysisSeconds = 0.0, extractionSeconds = 0.0, shortlisted = 0
        for article in background {
            let started = DispatchTime.now().uptimeNanoseconds
            let title = analyzer.analyze(article.title)
            let body = analyzer.analyze(article.content)
            let analyzed = DispatchTime.now().uptimeNanoseconds
            shortlisted += extractor.candidates(title: title, body: body, shortlistFor: KeywordRanker()).count
            analysisSeconds += Double(analyzed - started) / 1e9
            extractionSeconds += Double(DispatchTime.now().uptimeNanoseconds - analyzed) / 1e9
        }

        // Baseline: TF-IDF over normalized 1-3-grams.
        func baseline(_ document: Document) -> [String] {
            var counts: [String: Int] = [:]
            for candidate in document.candidates { counts[candidate.normalized, default: 0] += candidate.bodyCount }
            return counts.map { ($0.key, Double($0.value) * log(backgroundCount / Double(1 + (ngramCounts[$0.key] ?? 0)))) }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(10).map(\.0)
        }
        func ours(_ document: Document, _ parameters: KeywordRanker.Parameters) -> [String] {
            // As the store does it: the shortlist kept until the batch ends, then ranked.
            let ranker = KeywordRanker(parameters: parameters, limit: 10)
            return ranker.rank(KeywordCandidateExtractor().candidates(title: nil, body: document.analyzed, shortlistFor: ranker),
                               frequencies: frequencies).map(\.surface)
        }
        func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }

        var grid: [KeywordRanker.Parameters] = []
        for countExponent in [0.75, 1.0, 1.25] {
            for positionWeight in [2.0, 4.0, 8.0] {
                for two in [2.5, 3.5, 5.0] {
                    for three in [2.0, 3.0, 4.5] {
                        var parameters = KeywordRanker.Parameters()
                        parameters.countExponent = countExponent
                        parameters.positionWeight = positionWeight
                        parameters.twoWordWeight = two
                        parameters.threeWordWeight = three
                        grid.append(parameters)
                    }
                }
            }
        }
        func best(on training: [Document]) -> KeywordRanker.Parameters {
            let scores = grid.map { parameters in mean(training.map { Self.f1(ours($0, parameters), gold: $0.gold, k: 5) }) }
            return grid[scores.indices.max { scores[$0] < scores[$1] }!]
        }
        var ours5: [Double] = [], ours10: [Double] = []
        for fold in 0..<5 {
            let training = documents.indices.filter { $0 % 5 != fold }.map { documents[$0] }
            let test = documents.indices.filter { $0 % 5 == fold }.map { documents[$0] }
            let parameters = best(on: training)
            FileHandle.standardError.write(Data("fold \(fold + 1): \(parameters)\n".utf8))
            for document in test {
                let predicted = ours(document, parameters)
                ours5.append(Self.f1(predicted, gold: document.gold, k: 5))
                ours10.append(Self.f1(predicted, gold: document.gold, k: 10))
            }
        }
        let base5 = mean(documents.map { Self.f1(baseline($0), gold: $0.gold, k: 5) })
        let base10 = mean(documents.map { Self.f1(baseline($0), gold: $0.gold, k: 10) })
        let defaults = KeywordRanker.Parameters()
        let default5 = mean(documents.map { Self.f1(ours($0, defaults), gold: $0.gold, k: 5) })
        let default10 = mean(documents.map { Self.f1(ours($0, defaults), gold: $0.gold, k: 10) })
        let all = best(on: documents)
        print("AKEC training documents: \(documents.count); background: \(background.count) real-news articles")
        print("")
        print("| method | F1@5 | F1@10 | F1@5 vs TF-IDF |")
        print("|---|---:|---:|---:|")
        print("| TF-IDF 1-3-grams (baseline, no parameters) | \(Measurement.format(base5, 3)) | \(Measurement.format(base10, 3)) | 1.00x |")
        print("| ours, 5-fold cross-validated (weights chosen on the other folds) | \(Measurement.format(mean(ours5), 3)) | \(Measurement.format(mean(ours10), 3)) | \(Measurement.format(mean(ours5) / base5, 2))x |")
        print("| ours, the library's default weights (tuned on all 100: not held out) | \(Measurement.format(default5, 3)) | \(Measurement.format(default10, 3)) | \(Measurement.format(default5 / base5, 2))x |")
        print("")
        print("weights chosen on all 100 documents: \(all)")
        print("")
        print("candidate extraction on the \(background.count) background articles, one thread: \(Measurement.format(extractionSeconds, 2)) s "
              + "(\(Measurement.format(100 * extractionSeconds / analysisSeconds, 1))% of the \(Measurement.format(analysisSeconds, 2)) s analysis takes; "
              + "\(Measurement.format(Double(shortlisted) / backgroundCount, 1)) shortlisted candidates per article)")
    }
}
