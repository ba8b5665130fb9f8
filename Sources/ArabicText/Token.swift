/// One word of analyzed text: where it is in the original string and what it becomes.
///
/// Offsets are given three ways so every consumer can slice the original text directly:
/// UTF-8 bytes (SQLite byte offsets, `String.utf8`), UTF-16 code units (`NSRange`, JavaScript),
/// and Unicode scalars (SQLite `substr()`, Python `str`).
///
/// The strings (``original``, ``normalized``, ``stem``) are made when read, from buffers the
/// tokens of one text share: a consumer that needs only stems and offsets, as an indexer does,
/// pays for nothing else (the way Lucene's attributes are views of its buffers).
public struct Token: Sendable {
    /// Byte range in the original string's UTF-8.
    public let utf8Range: Range<Int>
    /// Code-unit range in the original string's UTF-16.
    public let utf16Range: Range<Int>
    /// Range in the original string's Unicode scalars (code points).
    public let scalarRange: Range<Int>
    /// 0-based word position in the text; stopwords take positions too.
    public let position: Int
    /// True when the word is a stopword in this profile.
    public let isStopword: Bool
    /// Number of Unicode scalars in the stem (0 for a word that normalizes to nothing): what
    /// an indexer reads, without making the string.
    public let stemLength: Int
    private let source: TokenSource
    /// The original word's bytes in `source.text`.
    private let originalBytes: Range<Int>

    /// The word exactly as written, harakat and all.
    public var original: Substring {
        let utf8 = source.text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: originalBytes.lowerBound)
        return source.text[start..<utf8.index(start, offsetBy: originalBytes.count)]
    }

    /// The normalized form: folded letters, no marks, ASCII digits, lower case.
    public var normalized: String {
        if let fixed = source.fixed { return fixed.normalized }
        return ScalarString.make(source.normalized(scalarRange))
    }

    /// The stem of the normalized form.
    public var stem: String {
        if let fixed = source.fixed { return fixed.stem }
        let word = source.analyze(scalarRange)
        return ScalarString.make(word.normalized[word.stemRange])
    }

    public init(original: Substring, utf8Range: Range<Int>, utf16Range: Range<Int>, scalarRange: Range<Int>,
                position: Int, normalized: String, stem: String, isStopword: Bool) {
        source = TokenSource(text: original.base, fixed: (normalized, stem))
        let base = original.base.utf8
        let start = base.distance(from: base.startIndex, to: original.startIndex)
        originalBytes = start..<(start + original.utf8.count)
        stemLength = stem.unicodeScalars.count
        self.utf8Range = utf8Range
        self.utf16Range = utf16Range
        self.scalarRange = scalarRange
        self.position = position
        self.isStopword = isStopword
    }

    /// A token of `source.text` at `utf8Range` / `scalarRange`.
    init(source: TokenSource, utf8Range: Range<Int>, utf16Range: Range<Int>, scalarRange: Range<Int>, position: Int,
         stemLength: Int, isStopword: Bool) {
        self.source = source
        self.originalBytes = utf8Range
        self.stemLength = stemLength
        self.utf8Range = utf8Range
        self.utf16Range = utf16Range
        self.scalarRange = scalarRange
        self.position = position
        self.isStopword = isStopword
    }

    /// The range of this token in `text`, the string it was produced from.
    public func range(in text: String) -> Range<String.Index> {
        let original = original
        return original.startIndex..<original.endIndex
    }
}

extension Token: Equatable, Hashable {
    public static func == (lhs: Token, rhs: Token) -> Bool {
        lhs.utf8Range == rhs.utf8Range && lhs.utf16Range == rhs.utf16Range && lhs.scalarRange == rhs.scalarRange
            && lhs.position == rhs.position && lhs.isStopword == rhs.isStopword && lhs.original == rhs.original
            && lhs.normalized == rhs.normalized && lhs.stem == rhs.stem
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(utf8Range)
        hasher.combine(position)
        hasher.combine(original)
        hasher.combine(normalized)
        hasher.combine(stem)
    }
}

/// What the tokens of one analyzed text share: the text, its scalars and the analyzer, from
/// which a token's normalized form and stem are derived again when read (or, for a token made
/// with the public initializer, those strings as given).
final class TokenSource: Sendable {
    let text: String
    private let scalars: [Unicode.Scalar]
    private let analyzer: Analyzer?
    let fixed: (normalized: String, stem: String)?

    init(text: String, scalars: [Unicode.Scalar], analyzer: Analyzer) {
        self.text = text
        self.scalars = scalars
        self.analyzer = analyzer
        fixed = nil
    }

    init(text: String, fixed: (normalized: String, stem: String)) {
        self.text = text
        scalars = []
        analyzer = nil
        self.fixed = fixed
    }

    /// The normalized scalars of the word at `range` of the scalars.
    func normalized(_ range: Range<Int>) -> [Unicode.Scalar] {
        guard let analyzer else { return [] }
        var buffer: [Unicode.Scalar] = []
        scalars.withUnsafeBufferPointer { analyzer.normalizeWord(UnsafeBufferPointer(rebasing: $0[range]), into: &buffer) }
        return buffer
    }

    /// The normalized scalars and stem range of the word at `range` of the scalars.
    func analyze(_ range: Range<Int>) -> (normalized: [Unicode.Scalar], stemRange: Range<Int>) {
        guard let analyzer else { return ([], 0..<0) }
        var buffer: [Unicode.Scalar] = []
        let stemRange = scalars.withUnsafeBufferPointer { analyzer.analyzeWord(UnsafeBufferPointer(rebasing: $0[range]), into: &buffer).stemRange }
        return (buffer, stemRange)
    }
}
