/// Turns text into tokens with offsets, normalized forms and stems. The same analyzer runs when
/// articles are indexed and when queries are parsed, so both sides meet on the same terms.
///
/// ```swift
/// let analyzer = Analyzer()                       // default profile
/// for token in analyzer.tokens("وشدَّد ريابكوف على التعاون") {
///     print(token.original, token.normalized, token.stem, token.isStopword)
/// }
/// analyzer.terms("العربيّة")                       // ["عربي"]
/// ```
public struct Analyzer: Sendable {
    /// The chain this analyzer runs.
    public let profile: AnalyzerProfile
    private let segmenter: WordSegmenter
    private let stemmer: LightStemmer
    private let normalizer = Normalizer()
    private let luceneNormalizer: LuceneNormalizer
    private let stopwords: WordTable
    /// Default profile: stopwords and protected words in one table, so the word is hashed once
    /// for both questions (flag 1: stopword, 2: protected).
    private let wordFlags: WordTable
    private let flagsByIndex: [UInt8]

    public init(profile: AnalyzerProfile = .default) {
        self.profile = profile
        switch profile {
        case .lucene, .lucenePersian:
            segmenter = WordSegmenter(mode: .standard)
            stemmer = LightStemmer(rules: .lucene)
        case .default:
            segmenter = WordSegmenter(mode: .strict)
            stemmer = LightStemmer(rules: .default)
        }
        luceneNormalizer = LuceneNormalizer(persian: profile == .lucenePersian)
        stopwords = profile == .default ? Stopwords.normalizedScalars : Stopwords.luceneScalars
        (wordFlags, flagsByIndex) = Self.defaultWordFlags
    }

    /// Built once per process: every default analyzer shares it.
    private static let defaultWordFlags: (WordTable, [UInt8]) = {
        let stopwordList = Array(Stopwords.normalized), protectedList = Array(ProtectedWords.words)
        let table = WordTable(stopwordList + protectedList)
        var flags = [UInt8](repeating: 0, count: table.count)
        for word in stopwordList { flags[table.index(of: word)!] |= 1 }
        for word in protectedList { flags[table.index(of: word)!] |= 2 }
        return (table, flags)
    }()

