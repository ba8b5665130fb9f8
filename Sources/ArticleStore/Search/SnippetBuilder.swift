import ArabicText

/// Cuts a passage of the original text around the best match and locates the matched words in
/// it. The text is re-analyzed, so a word matches whatever its harakat or letter forms, and the
/// highlight covers the word exactly as written. Words are compared as scalars: no string is
/// made per word.
struct SnippetBuilder {
    let analyzer: Analyzer
    private let terms: [[Unicode.Scalar]]
    private let prefixes: [[Unicode.Scalar]]

    init(analyzer: Analyzer, terms: Set<String>, prefixes: [String]) {
        self.analyzer = analyzer
        self.terms = terms.map { Array($0.unicodeScalars) }
        self.prefixes = prefixes.map { Array($0.unicodeScalars) }
    }

    /// Whether word `index` of `text` is a match: its stem is a term, or it starts with a
    /// prefix (before or after its article).
    private func matches(_ text: AnalyzedText, _ index: Int) -> Bool {
        let word = text.words[index]
        guard !word.isStopword, !word.stemRange.isEmpty else { return false }
        let stem = text.normalizedScalars[word.stemRange]
        if terms.contains(where: { $0.count == stem.count && $0.elementsEqual(stem) }) { return true }
        if prefixes.isEmpty { return false }
        let stripped = Self.withoutArticle(text.normalizedScalars[word.normalizedRange])
        return prefixes.contains { stem.starts(with: $0) || stripped.starts(with: $0) }
    }

    /// ``FTSQueryBuilder/withoutArticle(_:)`` on scalars.
    private static let articles: [[Unicode.Scalar]] = ["وال", "بال", "كال", "فال", "ال", "لل"].map { Array($0.unicodeScalars) }

    private static func withoutArticle(_ word: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        for article in articles where word.count - article.count >= 2 && word.starts(with: article) {
            return word.dropFirst(article.count)
        }
        return word
    }

    /// FNV-1a of a word's stem: tells matched words apart without strings.
    private static func stemHash(_ text: AnalyzedText, _ index: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in text.normalizedScalars[text.words[index].stemRange] {
            hash = (hash ^ UInt64(scalar.value)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// Highlight ranges (code points) of matched words in `text`, which is shown whole.
    func highlights(in text: String) -> [Range<Int>] {
        let analyzed = analyzer.analyze(text)
        return analyzed.words.indices.filter { matches(analyzed, $0) }.map { analyzed.words[$0].scalarRange }
    }

    /// A passage of about `words` words around the densest cluster of matches, with "…" where
    /// cut, line breaks shown as spaces, and the matched words' code-point ranges in it.
    func snippet(of text: String, words: Int) -> (text: String, highlights: [Range<Int>]) {
        let analyzed = analyzer.analyze(text)
        let all = analyzed.words
        guard !all.isEmpty else { return (Self.flatten(text[...]), []) }
        let matched = all.indices.filter { matches(analyzed, $0) }
        let hashes = matched.map { Self.stemHash(analyzed, $0) }
        let width = max(words, 4)
        var best = (start: 0, end: min(all.count, width), score: -1)
        var distinct = Set<UInt64>()
        for anchor in matched {
            let start = max(0, anchor - width / 4)
            let end = min(all.count, start + width)
            distinct.removeAll(keepingCapacity: true)
            var count = 0
            for (order, index) in matched.enumerated() where index >= start && index < end {
                distinct.insert(hashes[order])
                count += 1
            }
            let score = distinct.count * 1000 + count
            if score > best.score { best = (start, end, score) }
        }
        let cutStart = best.start > 0
        let cutEnd = best.end < all.count
        let utf8 = text.utf8
        let startIndex = cutStart ? utf8.index(utf8.startIndex, offsetBy: all[best.start].utf8Range.lowerBound) : text.startIndex
        let endIndex = cutEnd ? utf8.index(utf8.startIndex, offsetBy: all[best.end - 1].utf8Range.upperBound) : text.endIndex
        let startScalar = cutStart ? all[best.start].scalarRange.lowerBound : 0
        let lead = cutStart ? "… " : ""
        let shift = lead.unicodeScalars.count - startScalar
        var snippet = lead + Self.flatten(text[startIndex..<endIndex])
        if cutEnd { snippet += " …" }
        let highlights = matched.filter { $0 >= best.start && $0 < best.end }.map { index -> Range<Int> in
            let range = all[index].scalarRange
            return (range.lowerBound + shift)..<(range.upperBound + shift)
        }
        return (snippet, highlights)
    }

    /// Line breaks become spaces one scalar for one, so code-point offsets stay valid. Works on
    /// the UTF-8 bytes: U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
    static func flatten(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pending: [UInt8] = []
        for byte in text.utf8 {
            if !pending.isEmpty {
                pending.append(byte)
                if pending.count == 2, pending[1] != 0x80 {
                    bytes += pending
                    pending.removeAll()
                } else if pending.count == 3 {
                    if pending[2] == 0xA8 || pending[2] == 0xA9 { bytes.append(0x20) } else { bytes += pending }
                    pending.removeAll()
                }
                continue
            }
            switch byte {
            case 0x0A, 0x0D: bytes.append(0x20)
            case 0xE2: pending.append(byte)
            default: bytes.append(byte)
            }
        }
        bytes += pending
        return String(decoding: bytes, as: UTF8.self)
    }
}
