import ArabicText

/// The trained part of entity extraction: labels a text's words with the model and returns
/// the entity spans (word ranges and types). MISC spans are learned and dropped.
package struct EntityRecognizer: Sendable {
    package let model: EntityModel
    package let featureExtractor: EntityFeatureExtractor

    /// A recognizer with `model` (by default the one built into the library).
    package init(model: EntityModel = EmbeddedEntityModel.shared) {
        self.init(model: model, featureExtractor: EntityFeatureExtractor(statistics: model.statistics))
    }

    init(model: EntityModel, featureExtractor: EntityFeatureExtractor) {
        self.model = model
        self.featureExtractor = featureExtractor
    }

    /// One entity found: words `words` (indices into ``EntityExtractor/Words``) of `type`.
    package struct Span: Sendable, Equatable {
        package let words: Range<Int>
        package let type: EntityType
    }

    /// The labels of every word of `text` (words that normalize to nothing left out).
    package func labels(of text: AnalyzedText) -> [EntityLabel] {
        labels(of: EntityExtractor.Words(text, gazetteer: featureExtractor.gazetteer))
    }

    func labels(of words: EntityExtractor.Words, matches: [Gazetteer.Match?]? = nil) -> [EntityLabel] {
        let features = featureExtractor.features(of: words, matches: matches)
        var labels: [EntityLabel] = []
        labels.reserveCapacity(words.count)
        for sentence in Self.sentences(of: words) {
            labels += model.decode(features, range: sentence)
        }
        return labels
    }

    /// The entity spans of `words`, whose gazetteer matches are `matches` (found here when nil).
    func spans(in words: EntityExtractor.Words, matches: [Gazetteer.Match?]? = nil) -> [Span] {
        Self.spans(of: labels(of: words, matches: matches)).compactMap { range, label in
            label.entityType.map { Span(words: range, type: $0) }
        }
    }

    /// Chunks of a label sequence with CoNLL semantics: a chunk starts at a B- label, or at an
    /// I- label that does not continue the chunk before it.
    package static func spans(of labels: [EntityLabel]) -> [(Range<Int>, EntityLabel)] {
        var result: [(Range<Int>, EntityLabel)] = []
        var start = -1
        var category = 0
        for (index, label) in labels.enumerated() {
            if label.category == 0 || label.isBegin || label.category != category {
                if start >= 0 { result.append((start..<index, labels[start])) }
                start = label.category == 0 ? -1 : index
                category = label.category
            }
        }
        if start >= 0 { result.append((start..<labels.count, labels[start])) }
        return result
    }

    /// The sentences of a text's words: a sentence ends at a word followed by . ! ? ؟ ؛ or a
    /// line break (and at the last word).
    static func sentences(of words: EntityExtractor.Words) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        let scalars = words.text.scalars
        for index in 0..<words.count {
            var ends = index == words.count - 1
            if !ends, words.boundaries[index] {
                for scalar in scalars[words.scalarRange(index).upperBound..<words.scalarRange(index + 1).lowerBound] {
                    switch scalar {
                    case ".", "!", "?", "\u{061F}", "\u{061B}", "\n", "\u{06D4}": ends = true
                    default: break
                    }
                    if ends { break }
                }
            }
            if ends {
                result.append(start..<(index + 1))
                start = index + 1
            }
        }
        return result
    }
}
