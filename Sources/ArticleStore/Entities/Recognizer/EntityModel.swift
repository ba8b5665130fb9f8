import Foundation

/// A trained sequence labeller: a weight per feature and label, a weight per label transition,
/// decoded with Viterbi under the BIO constraint (an inside label continues its own category).
/// Serialized as a small binary file with a JSON header (see ``header``).
package struct EntityModel: Sendable {
    /// What a model records about how it was made.
    package struct Header: Codable, Sendable, Equatable {
        /// Binary layout version.
        package var format: Int
        /// ``EntityFeatureExtractor/templateVersion`` the model was trained with.
        package var templates: Int
        /// SHA-256 of the training file, hex.
        package var trainingSHA256: String
        /// Name of the training file.
        package var trainingData: String
        /// Training sentences and words.
        package var sentences: Int
        package var words: Int
        /// Perceptron epochs and the seed of the sentence order.
        package var epochs: Int
        package var seed: UInt64
        /// Features kept after pruning, and the pruning threshold.
        package var features: Int
        package var pruneBelow: Double
        /// Labels in order.
        package var labels: [String]
        /// Licence and attribution of the training data.
        package var attribution: String

        package init(format: Int, templates: Int, trainingSHA256: String, trainingData: String, sentences: Int, words: Int,
                    epochs: Int, seed: UInt64, features: Int, pruneBelow: Double, labels: [String], attribution: String) {
            self.format = format
            self.templates = templates
            self.trainingSHA256 = trainingSHA256
            self.trainingData = trainingData
            self.sentences = sentences
            self.words = words
            self.epochs = epochs
            self.seed = seed
            self.features = features
            self.pruneBelow = pruneBelow
            self.labels = labels
            self.attribution = attribution
        }
    }

    package let header: Header
    private let table: FeatureTable
    /// `weights[row * 9 + label] * scale` is a weight; a row of zeros follows the last
    /// (row `keys.count`, what a missing feature adds). 16 bits a weight keep the table small enough to stay
    /// mostly in cache: the labeller's cost is waiting for these loads.
    private let weights: [Int16]
    private let scale: Float
    /// `transitions[previous * 9 + label]`; previous 9 is the start of a sentence.
    private let transitions: [Float]

    static let labelCount = EntityLabel.count

    /// The unlabeled-news word statistics its features were trained with.
    package let statistics: WordStatistics

    /// A model from its parts; `keys[i]` owns `weights[i * 9..<(i + 1) * 9]`. The weights are
    /// kept as 16-bit multiples of one scale, as ``serialized()`` writes them.
    package init(header: Header, keys: [UInt64], weights: [Float], transitions: [Float], statistics: WordStatistics = .none) {
        precondition(weights.count == keys.count * Self.labelCount)
        let largest = weights.reduce(Float(0)) { max($0, abs($1)) }
        let scale = largest > 0 ? largest / 32767 : 1
        self.init(header: header, keys: keys, quantized: weights.map { Int16(($0 / scale).rounded()) }, scale: scale,
                  transitions: transitions, statistics: statistics)
    }

    private init(header: Header, keys: [UInt64], quantized: [Int16], scale: Float, transitions: [Float], statistics: WordStatistics) {
        precondition(quantized.count == keys.count * Self.labelCount && transitions.count == (Self.labelCount + 1) * Self.labelCount)
        self.statistics = statistics
        self.header = header
        self.table = FeatureTable(keys: keys)
        self.weights = quantized + [Int16](repeating: 0, count: Self.labelCount)
        self.scale = scale
        self.transitions = transitions
        self.constrainedTransitions = Self.constrained(transitions)
        self.keys = keys
    }

    private let keys: [UInt64]
    private let constrainedTransitions: [Float]

    /// The best label sequence for words `range` of `features` (a sentence).
    package func decode(_ features: EntityFeatures, range: Range<Int>) -> [EntityLabel] {
        let length = range.count
        guard length > 0 else { return [] }
        let labels = Self.labelCount
        let firstKey = Int(features.starts[range.lowerBound]), endKey = Int(features.starts[range.upperBound])
        // Every key's row first (a missing feature reads the zero row past the last), then the
        // sums: neither loop waits on a branch, so their loads overlap.
        var rows = [Int32](repeating: 0, count: endKey - firstKey)
        features.keys.withUnsafeBufferPointer { keys in
            rows.withUnsafeMutableBufferPointer { rows in
                table.rows(of: UnsafeBufferPointer(rebasing: keys[firstKey..<endKey]), into: rows, missing: Int32(self.keys.count))
            }
        }
        var emissions = [Float](repeating: 0, count: length * labels)
        emissions.withUnsafeMutableBufferPointer { emissions in
            weights.withUnsafeBufferPointer { weights in
                rows.withUnsafeBufferPointer { rows in
                    for position in 0..<length {
                        let base = position * labels
                        let word = range.lowerBound + position
                        for keyIndex in Int(features.starts[word])..<Int(features.starts[word + 1]) {
                            let offset = Int(rows[keyIndex - firstKey]) * labels
                            for label in 0..<labels { emissions[base + label] += Float(weights[offset + label]) * scale }
                        }
                    }
                }
            }
        }
        return Self.viterbi(emissions: emissions, length: length, constrainedTransitions: constrainedTransitions)
    }

    /// Transition weights with the BIO constraint built in: a forbidden transition (an inside
    /// label after another category, or first in a sentence) weighs -infinity, in effect.
    static func constrained(_ transitions: [Float]) -> [Float] {
        let labels = labelCount
        var result = transitions
        for previous in 0...labels {
            for label in 0..<labels where !EntityLabel(rawValue: label)!.canFollow(previous == labels ? nil : EntityLabel(rawValue: previous)!) {
                result[previous * labels + label] = -1e30
            }
        }
        return result
    }

    /// Viterbi over `length` positions of `emissions` (`length * 9`), with the BIO constraint.
    static func viterbi(emissions: [Float], length: Int, transitions: [Float]) -> [EntityLabel] {
        viterbi(emissions: emissions, length: length, constrainedTransitions: constrained(transitions))
    }

    static func viterbi(emissions: [Float], length: Int, constrainedTransitions transitions: [Float]) -> [EntityLabel] {
        let labels = labelCount
        var scores = [Float](repeating: 0, count: length * labels)
        var back = [Int8](repeating: 0, count: length * labels)
        scores.withUnsafeMutableBufferPointer { scores in
            back.withUnsafeMutableBufferPointer { back in
                emissions.withUnsafeBufferPointer { emissions in
                    transitions.withUnsafeBufferPointer { transitions in
                        for label in 0..<labels {
                            scores[label] = emissions[label] + transitions[labels * labels + label]
                        }
                        guard length > 1 else { return }
                        for position in 1..<length {
                            let base = position * labels, previousBase = base - labels
                            for label in 0..<labels {
                                var best = -Float.greatestFiniteMagnitude, bestPrevious = 0
                                for previous in 0..<labels {
                                    let score = scores[previousBase + previous] + transitions[previous * labels + label]
                                    if score > best { best = score; bestPrevious = previous }
                                }
                                scores[base + label] = best + emissions[base + label]
                                back[base + label] = Int8(bestPrevious)
                            }
                        }
                    }
                }
            }
        }
        var label = 0
        var best = -Float.greatestFiniteMagnitude
        let lastBase = (length - 1) * labels
        for candidate in 0..<labels where scores[lastBase + candidate] > best {
            best = scores[lastBase + candidate]
            label = candidate
        }
        var result = [EntityLabel](repeating: .outside, count: length)
        for position in stride(from: length - 1, through: 0, by: -1) {
            result[position] = EntityLabel(rawValue: label)!
            label = Int(back[position * labels + label])
        }
        return result
    }

    // MARK: Serialization

    private static let magic = Array("ASNER\u{1}\n".utf8)

    /// The model as bytes: magic, header length and JSON, feature count, weight scale, keys
    /// (UInt64), weights (Int16, times the scale), transitions (Float32); little-endian.
    package func serialized() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let headerBytes = Array(try encoder.encode(header))
        var bytes = Self.magic
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        append(UInt32(headerBytes.count))
        bytes += headerBytes
        append(UInt32(keys.count))
        append(scale.bitPattern)
        for key in keys { append(key) }
        for weight in weights.prefix(keys.count * Self.labelCount) { append(weight) }
        for weight in transitions { append(weight.bitPattern) }
        append(UInt32(statistics.keys.count))
        for key in statistics.keys { append(key) }
        for code in statistics.codes { append(code) }
        return bytes
    }

    /// A model read from ``serialized()`` bytes; nil when they are not one.
    package init?(bytes: [UInt8]) {
        guard bytes.count > Self.magic.count + 4, Array(bytes.prefix(Self.magic.count)) == Self.magic else { return nil }
        var offset = Self.magic.count
        func read<T: FixedWidthInteger>(_: T.Type) -> T? {
            guard offset + MemoryLayout<T>.size <= bytes.count else { return nil }
            var value: T = 0
            withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: bytes[offset..<(offset + MemoryLayout<T>.size)]) }
            offset += MemoryLayout<T>.size
            return T(littleEndian: value)
        }
        guard let headerLength = read(UInt32.self), offset + Int(headerLength) <= bytes.count,
              let header = try? JSONDecoder().decode(Header.self, from: Data(bytes[offset..<(offset + Int(headerLength))])) else { return nil }
        offset += Int(headerLength)
        guard let count = read(UInt32.self).map(Int.init), let scaleBits = read(UInt32.self),
              bytes.count - offset >= count * 8 + count * Self.labelCount * 2 + (Self.labelCount + 1) * Self.labelCount * 4 + 4 else { return nil }
        let scale = Float(bitPattern: scaleBits)
        var keys: [UInt64] = []
        keys.reserveCapacity(count)
        for _ in 0..<count { keys.append(read(UInt64.self)!) }
        var weights: [Int16] = []
        weights.reserveCapacity(count * Self.labelCount)
        for _ in 0..<(count * Self.labelCount) { weights.append(read(Int16.self)!) }
        var transitions: [Float] = []
        for _ in 0..<((Self.labelCount + 1) * Self.labelCount) { transitions.append(Float(bitPattern: read(UInt32.self)!)) }
        guard let wordCount = read(UInt32.self).map(Int.init), bytes.count - offset == wordCount * 10 else { return nil }
        var wordKeys: [UInt64] = [], wordCodes: [UInt16] = []
        wordKeys.reserveCapacity(wordCount)
        wordCodes.reserveCapacity(wordCount)
        for _ in 0..<wordCount { wordKeys.append(read(UInt64.self)!) }
        for _ in 0..<wordCount { wordCodes.append(read(UInt16.self)!) }
        self.init(header: header, keys: keys, quantized: weights, scale: scale, transitions: transitions,
                  statistics: WordStatistics(keys: wordKeys, codes: wordCodes))
    }
}

extension EntityModel {
    /// A model without features: labels every word outside.
    static let empty = EntityModel(
        header: Header(format: 1, templates: EntityFeatureExtractor.templateVersion, trainingSHA256: "", trainingData: "",
                       sentences: 0, words: 0, epochs: 0, seed: 0, features: 0, pruneBelow: 0,
                       labels: EntityLabel.allCases.map { "\($0)" }, attribution: ""),
        keys: [], weights: [], transitions: [Float](repeating: 0, count: (EntityModel.labelCount + 1) * EntityModel.labelCount))
}
