import ArabicText
import Foundation

/// What unlabeled news says about a word (its form without clitics, see
/// ``EntityFeatureExtractor``): how common it is, how often it takes the article ال (names
/// rarely do), and how often a title or role word (الرئيس، وزير) stands before it (names
/// often). Counted once over real news by the trainer and shipped inside the model as one
/// small code per word; a feature of the recognizer, never a decision.
package struct WordStatistics: Sendable {
    package let keys: [UInt64]
    private let table: FeatureTable
    /// The codes of `keys`, then 0 (the code of a word not counted, row `keys.count`).
    private let codesAndZero: [UInt16]

    /// Statistics of words `keys[i]` (core-form keys) with codes `codes[i]`.
    package init(keys: [UInt64], codes: [UInt16]) {
        precondition(keys.count == codes.count)
        self.keys = keys
        codesAndZero = codes + [0]
        table = FeatureTable(keys: keys)
    }

    /// The code of each of `keys`, in order.
    var codes: ArraySlice<UInt16> { codesAndZero.dropLast() }

    /// No statistics: every word unknown.
    package static let none = WordStatistics(keys: [], codes: [])

    /// The key of a core form.
    static func key(_ core: ArraySlice<Unicode.Scalar>) -> UInt64 {
        key(coreHash: FeatureHasher.hash(core))
    }

    /// The key of a core form from its ``FeatureHasher/hash(_:)``.
    static func key(coreHash: UInt64) -> UInt64 { FeatureHasher.key(1000, coreHash) }

    /// The codes of core forms, by their ``FeatureHasher/hash(_:)``: 0 for a word not counted,
    /// else frequency bucket (bits 0-2), article ratio bucket (3-5) and title-before ratio
    /// bucket (6-7). All looked up at once (see ``FeatureTable/rows(of:into:missing:)``).
    func codes(coreHashes: [UInt64]) -> [UInt16] {
        guard !keys.isEmpty else { return [UInt16](repeating: 0, count: coreHashes.count) }
        let statisticsKeys = coreHashes.map { Self.key(coreHash: $0) }
        var rows = [Int32](repeating: 0, count: coreHashes.count)
        statisticsKeys.withUnsafeBufferPointer { keys in
            rows.withUnsafeMutableBufferPointer { rows in table.rows(of: keys, into: rows, missing: Int32(self.keys.count)) }
        }
        return rows.map { codesAndZero[Int($0)] }
    }

    /// Counts over analyzed texts; words seen fewer than `minimumCount` times are left out.
    package static func count(texts: [AnalyzedText], extractor: EntityFeatureExtractor, minimumCount: Int = 3) -> WordStatistics {
        struct Tally { var total = 0, article = 0, title = 0 }
        var tallies: [UInt64: Tally] = [:]
        for text in texts {
            let words = EntityExtractor.Words(text, gazetteer: extractor.gazetteer)
            for index in 0..<words.count {
                let (core, clitics) = EntityFeatureExtractor.core(of: words.normalized(index))
                let key = key(core)
                var tally = tallies[key, default: Tally()]
                tally.total += 1
                if clitics & 1 == 1 { tally.article += 1 }
                if index > 0, !words.boundaries[index - 1], words.variantFlags[index - 1].contains(.role) { tally.title += 1 }
                tallies[key] = tally
            }
        }
        var keys: [UInt64] = [], codes: [UInt16] = []
        for (key, tally) in tallies.sorted(by: { $0.key < $1.key }) where tally.total >= minimumCount {
            let frequency = min(7, max(1, Int(log2(Double(tally.total))) - 0))
            let articleRatio = Double(tally.article) / Double(tally.total)
            let article = articleRatio == 0 ? 0 : articleRatio < 0.05 ? 1 : articleRatio < 0.3 ? 2 : articleRatio < 0.7 ? 3 : 4
            let titleRatio = Double(tally.title) / Double(tally.total)
            let title = titleRatio == 0 ? 0 : titleRatio < 0.02 ? 1 : titleRatio < 0.1 ? 2 : 3
            keys.append(key)
            codes.append(UInt16(frequency | article << 3 | title << 6))
        }
        return WordStatistics(keys: keys, codes: codes)
    }
}
