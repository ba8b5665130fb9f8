/// Light stemming of Arabic clitic prefixes and suffixes (Larkey's light10, as in Lucene's
/// `ArabicStemmer`), with the default profile's protections against over-stemming.
///
/// Lucene rules: strip the first matching prefix of ال وال بال كال فال لل و (keeping at least
/// two letters; و only from words of four or more letters), then strip each of the suffixes
/// ها ان ات ون ين يه ية ه ة ي in that order, once each, while at least two letters remain.
///
/// Default rules, on top: protected words are never stemmed (proper nouns such as ايران, لبنان,
/// فلسطين; words whose root begins with و such as وزير, وطن, وقت); و is stripped only when it is
/// not part of such a word; the suffixes ان ون ين need four letters to remain (so تعاون, ايران
/// keep their last letters while مهندسون → مهندس), the others three.
public struct LightStemmer: Sendable {
    /// Which rule set to apply.
    public enum Rules: Sendable {
        case lucene
        case `default`
    }

    public let rules: Rules

    public init(rules: Rules) {
        self.rules = rules
    }

    private static let prefixes: [[Unicode.Scalar]] = ["ال", "وال", "بال", "كال", "فال", "لل", "و"].map { Array($0.unicodeScalars) }
    private static let suffixes: [[Unicode.Scalar]] = ["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"].map { Array($0.unicodeScalars) }
    private static let waw: Unicode.Scalar = "\u{0648}"

    /// The stem of a normalized word.
    public func stem(_ word: String) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: stem(Array(word.unicodeScalars)))
        return String(view)
    }

    /// The stem of a normalized word, as scalars.
    func stem(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
        switch rules {
        case .lucene:
            return stripSuffixes(stripPrefix(word[...]), minimumShort: 2, minimumLong: 2)
        case .default:
            if ProtectedWords.contains(word) { return word }
            let withoutPrefix = stripPrefix(word[...])
            if withoutPrefix.count != word.count, ProtectedWords.contains(withoutPrefix) { return Array(withoutPrefix) }
            return stripSuffixes(withoutPrefix, minimumShort: 3, minimumLong: 4)
        }
    }

    private func stripPrefix(_ word: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        for prefix in Self.prefixes {
            if prefix.count == 1 {
                guard word.count >= 4, word.first == prefix[0] else { continue }
                if rules == .default, ProtectedWords.contains(word) { continue }
                return word.dropFirst()
            }
            guard word.count >= prefix.count + 2, word.starts(with: prefix) else { continue }
            return word.dropFirst(prefix.count)
        }
        return word
    }

    /// - Parameters:
    ///   - minimumShort: letters that must remain after removing a suffix other than ان ون ين.
    ///   - minimumLong: letters that must remain after removing ان ون ين.
    private func stripSuffixes(_ word: ArraySlice<Unicode.Scalar>, minimumShort: Int, minimumLong: Int) -> [Unicode.Scalar] {
        var word = word
        for (index, suffix) in Self.suffixes.enumerated() {
            let minimum = (index == 1 || index == 3 || index == 4) ? minimumLong : minimumShort
            if word.count >= suffix.count + minimum, word.reversed().starts(with: suffix.reversed()) {
                word = word.dropLast(suffix.count)
            }
        }
        return Array(word)
    }
}
