/// Trains an ``EntityModel``: an averaged structured perceptron (Collins 2002) over sentences
/// of feature keys and gold BIO labels, decoded with the model's own Viterbi. Deterministic:
/// the sentence order of each epoch comes from a seeded generator.
package struct PerceptronTrainer: Sendable {
    /// One training sentence: words `range` of a text's features, and their gold labels.
    package struct Sentence: Sendable {
        package let text: Int
        package let range: Range<Int>
        package let labels: [EntityLabel]

        package init(text: Int, range: Range<Int>, labels: [EntityLabel]) {
            self.text = text
            self.range = range
            self.labels = labels
        }
    }

    package var epochs: Int
    package var seed: UInt64
    /// Features whose largest averaged weight is below this are dropped from the model.
    package var pruneBelow: Float

    package init(epochs: Int = 10, seed: UInt64 = 1, pruneBelow: Float = 0) {
        self.epochs = epochs
        self.seed = seed
        self.pruneBelow = pruneBelow
    }

    /// The averaged weights after `epochs` passes over `sentences` (of `texts`), as a model
    /// with `header` (its feature count and pruning filled in here).
    package func train(texts: [EntityFeatures], sentences: [Sentence], header: EntityModel.Header, statistics: WordStatistics = .none) -> EntityModel {
        let labels = EntityLabel.count
        // Dense feature ids of the keys the training sentences use.
        var ids: [UInt64: Int32] = [:]
        var keys: [UInt64] = []
        var wordFeatures: [[Int32]] = []   // per sentence, flattened
        var wordStarts: [[Int32]] = []
        for sentence in sentences {
            var flat: [Int32] = [], starts: [Int32] = [0]
            for index in sentence.range {
                for key in texts[sentence.text].keys(of: index) {
                    let id: Int32
                    if let known = ids[key] { id = known } else {
                        id = Int32(keys.count)
                        ids[key] = id
                        keys.append(key)
                    }
                    flat.append(id)
                }
                starts.append(Int32(flat.count))
            }
            wordFeatures.append(flat)
            wordStarts.append(starts)
        }
        var weights = [Float](repeating: 0, count: keys.count * labels)
        var accumulated = [Double](repeating: 0, count: keys.count * labels)
        let transitionCount = (labels + 1) * labels
        var transitions = [Float](repeating: 0, count: transitionCount)
        var accumulatedTransitions = [Double](repeating: 0, count: transitionCount)
        var step: Double = 1
        var generator = SeededRandom(seed: seed)
        var order = Array(sentences.indices)

        for _ in 0..<epochs {
            for index in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(index, Int(generator.next() % UInt64(index + 1)))
            }
            for sentenceIndex in order {
                let sentence = sentences[sentenceIndex]
                let flat = wordFeatures[sentenceIndex], starts = wordStarts[sentenceIndex]
                let length = sentence.labels.count
                var emissions = [Float](repeating: 0, count: length * labels)
                for position in 0..<length {
                    for feature in flat[Int(starts[position])..<Int(starts[position + 1])] {
                        let offset = Int(feature) * labels
                        for label in 0..<labels { emissions[position * labels + label] += weights[offset + label] }
                    }
                }
                let predicted = EntityModel.viterbi(emissions: emissions, length: length, transitions: transitions)
                if predicted == sentence.labels { step += 1; continue }
                for position in 0..<length {
                    let gold = sentence.labels[position].rawValue, guess = predicted[position].rawValue
                    let goldPrevious = position == 0 ? labels : sentence.labels[position - 1].rawValue
                    let guessPrevious = position == 0 ? labels : predicted[position - 1].rawValue
                    if gold != guess {
                        for feature in flat[Int(starts[position])..<Int(starts[position + 1])] {
                            let offset = Int(feature) * labels
                            weights[offset + gold] += 1
                            accumulated[offset + gold] += step
                            weights[offset + guess] -= 1
                            accumulated[offset + guess] -= step
                        }
                    }
                    if gold != guess || goldPrevious != guessPrevious {
                        transitions[goldPrevious * labels + gold] += 1
                        accumulatedTransitions[goldPrevious * labels + gold] += step
                        transitions[guessPrevious * labels + guess] -= 1
                        accumulatedTransitions[guessPrevious * labels + guess] -= step
                    }
                }
                step += 1
            }
        }
        // Average, then prune features whose weights are all small.
        var keptKeys: [UInt64] = [], keptWeights: [Float] = []
        for (row, key) in keys.enumerated() {
            var averaged = [Float](repeating: 0, count: labels)
            var largest: Float = 0
            for label in 0..<labels {
                let value = weights[row * labels + label] - Float(accumulated[row * labels + label] / step)
                averaged[label] = value
                largest = max(largest, abs(value))
            }
            guard largest > 0, largest >= pruneBelow else { continue }
            keptKeys.append(key)
            keptWeights += averaged
        }
        let averagedTransitions = (0..<transitionCount).map { transitions[$0] - Float(accumulatedTransitions[$0] / step) }
        var header = header
        header.features = keptKeys.count
        header.pruneBelow = Double(pruneBelow)
        header.epochs = epochs
        header.seed = seed
        return EntityModel(header: header, keys: keptKeys, weights: keptWeights, transitions: averagedTransitions, statistics: statistics)
    }
}
