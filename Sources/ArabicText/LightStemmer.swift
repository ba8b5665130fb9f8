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
        return scalars.withUnsafeBufferPointer { ScalarString.make($0[stemRange($0)]) }
    }

    /// The range of `word` (0-based) that is its stem. `isProtected`: whether `word` is a
    /// protected word, when the caller has looked it up already (nil: look it up).
    func stemRange(_ word: UnsafeBufferPointer<Unicode.Scalar>, isProtected: Bool? = nil) -> Range<Int> {
        switch rules {
        case .lucene:
            let afterPrefix = Self.stripPrefix(word)
            return Self.stripSuffixes(word, afterPrefix, minimumShort: 2, minimumLong: 2)
        case .default:
            // A protected word keeps its و too (وزير، وطن): it returns here, before any prefix goes.
            if isProtected ?? protected.contains(word) { return 0..<word.count }
            let afterPrefix = Self.stripPrefix(word)
            if afterPrefix.count != word.count, protected.contains(UnsafeBufferPointer(rebasing: word[afterPrefix])) { return afterPrefix }
            // A one-letter proclitic on a protected word: بإيران، لوزير، وبطهران → ايران، وزير، طهران.
            if afterPrefix.count >= 4, Self.isProclitic(word[afterPrefix.lowerBound].value),
               protected.contains(UnsafeBufferPointer(rebasing: word[(afterPrefix.lowerBound + 1)..<afterPrefix.upperBound])) {
                return (afterPrefix.lowerBound + 1)..<afterPrefix.upperBound
            }
            return Self.stripSuffixes(word, afterPrefix, minimumShort: 3, minimumLong: 4)
        }
    }

    /// ب ل ك ف: prepositions and conjunctions written joined to the next word.
    @inline(__always)
    private static func isProclitic(_ value: UInt32) -> Bool {
        value == beh || value == lam || value == kaf || value == feh
    }

    /// The first matching prefix of ال وال بال كال فال لل و, in that order.
    private static func stripPrefix(_ word: UnsafeBufferPointer<Unicode.Scalar>) -> Range<Int> {
        let count = word.count
        guard count >= 2 else { return 0..<count }
        let first = word[0].value, second = word[1].value
        // ال (needs 4 letters so two remain)
        if count >= 4, first == alef, second == lam { return 2..<count }
        // وال بال كال فال (need 5)
        if count >= 5, second == alef, word[2].value == lam, first == waw || first == beh || first == kaf || first == feh {
            return 3..<count
        }
        // لل (needs 4)
        if count >= 4, first == lam, second == lam { return 2..<count }
        // و (needs 4)
        if count >= 4, first == waw { return 1..<count }
        return 0..<count
    }

    /// - Parameters:
    ///   - minimumShort: letters that must remain after removing a suffix other than ان ون ين.
    ///   - minimumLong: letters that must remain after removing ان ون ين.
    private static func stripSuffixes(_ word: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>,
                                      minimumShort: Int, minimumLong: Int) -> Range<Int> {
        let start = range.lowerBound
        var end = range.upperBound
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
