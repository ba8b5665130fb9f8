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
    }

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
        forEachToken(in: text) { token in
            if !token.isStopword && !token.stem.isEmpty { result.append(token.stem) }
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
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { return }
        let classes = scalars.map(ScalarClass.init)
        // Running offsets from the start of the text to the scalar at `cursor`.
        var cursor = 0, utf8 = 0, utf16 = 0
        var position = 0
        var buffer: [Unicode.Scalar] = []
        let utf8View = text.utf8
        segmenter.segment(scalars, classes) { span in
            while cursor < span.start {
                utf8 += scalars[cursor].utf8.count
                utf16 += scalars[cursor].utf16.count
                cursor += 1
            }
            let startUTF8 = utf8, startUTF16 = utf16
            while cursor < span.end {
                utf8 += scalars[cursor].utf8.count
                utf16 += scalars[cursor].utf16.count
                cursor += 1
            }
            let startIndex = utf8View.index(utf8View.startIndex, offsetBy: startUTF8)
            let endIndex = utf8View.index(startIndex, offsetBy: utf8 - startUTF8)
            let word = scalars[span.start..<span.end]

            buffer.removeAll(keepingCapacity: true)
            let isStopword: Bool
            switch profile {
            case .lucene, .lucenePersian:
                // Lucene: lower case and digits, stop filter on that, then normalize.
                lowercaseAndFoldDigits(word, into: &buffer)
                isStopword = Stopwords.lucene.contains(Self.string(buffer))
                luceneNormalizer.normalize(&buffer)
            case .default:
                normalizer.normalize(word, into: &buffer)
                isStopword = Stopwords.normalized.contains(Self.string(buffer))
            }
            let stem = stemmer.stem(buffer)
            body(Token(original: text[startIndex..<endIndex],
                       utf8Range: startUTF8..<utf8, utf16Range: startUTF16..<utf16,
                       scalarRange: span.start..<span.end, position: position,
                       normalized: Self.string(buffer), stem: Self.string(stem), isStopword: isStopword))
            position += 1
        }
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
    private func lowercaseAndFoldDigits(_ word: ArraySlice<Unicode.Scalar>, into buffer: inout [Unicode.Scalar]) {
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

    private static func string<Scalars: Sequence>(_ scalars: Scalars) -> String where Scalars.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
