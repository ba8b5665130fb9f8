import ArticleStore
import ArabicText
import Foundation

/// `train-entities`: trains the entity recognizer on ../shared/ner/anercorp-train.txt, reports
/// 5-fold cross-validation on contiguous blocks of the file (exact-span micro F1 over PERSON,
/// LOCATION and ORGANIZATION, conlleval semantics over the file's tokens), then trains on the
/// whole file and writes the model into Sources/CArticleStoreEntityModel/entity_model.c.
/// Deterministic: the same data and options give the same model, byte for byte.
struct EntityTraining {
    let shared: SharedData
    var folds = 5
    var epochs = 12
    var pruneBelow: Float = 1.5
    var seed: UInt64 = 1
    var write = true
    var crossValidate = true
    var useStatistics = true
    var output: URL

    init(arguments: [String]) throws {
        shared = try SharedData(arguments: arguments)
        output = SharedData.packageRoot.appendingPathComponent("Sources/CArticleStoreEntityModel/entity_model.c")
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? arguments[index + 1] : nil
            switch arguments[index] {
            case "--folds": folds = Int(value ?? "") ?? folds; index += 1
            case "--epochs": epochs = Int(value ?? "") ?? epochs; index += 1
            case "--prune": pruneBelow = Float(value ?? "") ?? pruneBelow; index += 1
            case "--seed": seed = UInt64(value ?? "") ?? seed; index += 1
            case "--out": output = URL(fileURLWithPath: value ?? output.path); index += 1
            case "--shared": index += 1
            case "--no-write": write = false
            case "--no-cv": crossValidate = false
            case "--no-statistics": useStatistics = false
            default: throw BenchmarkError("train-entities: unknown option \(arguments[index])")
            }
            index += 1
        }
    }

    typealias Counts = EntityBenchmark.Counts

    func run() throws {
        let url = shared.directory.appendingPathComponent("ner/anercorp-train.txt")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BenchmarkError("\(url.path) not found: train-entities needs ../shared/ner (or --shared DIR)")
        }
        var hasher = SHA256()
        hasher.update([UInt8](data))
        let digest = SHA256.hex(hasher.finalize())
        var started = Date()
        // Word statistics from the unlabeled real-news days (titles and bodies).
        let plain = EntityFeatureExtractor()
        var statistics = WordStatistics.none
        if useStatistics {
            let news = try RealNews.articles(shared: shared)
            let analyzer = Analyzer()
            var texts: [AnalyzedText] = []
            for article in news {
                texts.append(analyzer.analyze(article.title))
                texts.append(analyzer.analyze(article.content))
            }
            statistics = WordStatistics.count(texts: texts, extractor: plain)
            print("word statistics: \(statistics.keys.count) words from \(news.count) real-news articles (\(Measurement.format(Date().timeIntervalSince(started), 1)) s)")
            started = Date()
        }
        let corpus = EntityTrainingCorpus(text: String(decoding: data, as: UTF8.self), featureExtractor: plain.with(statistics: statistics))
        print("training data: \(url.lastPathComponent), sha256 \(digest.prefix(16))…, \(corpus.tokens.count) tokens, \(corpus.wordLabels.count) words, \(corpus.sentences.count) sentences (read in \(Measurement.format(Date().timeIntervalSince(started), 1)) s)")
        let header = EntityModel.Header(
            format: 1, templates: EntityFeatureExtractor.templateVersion, trainingSHA256: digest, trainingData: "ANERcorp (train part)",
            sentences: corpus.sentences.count, words: corpus.wordLabels.count, epochs: epochs, seed: seed, features: 0,
            pruneBelow: Double(pruneBelow), labels: EntityLabel.allCases.map { "\($0)" },
            attribution: "Trained on ANERcorp (Benajiba, Rosso and Benedí Ruiz, CICLing 2007), CC BY-SA 4.0, via the CAMeL Lab")
        let trainer = PerceptronTrainer(epochs: epochs, seed: seed, pruneBelow: pruneBelow)

        if crossValidate {
            var perType: [String: Counts] = [:]
            var foldF1: [Double] = []
            let count = corpus.sentences.count
            for fold in 0..<folds {
                let test = (count * fold / folds)..<(count * (fold + 1) / folds)
                let trainSentences = corpus.sentences.indices.filter { !test.contains($0) }.map {
                    PerceptronTrainer.Sentence(text: 0, range: corpus.sentences[$0], labels: Array(corpus.wordLabels[corpus.sentences[$0]]))
                }
                let foldStart = Date()
                let model = trainer.train(texts: [corpus.features], sentences: trainSentences, header: header, statistics: statistics)
                var predicted: [(Range<Int>, EntityLabel)] = []
                for sentence in test.map({ corpus.sentences[$0] }) {
                    predicted += corpus.tokenChunks(wordLabels: model.decode(corpus.features, range: sentence), words: sentence)
                }
                let firstToken = corpus.wordTokens[corpus.sentences[test.lowerBound].lowerBound]
                let lastToken = test.upperBound < count ? corpus.wordTokens[corpus.sentences[test.upperBound].lowerBound] : corpus.tokens.count
                let gold = corpus.goldChunks(tokens: firstToken..<lastToken)
                let counts = Self.score(predicted: predicted, gold: gold)
                var total = Counts()
                for (type, value) in counts {
                    perType[type, default: Counts()] = perType[type, default: Counts()] + value
                    total = total + value
                }
                foldF1.append(total.f1)
                print("fold \(fold + 1)/\(folds): tokens \(firstToken)..<\(lastToken), F1 \(Measurement.format(total.f1, 3)) (P \(Measurement.format(total.precision, 3)), R \(Measurement.format(total.recall, 3))), \(model.header.features) features, \(Measurement.format(Date().timeIntervalSince(foldStart), 1)) s")
            }
            let total = perType.values.reduce(Counts(), +)
            print("\n| type | precision | recall | F1 |\n|---|---|---|---|")
            for type in ["PERSON", "LOCATION", "ORGANIZATION"] {
                let value = perType[type] ?? Counts()
                print("| \(type) | \(Measurement.format(value.precision, 3)) | \(Measurement.format(value.recall, 3)) | \(Measurement.format(value.f1, 3)) |")
            }
            print("| micro (3 types) | \(Measurement.format(total.precision, 3)) | \(Measurement.format(total.recall, 3)) | \(Measurement.format(total.f1, 3)) |")
            print("fold F1: \(foldF1.map { Measurement.format($0, 3) }.joined(separator: ", "))\n")
        }

        guard write else { return }
        let sentences = corpus.sentences.map {
            PerceptronTrainer.Sentence(text: 0, range: $0, labels: Array(corpus.wordLabels[$0]))
        }
        let model = trainer.train(texts: [corpus.features], sentences: sentences, header: header, statistics: statistics)
        let bytes = try model.serialized()
        let base64 = Data(bytes).base64EncodedString()
        var source = """
            // Generated by `swift run -c release articles-bench train-entities`; do not edit.
            // The entity recognizer's model: \(model.header.features) features, \(bytes.count) bytes, trained on
            // ANERcorp (train part, sha256 \(digest)), \(epochs) epochs, seed \(seed), pruned below \(pruneBelow).
            // \(header.attribution).
            #include "CArticleStoreEntityModel.h"
            static const char model[] =

            """
        var offset = base64.startIndex
        while offset < base64.endIndex {
            let end = base64.index(offset, offsetBy: 120, limitedBy: base64.endIndex) ?? base64.endIndex
            source += "\"\(base64[offset..<end])\"\n"
            offset = end
        }
        source += ";\nconst char *articlestore_entity_model_base64(unsigned long *length) { *length = sizeof(model) - 1; return model; }\n"
        try source.write(to: output, atomically: true, encoding: .utf8)
        print("wrote \(output.path): \(model.header.features) features, model \(bytes.count) bytes, source \(source.utf8.count) bytes")
    }

    /// Exact-span matches per type (MISC left out on both sides).
    static func score(predicted: [(Range<Int>, EntityLabel)], gold: [(Range<Int>, EntityLabel)]) -> [String: Counts] {
        struct Chunk: Hashable { let range: Range<Int>; let type: String }
        func chunks(_ list: [(Range<Int>, EntityLabel)]) -> Set<Chunk> {
            Set(list.compactMap { range, label in label.entityType.map { Chunk(range: range, type: $0.rawValue) } })
        }
        let predictedSet = chunks(predicted), goldSet = chunks(gold)
        var counts: [String: Counts] = [:]
        for chunk in predictedSet {
            if goldSet.contains(chunk) { counts[chunk.type, default: Counts()].truePositives += 1 }
            else { counts[chunk.type, default: Counts()].falsePositives += 1 }
        }
        for chunk in goldSet where !predictedSet.contains(chunk) { counts[chunk.type, default: Counts()].falseNegatives += 1 }
        return counts
    }
}
