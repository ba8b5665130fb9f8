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
/// keep their last letters while مهندسون → مهندس), the others three; a protected word keeps
/// its form behind a one-letter proclitic too (بإيران → ايران, لوزير → وزير), which light10
/// would leave unstemmed or cut (بايران → باير).
///
/// A stem is always a contiguous part of the word, so the stemmer works on index ranges and
/// allocates nothing.
public struct LightStemmer: Sendable {
    /// Which rule set to apply.
    public enum Rules: Sendable {
        case lucene
        case `default`
    }

    public let rules: Rules
    private let protected: WordTable

    public init(rules: Rules) {
        self.rules = rules
        protected = ProtectedWords.set
    }

    // Letters of the affixes.
    private static let alef: UInt32 = 0x0627, lam: UInt32 = 0x0644, waw: UInt32 = 0x0648, beh: UInt32 = 0x0628
    private static let kaf: UInt32 = 0x0643, feh: UInt32 = 0x0641, heh: UInt32 = 0x0647, noon: UInt32 = 0x0646
    private static let teh: UInt32 = 0x062A, yeh: UInt32 = 0x064A, tehMarbuta: UInt32 = 0x0629

    /// The suffixes in Lucene's order, as (first letter, second letter or 0, needs the long minimum).
    private static let suffixes: [(UInt32, UInt32, Bool)] = [
        (heh, alef, false), (alef, noon, true), (alef, teh, false), (waw, noon, true), (yeh, noon, true),
        (yeh, heh, false), (yeh, tehMarbuta, false), (heh, 0, false), (tehMarbuta, 0, false), (yeh, 0, false),
    ]

    /// The stem of a normalized word.
    public func stem(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        return ScalarString.make(scalars[stemRange(scalars[...])])
    }

    /// The range of `word` (indices of the slice) that is its stem.
    func stemRange(_ word: ArraySlice<Unicode.Scalar>) -> Range<Int> {
        switch rules {
        case .lucene:
            let afterPrefix = stripPrefix(word, protectWaw: false)
            return Self.stripSuffixes(word[afterPrefix], minimumShort: 2, minimumLong: 2)
        case .default:
            if protected.contains(word) { return word.indices }
            let afterPrefix = stripPrefix(word, protectWaw: true)
            if afterPrefix.count != word.count, protected.contains(word[afterPrefix]) { return afterPrefix }
            // A one-letter proclitic on a protected word: بإيران، لوزير، وبطهران → ايران، وزير، طهران.
            if afterPrefix.count >= 4, Self.isProclitic(word[afterPrefix.lowerBound].value),
               protected.contains(word[(afterPrefix.lowerBound + 1)..<afterPrefix.upperBound]) {
                return (afterPrefix.lowerBound + 1)..<afterPrefix.upperBound
            }
            return Self.stripSuffixes(word[afterPrefix], minimumShort: 3, minimumLong: 4)
        }
    }

    /// ب ل ك ف: prepositions and conjunctions written joined to the next word.
    @inline(__always)
    private static func isProclitic(_ value: UInt32) -> Bool {
        value == beh || value == lam || value == kaf || value == feh
    }

    /// The first matching prefix of ال وال بال كال فال لل و, in that order.
    private func stripPrefix(_ word: ArraySlice<Unicode.Scalar>, protectWaw: Bool) -> Range<Int> {
        let start = word.startIndex, count = word.count
        guard count >= 2 else { return word.indices }
        let first = word[start].value, second = word[start + 1].value
        // ال (needs 4 letters so two remain)
        if count >= 4, first == Self.alef, second == Self.lam { return (start + 2)..<word.endIndex }
        // وال بال كال فال (need 5)
        if count >= 5, second == Self.alef, word[start + 2].value == Self.lam,
           first == Self.waw || first == Self.beh || first == Self.kaf || first == Self.feh {
            return (start + 3)..<word.endIndex
        }
        // لل (needs 4)
        if count >= 4, first == Self.lam, second == Self.lam { return (start + 2)..<word.endIndex }
        // و (needs 4)
        if count >= 4, first == Self.waw {
            if protectWaw, protected.contains(word) { return word.indices }
            return (start + 1)..<word.endIndex
        }
        return word.indices
    }

    /// - Parameters:
    ///   - minimumShort: letters that must remain after removing a suffix other than ان ون ين.
    ///   - minimumLong: letters that must remain after removing ان ون ين.
    private static func stripSuffixes(_ word: ArraySlice<Unicode.Scalar>, minimumShort: Int, minimumLong: Int) -> Range<Int> {
        let start = word.startIndex
        var end = word.endIndex
        for (first, second, long) in suffixes {
            let length = second == 0 ? 1 : 2
            let minimum = long ? minimumLong : minimumShort
            guard end - start >= length + minimum else { continue }
            if second == 0 {
                if word[end - 1].value == first { end -= 1 }
            } else if word[end - 2].value == first, word[end - 1].value == second {
                end -= 2
            }
        }
        return start..<end
    }
}
