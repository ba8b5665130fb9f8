import ArabicText

/// A CoNLL-style training file (`token TAG` per line, as ANERcorp) read the way extraction
/// reads an article: the tokens are joined by spaces into one text, analyzed, and each analyzed
/// word takes its token's label (later words of a token continue its entity). Sentences are
/// split by the same rule as at extraction time.
package struct EntityTrainingCorpus: Sendable {
    /// Whitespace tokens and their gold labels, in file order.
    package let tokens: [Substring]
    package let tokenLabels: [EntityLabel]
    /// The features of the joined text's words.
    package let features: EntityFeatures
    /// Per analyzed word: the token it belongs to and its gold label.
    package let wordTokens: [Int]
    package let wordLabels: [EntityLabel]
    /// Sentences as word ranges.
    package let sentences: [Range<Int>]

    /// Reads `text` (the file's contents); lines that are not `token TAG` are skipped.
    package init(text: String, featureExtractor: EntityFeatureExtractor = EntityFeatureExtractor()) {
        var tokens: [Substring] = [], labels: [EntityLabel] = []
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            guard let space = line.lastIndex(of: " "), let label = EntityLabel(conll: line[line.index(after: space)...]) else { continue }
            let token = line[..<space]
            guard !token.isEmpty else { continue }
            tokens.append(token)
            labels.append(label)
        }
        var joined = ""
        var tokenStarts: [Int] = []   // scalar offset of each token
        var offset = 0
        for token in tokens {
            tokenStarts.append(offset)
            joined += token
            joined += " "
            offset += token.unicodeScalars.count + 1
        }
        let analyzed = featureExtractor.gazetteer.analyzer.analyze(joined)
        let words = EntityExtractor.Words(analyzed, gazetteer: featureExtractor.gazetteer)
        var wordTokens: [Int] = [], wordLabels: [EntityLabel] = []
        var token = 0
        var previousToken = -1
        for index in 0..<words.count {
            let start = words.scalarRange(index).lowerBound
            while token + 1 < tokenStarts.count, tokenStarts[token + 1] <= start { token += 1 }
            wordTokens.append(token)
            let label = labels[token]
            wordLabels.append(token == previousToken ? label.inside : label)
            previousToken = token
        }
        self.tokens = tokens
        self.tokenLabels = labels
        self.features = featureExtractor.features(of: words)
        self.wordTokens = wordTokens
        self.wordLabels = wordLabels
        self.sentences = EntityRecognizer.sentences(of: words)
    }

    /// Gold entity chunks over tokens (CoNLL semantics): token range and label.
    package func goldChunks(tokens range: Range<Int>) -> [(Range<Int>, EntityLabel)] {
        EntityRecognizer.spans(of: Array(tokenLabels[range])).map { (($0.0.lowerBound + range.lowerBound)..<($0.0.upperBound + range.lowerBound), $0.1) }
    }

    /// Predicted word chunks mapped to token ranges.
    package func tokenChunks(wordLabels labels: [EntityLabel], words range: Range<Int>) -> [(Range<Int>, EntityLabel)] {
        EntityRecognizer.spans(of: labels).map { chunk, label in
            let first = wordTokens[range.lowerBound + chunk.lowerBound]
            let last = wordTokens[range.lowerBound + chunk.upperBound - 1]
            return (first..<(last + 1), label)
        }
    }
}
