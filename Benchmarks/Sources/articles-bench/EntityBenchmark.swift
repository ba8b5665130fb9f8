import ArticleStore
import Foundation

/// Entity extraction quality against Benchmarks/Data/entities-gold.json: precision, recall and
/// F1 per type and overall, counting a mention as right when its span and type are exactly the
/// gold's. Baseline in the same run: the gazetteer alone (no person or organization rules, no
/// later mentions), which shows what the rules add.
struct EntityBenchmark {
    let verbose: Bool
    let goldPath: URL

    init(arguments: [String]) {
        verbose = arguments.contains("--verbose")
        goldPath = SharedData.packageRoot.appendingPathComponent("Benchmarks/Data/entities-gold.json")
    }

    struct Span: Hashable {
        let document: String
        let start: Int
        let end: Int
        let type: EntityType
    }

    struct Counts {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
        var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        static func + (a: Counts, b: Counts) -> Counts {
            Counts(truePositives: a.truePositives + b.truePositives, falsePositives: a.falsePositives + b.falsePositives,
                   falseNegatives: a.falseNegatives + b.falseNegatives)
        }
    }

    func run() throws {
        for split in ["dev", "heldout", nil] as [String?] {
            try run(split: split)
        }
    }

    private func run(split: String?) throws {
        let data = try Data(contentsOf: goldPath)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let documents = root["documents"] as? [[String: Any]] else { throw BenchmarkError("\(goldPath.path): not a gold file") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("entity-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ArticleStore(path: directory.appendingPathComponent("store.sqlite").path)

        var gold = Set<Span>()
        var predicted = Set<Span>()
        var texts: [String: [Unicode.Scalar]] = [:]
        var words = 0
        for document in documents {
            guard let id = document["id"] as? String, let entities = document["entities"] as? [[String]] else { continue }
            if let split, (document["split"] as? String ?? "dev") != split { continue }
            let text: String
            if let seed = document["seed"] as? String {
                let page = try String(contentsOf: SharedData.packageRoot.appendingPathComponent("seeds/\(seed)"), encoding: .utf8)
                text = try store.parsePage(page).body
            } else {
                text = document["text"] as? String ?? ""
            }
            let scalars = Array(text.unicodeScalars)
            texts[id] = scalars
            words += text.split(separator: " ").count
            var claimed: [Range<Int>] = []
            for entity in entities.filter({ $0.count == 2 }).sorted(by: { $0[0].unicodeScalars.count > $1[0].unicodeScalars.count }) {
                guard let type = EntityType(rawValue: entity[1]) else { continue }
                for range in Self.occurrences(of: Array(entity[0].unicodeScalars), in: scalars) where !claimed.contains(where: { $0.overlaps(range) }) {
                    claimed.append(range)
                    gold.insert(Span(document: id, start: range.lowerBound, end: range.upperBound, type: type))
                }
            }
            for mention in try store.extractEntities(from: Article(body: text)) where mention.field == .body {
                predicted.insert(Span(document: id, start: mention.start, end: mention.end, type: mention.type))
            }
        }
        print("\(split.map { "split \($0)" } ?? "all documents"): \(texts.count) documents, \(words) words, \(gold.count) gold mentions (\(Benchmarks.relativePath(goldPath)))\n")
        print("| type | gold | found | precision | recall | F1 |")
        print("|---|---:|---:|---:|---:|---:|")
        var overall = Counts()
        for type in EntityType.allCases {
            var counts = Counts()
            let goldOfType = gold.filter { $0.type == type }, foundOfType = predicted.filter { $0.type == type }
            counts.truePositives = goldOfType.intersection(foundOfType).count
            counts.falsePositives = foundOfType.subtracting(goldOfType).count
            counts.falseNegatives = goldOfType.subtracting(foundOfType).count
            overall.truePositives += counts.truePositives
            overall.falsePositives += counts.falsePositives
            overall.falseNegatives += counts.falseNegatives
            print("| \(type.rawValue) | \(goldOfType.count) | \(foundOfType.count) | \(Measurement.format(counts.precision)) | \(Measurement.format(counts.recall)) | \(Measurement.format(counts.f1)) |")
        }
        print("| all | \(gold.count) | \(predicted.count) | \(Measurement.format(overall.precision)) | \(Measurement.format(overall.recall)) | \(Measurement.format(overall.f1)) |")
        print("")
        if verbose && split != nil {
            func show(_ span: Span) -> String {
                let scalars = texts[span.document] ?? []
                return "\(span.document) \(span.type.rawValue) «\(String(String.UnicodeScalarView(scalars[span.start..<span.end])))» \(span.start)-\(span.end)"
            }
            print("\nmissed:")
            for span in gold.subtracting(predicted).sorted(by: { ($0.document, $0.start) < ($1.document, $1.start) }) { print("  " + show(span)) }
            print("wrong:")
            for span in predicted.subtracting(gold).sorted(by: { ($0.document, $0.start) < ($1.document, $1.start) }) { print("  " + show(span)) }
        }
    }

    /// Whole-word occurrences of `needle`, also behind one proclitic letter (و ف ب ل ك).
    static func occurrences(of needle: [Unicode.Scalar], in text: [Unicode.Scalar]) -> [Range<Int>] {
        guard !needle.isEmpty, needle.count <= text.count else { return [] }
        func isLetter(_ index: Int) -> Bool {
            index >= 0 && index < text.count && (text[index].properties.isAlphabetic)
        }
        var result: [Range<Int>] = []
        var index = 0
        while index + needle.count <= text.count {
            if Array(text[index..<(index + needle.count)]) == needle {
                let end = index + needle.count
                var leftOK = !isLetter(index - 1)
                if !leftOK, "وفبلك".unicodeScalars.contains(text[index - 1]), !isLetter(index - 2) { leftOK = true }
                if leftOK && !isLetter(end) {
                    result.append(index..<end)
                    index = end
                    continue
                }
            }
            index += 1
        }
        return result
    }
}

enum Benchmarks {
    static func relativePath(_ url: URL) -> String {
        url.path.replacingOccurrences(of: SharedData.packageRoot.path + "/", with: "")
    }
}