    /// Every word of `text`, stopwords included (flagged), with offsets into `text`.
    public func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        forEachToken(in: text) { result.append($0) }
        return result
    }

    /// The index terms of `text`: the stems of its words that are not stopwords, in order.
    /// Words that normalize to nothing (a lone tatweel) are skipped.
    public func terms(_ text: String) -> [String] {
        var result: [String] = []
        forEachWord(in: text) { word, normalized in
            if !word.isStopword && !word.stemRange.isEmpty { result.append(Self.string(normalized[word.stemRange])) }
        }
        return result
    }

    /// The normalized form of a single word, as this profile normalizes it.
    public func normalize(_ word: String) -> String {
        var scalars: [Unicode.Scalar] = []
        normalizeWord(word.unicodeScalars[...], into: &scalars)
        return Self.string(scalars)
    }

    /// The stem of an already normalized word.
    public func stem(normalized word: String) -> String { stemmer.stem(word) }

    /// Calls `body` with each token of `text` in order.
    public func forEachToken(in text: String, _ body: (Token) -> Void) {
        let (scalars, classes) = Self.decode(text)
        // The tokens share the text and its scalars; a token's normalized form and stem are
        // derived again from its scalars only when read.
        let source = TokenSource(text: text, scalars: scalars, analyzer: self)
        forEachWord(scalars: scalars, classes: classes) { word, _ in
            body(Token(source: source, utf8Range: word.utf8Range, utf16Range: word.utf16Range, scalarRange: word.scalarRange,
                       position: word.position, stemLength: word.stemRange.count, isStopword: word.isStopword))
        }
    }

    /// The index terms of `text` joined by single spaces: what the store writes into its
    /// full-text columns. Builds one string, none per word. With `includingStopwords`, the
    /// stems of every word (the key the store matches names and tags by).
    public func termsText(_ text: String, includingStopwords: Bool = false) -> String {
        var terms = UTF8Builder(capacity: text.utf8.count)
        forEachWord(in: text) { word, normalized in
            guard includingStopwords || !word.isStopword, !word.stemRange.isEmpty else { return }
            terms.appendWord(normalized[word.stemRange])
        }
        return terms.string
    }

    /// The normalized words joined by spaces (what the content hash is computed over) and the
    /// index terms joined by spaces, in one pass.
    public func normalizedAndTermsText(_ text: String) -> (normalized: String, terms: String) {
        var normalizedText = UTF8Builder(capacity: text.utf8.count)
        var terms = UTF8Builder(capacity: text.utf8.count)
        forEachWord(in: text) { word, normalized in
            if !normalized.isEmpty { normalizedText.appendWord(normalized) }
            if !word.isStopword, !word.stemRange.isEmpty { terms.appendWord(normalized[word.stemRange]) }
        }
        return (normalizedText.string, terms.string)
    }

    /// Analyzes `text` once for every use the store has of it: the original scalars, each
    /// word's place, normalized form and stem, the normalized words joined by spaces and the
    /// index terms joined by spaces (as ``normalizedAndTermsText(_:)`` gives them).
    public func analyze(_ text: String) -> AnalyzedText {
        analyze(text, joiningTexts: true)
    }

    /// ``analyze(_:)`` without the joined `normalizedText` and `termsText` (left empty): for
    /// callers that only read the words (snippets, highlights), about a quarter cheaper.
    package func analyzeWords(_ text: String) -> AnalyzedText {
        analyze(text, joiningTexts: false)
    }

    /// ``analyzeWords(_:)`` for finding given words: only the words whose normalized form
    /// `mayMatch` accepts are stemmed and looked up as stopwords; the others come with an empty
    /// stem range and as no stopword. A light stem is part of its word, so a filter that asks
    /// whether the form contains a wanted stem loses no match and skips most of the work.
    package func analyzeWords(_ text: String, stemmingOnly mayMatch: (UnsafeBufferPointer<Unicode.Scalar>) -> Bool) -> AnalyzedText {
        withoutActuallyEscaping(mayMatch) { analyze(text, joiningTexts: false, stemmingOnly: $0) }
    }

    private func analyze(_ text: String, joiningTexts: Bool,
                         stemmingOnly mayMatch: ((UnsafeBufferPointer<Unicode.Scalar>) -> Bool)? = nil) -> AnalyzedText {
        let (scalars, classes) = Self.decode(text)
        var words: [AnalyzedText.Word] = []
        words.reserveCapacity(scalars.count / 5)
        var normalizedScalars: [Unicode.Scalar] = []
        normalizedScalars.reserveCapacity(scalars.count)
        var normalizedText = UTF8Builder(capacity: joiningTexts ? text.utf8.count : 0)
        var terms = UTF8Builder(capacity: joiningTexts ? text.utf8.count : 0)
        forEachWord(scalars: scalars, classes: classes, stemmingOnly: mayMatch) { word, normalized in
            let start = normalizedScalars.count
            normalizedScalars.append(contentsOf: normalized)
            words.append(AnalyzedText.Word(scalarRange: word.scalarRange, utf8Range: word.utf8Range,
                                           normalizedRange: start..<normalizedScalars.count,
                                           stemRange: (start + word.stemRange.lowerBound)..<(start + word.stemRange.upperBound),
                                           isStopword: word.isStopword))
            guard joiningTexts else { return }
            if !normalized.isEmpty { normalizedText.appendWord(normalized) }
            if !word.isStopword, !word.stemRange.isEmpty { terms.appendWord(normalized[word.stemRange]) }
        }
        return AnalyzedText(scalars: scalars, normalizedScalars: normalizedScalars, words: words,
                            normalizedText: normalizedText.string, termsText: terms.string)
    }

    /// Where one word is and what it analyzes to, without making strings.
    struct WordView {
        var scalarRange: Range<Int>
        var utf8Range: Range<Int>
        var utf16Range: Range<Int>
        var position: Int
        var isStopword: Bool
        /// The stem's range in the normalized scalars.
        var stemRange: Range<Int>
    }

    /// Calls `body` with each word's normalized scalars (valid only during the call; words
    /// that normalize to nothing are left out) until it returns false. No stems or stopwords:
    /// the cheap pass for comparing word forms.
    public func forEachNormalizedWord(in text: String, _ body: (UnsafeBufferPointer<Unicode.Scalar>) -> Bool) {
        let (scalars, classes) = Self.decode(text)
        guard !scalars.isEmpty else { return }
        var spans: [WordSegmenter.Span] = []
        spans.reserveCapacity(scalars.count / 4)
        segmenter.spans(scalars, classes, into: &spans)
        var buffer: [Unicode.Scalar] = []
        buffer.reserveCapacity(64)
        scalars.withUnsafeBufferPointer { source in
            for span in spans {
                normalizeWord(UnsafeBufferPointer(rebasing: source[span.start..<span.end]), into: &buffer)
                guard !buffer.isEmpty else { continue }
                guard buffer.withUnsafeBufferPointer(body) else { return }
            }
        }
    }

    /// The analysis core: calls `body` with each word and its normalized scalars (valid only
    /// during the call).
    func forEachWord(in text: String, _ body: (WordView, UnsafeBufferPointer<Unicode.Scalar>) -> Void) {
        let (scalars, classes) = Self.decode(text)
        forEachWord(scalars: scalars, classes: classes, body)
    }

    /// The analysis core over decoded scalars and their classes. Works on raw buffers: slicing
    /// arrays per word retained and released their storage several times per word.
    private func forEachWord(scalars: [Unicode.Scalar], classes: [ScalarClass],
                             stemmingOnly mayMatch: ((UnsafeBufferPointer<Unicode.Scalar>) -> Bool)? = nil,
                             _ body: (WordView, UnsafeBufferPointer<Unicode.Scalar>) -> Void) {
        guard !scalars.isEmpty else { return }
        var spans: [WordSegmenter.Span] = []
        spans.reserveCapacity(scalars.count / 4)
        segmenter.spans(scalars, classes, into: &spans)
        // Running offsets from the start of the text to the scalar at `cursor`.
        var cursor = 0, utf8 = 0, utf16 = 0
        var buffer: [Unicode.Scalar] = []
        buffer.reserveCapacity(64)
        scalars.withUnsafeBufferPointer { source in
            for (position, span) in spans.enumerated() {
                while cursor < span.start {
                    let value = source[cursor].value
                    utf8 += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
                    utf16 += value < 0x10000 ? 1 : 2
                    cursor += 1
                }
                let startUTF8 = utf8, startUTF16 = utf16
                while cursor < span.end {
                    let value = source[cursor].value
                    utf8 += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
                    utf16 += value < 0x10000 ? 1 : 2
                    cursor += 1
                }
                let word = UnsafeBufferPointer(rebasing: source[span.start..<span.end])
                let isStopword: Bool, stemRange: Range<Int>
                if let mayMatch {
                    normalizeWord(word, into: &buffer)
                    (isStopword, stemRange) = buffer.withUnsafeBufferPointer(mayMatch) ? analyzeWord(word, into: &buffer) : (false, 0..<0)
                } else {
                    (isStopword, stemRange) = analyzeWord(word, into: &buffer)
                }
                buffer.withUnsafeBufferPointer { normalized in
                    let view = WordView(scalarRange: span.start..<span.end, utf8Range: startUTF8..<utf8,
                                        utf16Range: startUTF16..<utf16, position: position, isStopword: isStopword,
                                        stemRange: stemRange)
                    body(view, normalized)
                }
            }
        }
    }

    /// One word's normalized scalars only (replacing `buffer`'s contents).
    func normalizeWord(_ word: UnsafeBufferPointer<Unicode.Scalar>, into buffer: inout [Unicode.Scalar]) {
        buffer.removeAll(keepingCapacity: true)
        if profile != .default {
            Self.lowercaseAndFoldDigits(word, into: &buffer)
            luceneNormalizer.normalize(&buffer)
        } else {
            normalizer.normalize(word, into: &buffer)
        }
    }

    /// One word's analysis: its normalized scalars (replacing `buffer`'s contents), whether it is
    /// a stopword, and its stem's range in the normalized scalars.
    func analyzeWord(_ word: UnsafeBufferPointer<Unicode.Scalar>, into buffer: inout [Unicode.Scalar]) -> (isStopword: Bool, stemRange: Range<Int>) {
        buffer.removeAll(keepingCapacity: true)
        if profile != .default {
            // Lucene: lower case and digits, stop filter on that, then normalize.
            Self.lowercaseAndFoldDigits(word, into: &buffer)
            let isStopword = buffer.withUnsafeBufferPointer { stopwords.contains($0) }
            luceneNormalizer.normalize(&buffer)
            return (isStopword, buffer.withUnsafeBufferPointer { stemmer.stemRange($0) })
        }
        normalizer.normalize(word, into: &buffer)
        return buffer.withUnsafeBufferPointer { normalized in
            let flags = wordFlags.index(of: normalized).map { flagsByIndex[$0] } ?? 0
            return (flags & 1 != 0, stemmer.stemRange(normalized, isProtected: flags & 2 != 0))
        }
    }

    /// The scalars of `text` and their word-break classes, decoded straight from its UTF-8.
    private static func decode(_ text: String) -> ([Unicode.Scalar], [ScalarClass]) {
        let table = ScalarClass.table
        let fast = text.utf8.withContiguousStorageIfAvailable { bytes -> ([Unicode.Scalar], [ScalarClass]) in
            let count = bytes.count
            var decoded = 0
            var classes: [ScalarClass] = []
            let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { scalarBuffer, scalarCount in
                classes = [ScalarClass](unsafeUninitializedCapacity: count) { classBuffer, classCount in
                    var index = 0
                    while index < count {
                        let lead = UInt32(bytes[index])
                        let value: UInt32
                        // String storage is valid UTF-8, so continuation bytes can be trusted.
                        if lead < 0x80 {
                            value = lead
                            index += 1
                        } else if lead < 0xE0 {
                            value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                            index += 2
                        } else if lead < 0xF0 {
                            value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                            index += 3
                        } else {
                            value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                            index += 4
                        }
                        let scalar = unsafeBitCast(value, to: Unicode.Scalar.self)
                        scalarBuffer.initializeElement(at: decoded, to: scalar)
                        classBuffer.initializeElement(at: decoded, to: value < 0x0700 ? table[Int(value)] : ScalarClass(scalar))
                        decoded += 1
                    }
                    classCount = decoded
                }
                scalarCount = decoded
            }
            return (scalars, classes)
        }
        if let fast { return fast }
        let scalars = Array(text.unicodeScalars)
        return (scalars, scalars.map(ScalarClass.of))
    }

    private func normalizeWord(_ word: Substring.UnicodeScalarView, into buffer: inout [Unicode.Scalar]) {
        switch profile {
        case .lucene, .lucenePersian:
            buffer = Array(word)
            luceneNormalizer.normalize(&buffer)
        case .default:
            normalizer.normalize(word, into: &buffer)
        }
    }

    /// Lucene's LowerCaseFilter and DecimalDigitFilter.
    private static func lowercaseAndFoldDigits(_ word: UnsafeBufferPointer<Unicode.Scalar>, into buffer: inout [Unicode.Scalar]) {
        for scalar in word {
            let value = scalar.value
            if value < 0x80 {
                buffer.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(value + 0x20)! : scalar)
            } else if value >= 0x0600 && value <= 0x06FF {
                switch value {
                case 0x0660...0x0669: buffer.append(Unicode.Scalar(0x30 + value - 0x0660)!)
                case 0x06F0...0x06F9: buffer.append(Unicode.Scalar(0x30 + value - 0x06F0)!)
                default: buffer.append(scalar)
                }
            } else {
                let properties = scalar.properties
                if properties.numericType == .decimal, let digit = properties.numericValue {
                    buffer.append(Unicode.Scalar(0x30 + UInt32(digit))!)
                } else if properties.changesWhenLowercased {
                    let lower = properties.lowercaseMapping.unicodeScalars
                    buffer.append(lower.count == 1 ? lower.first! : scalar)
                } else {
                    buffer.append(scalar)
                }
            }
        }
    }

    private static func string<Scalars: Collection>(_ scalars: Scalars) -> String where Scalars.Element == Unicode.Scalar {
        ScalarString.make(scalars)
    }
}
