/// A text analyzed once (``Analyzer/analyze(_:)``): everything indexing, hashing, near-duplicate
/// signatures and entity extraction need from it, without analyzing it again or making a
/// `String` per word.
public struct AnalyzedText: Sendable {
    /// One word: where it is and where its normalized form and stem are.
    public struct Word: Sendable, Equatable {
        /// Range in ``AnalyzedText/scalars`` (the original text's Unicode scalars).
        public let scalarRange: Range<Int>
        /// Byte range in the original text's UTF-8.
        public let utf8Range: Range<Int>
        /// Range of the normalized form in ``AnalyzedText/normalizedScalars`` (empty for a word
        /// that normalizes to nothing, such as a lone tatweel).
        public let normalizedRange: Range<Int>
        /// Range of the stem in ``AnalyzedText/normalizedScalars``, inside `normalizedRange`.
        public let stemRange: Range<Int>
        /// True when the word is a stopword in the analyzer's profile.
        public let isStopword: Bool
    }

    /// The original text's Unicode scalars.
    public let scalars: [Unicode.Scalar]
    /// Every word's normalized form, one after another (see ``Word/normalizedRange``).
    public let normalizedScalars: [Unicode.Scalar]
    /// The words in text order, stopwords included.
    public let words: [Word]
    /// The normalized words joined by single spaces.
    public let normalizedText: String
    /// The index terms (stems of the words that are not stopwords) joined by single spaces.
    public let termsText: String

    /// The normalized form of word `index`.
    public func normalized(_ index: Int) -> ArraySlice<Unicode.Scalar> {
        normalizedScalars[words[index].normalizedRange]
    }

    /// The normalized form of word `index`, as a string.
    public func normalizedString(_ index: Int) -> String {
        ScalarString.make(normalizedScalars[words[index].normalizedRange])
    }

    /// The stems of the words joined by single spaces; with `includingStopwords`, of every word
    /// (what ``Analyzer/termsText(_:includingStopwords:)`` gives), else ``termsText``.
    public func stemsText(includingStopwords: Bool) -> String {
        guard includingStopwords else { return termsText }
        var text = UTF8Builder(capacity: normalizedScalars.count * 2)
        for word in words where !word.stemRange.isEmpty { text.appendWord(normalizedScalars[word.stemRange]) }
        return text.string
    }

    /// The original text of the scalars in `range`.
    public func original(_ range: Range<Int>) -> String {
        ScalarString.make(scalars[range])
    }
}
