import ArabicText

/// Cuts a passage of the original text around the best match and locates the matched words in
/// it. The text is re-analyzed, so a word matches whatever its harakat or letter forms, and the
/// highlight covers the word exactly as written. Words are compared as scalars: no string is
/// made per word.
struct SnippetBuilder {
    let analyzer: Analyzer
    private let terms: [[Unicode.Scalar]]
    private let prefixes: [[Unicode.Scalar]]
    private let forms: [[Unicode.Scalar]]
    /// How many different matched words a passage needs to hold the whole query.
    private let queryWords: Int

    /// Highlights words whose stem is one of `terms`, that start with one of `prefixes`, or
    /// whose normalized form is one of `forms` (quoted words). `queryWords` is how many words
    /// the query has to highlight (a word may have several terms); nil counts every term,
    /// prefix and form as one.
    init(analyzer: Analyzer, terms: Set<String>, prefixes: [String], forms: Set<String> = [], queryWords: Int? = nil) {
        self.analyzer = analyzer
        self.terms = terms.map { Array($0.unicodeScalars) }
        self.prefixes = prefixes.map { Array($0.unicodeScalars) }
        self.forms = forms.map { Array($0.unicodeScalars) }
        self.queryWords = max(1, queryWords ?? (terms.count + prefixes.count + forms.count))
    }

    /// The opening analyzed first, in bytes: most snippets are found in it, and the rest of a
    /// long text is then never analyzed.
    static let openingBytes = 2048

    /// Whether word `index` of `text` is a match: its stem is a term, it starts with a prefix
    /// (before or after its article), or it is one of the quoted forms.
    private func matches(_ text: AnalyzedText, _ index: Int) -> Bool {
        let word = text.words[index]
        guard !word.isStopword, !word.stemRange.isEmpty else { return false }
        if !forms.isEmpty {
            let form = text.normalizedScalars[word.normalizedRange]
            if forms.contains(where: { $0.count == form.count && $0.elementsEqual(form) }) { return true }
        }
        let stem = text.normalizedScalars[word.stemRange]
        if terms.contains(where: { $0.count == stem.count && $0.elementsEqual(stem) }) { return true }
        if prefixes.isEmpty { return false }
        let stripped = Self.withoutArticle(text.normalizedScalars[word.normalizedRange])
        return prefixes.contains { stem.starts(with: $0) || stripped.starts(with: $0) }
    }

    /// ``FTSQueryBuilder/withoutArticle(_:)`` on scalars, with its articles.
    private static let articles = FTSQueryBuilder.articles.map { Array($0.unicodeScalars) }

    private static func withoutArticle(_ word: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        for article in articles where word.count - article.count >= 2 && word.starts(with: article) {
            return word.dropFirst(article.count)
        }
        return word
    }

    /// Whether a word's normalized form can match: it contains a term or a prefix (a stem is
    /// part of its word). Lets the analysis skip stemming every other word.
    private func mayMatch(_ form: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        func contains(_ part: [Unicode.Scalar]) -> Bool {
            guard let first = part.first, form.count >= part.count else { return false }
            for start in 0...(form.count - part.count) where form[start] == first {
                var index = 1
                while index < part.count, form[start + index] == part[index] { index += 1 }
                if index == part.count { return true }
            }
            return false
        }
        return terms.contains(where: contains) || prefixes.contains(where: contains)
            || forms.contains { $0.count == form.count && $0.elementsEqual(form) }
    }

    /// The text's words, stemmed where they can match.
    private func analyzed(_ text: String) -> AnalyzedText {
        analyzer.analyzeWords(text, stemmingOnly: mayMatch)
    }

    /// ``FNV1a`` of a word's stem: tells matched words apart without strings.
    private static func stemHash(_ text: AnalyzedText, _ index: Int) -> UInt64 {
        var hash = FNV1a()
        hash.add(scalars: text.normalizedScalars[text.words[index].stemRange])
        return hash.value
    }

    /// Highlight ranges (code points) of matched words in `text`, which is shown whole.
    func highlights(in text: String) -> [Range<Int>] {
        let analyzed = analyzed(text)
        return analyzed.words.indices.filter { matches(analyzed, $0) }.map { analyzed.words[$0].scalarRange }
    }

    /// A passage of about `words` words with the most different matched words (up to the
    /// number of query words), the earliest such, starting a quarter of its width before its
    /// first match; with "…" where cut, line breaks shown as spaces, and the matched words'
    /// code-point ranges in it.
    ///
    /// The text is analyzed in pieces cut at spaces, from its opening (``openingBytes``, then
    /// four times more each time), until a passage holds every query word: the rest of a long
    /// text is never analyzed, and the passage is the same as from the whole text. `openingBytes`
    /// nil analyzes the whole text at once (for tests).
    func snippet(of text: String, words: Int, openingBytes: Int? = Self.openingBytes) -> (text: String, highlights: [Range<Int>]) {
        let found = passage(of: text, words: words, openingBytes: openingBytes)
        return (found.text, found.highlights)
    }

    /// A word of the text for choosing a passage: where it is, and its term's number when it
    /// is a match.
    private struct PassageWord {
        let utf8Range: Range<Int>
        let scalarRange: Range<Int>
        let term: Int?
    }

    /// ``snippet(of:words:openingBytes:)`` and how many bytes of the text it analyzed.
    func passage(of text: String, words: Int, openingBytes: Int? = Self.openingBytes) -> (text: String, highlights: [Range<Int>], analyzedBytes: Int) {
        let width = max(words, 4)
        let utf8 = text.utf8
        var all: [PassageWord] = []
        // Each matched word's term as a small number (equal stems, equal numbers).
        var termOf: [UInt64: Int] = [:]
        var (doneBytes, doneScalars) = (0, 0)
        var piece = openingBytes ?? Int.max
        while true {
            let end = piece >= utf8.count - doneBytes ? utf8.count : Self.spaceBefore(utf8, doneBytes + piece, after: doneBytes) ?? utf8.count
            let pieceText = end == utf8.count && doneBytes == 0 ? text
                : String(decoding: utf8[utf8.index(utf8.startIndex, offsetBy: doneBytes)..<utf8.index(utf8.startIndex, offsetBy: end)], as: UTF8.self)
            let analyzed = analyzed(pieceText)
            for index in analyzed.words.indices {
                let word = analyzed.words[index]
                var term: Int?
                if matches(analyzed, index) {
                    let hash = Self.stemHash(analyzed, index)
                    term = termOf[hash] ?? termOf.count
                    termOf[hash] = term
                }
                all.append(PassageWord(utf8Range: (word.utf8Range.lowerBound + doneBytes)..<(word.utf8Range.upperBound + doneBytes),
                                       scalarRange: (word.scalarRange.lowerBound + doneScalars)..<(word.scalarRange.upperBound + doneScalars),
                                       term: term))
            }
            doneScalars += analyzed.scalars.count
            doneBytes = end
            if doneBytes == utf8.count { break }
            // Trusted only when the passage holds the whole query and ends before the last
            // word read: no later passage can beat it.
            let window = bestWindow(all, terms: termOf.count, width: width)
            if window.distinct >= queryWords, window.start + width < all.count - 1 {
                return cut(text, all, window, cutEnd: true, analyzedBytes: doneBytes)
            }
            piece = piece > Int.max / 4 ? Int.max : piece * 4
        }
        guard !all.isEmpty else { return (Self.flatten(text[...]), [], utf8.count) }
        let window = bestWindow(all, terms: termOf.count, width: width)
        return cut(text, all, window, cutEnd: window.end < all.count, analyzedBytes: utf8.count)
    }

    /// The offset of the last space or line break before byte `limit` and after byte `floor`
    /// (nil when there is none).
    private static func spaceBefore(_ utf8: String.UTF8View, _ limit: Int, after floor: Int) -> Int? {
        var index = utf8.index(utf8.startIndex, offsetBy: limit)
        var offset = limit
        while offset > floor + 1 {
            index = utf8.index(before: index)
            offset -= 1
            if utf8[index] == UInt8(ascii: " ") || utf8[index] == UInt8(ascii: "\n") { return offset }
        }
        return nil
    }

    /// The passage of `width` words chosen among the matched words of `all`.
    private func bestWindow(_ all: [PassageWord], terms: Int, width: Int) -> (start: Int, end: Int, distinct: Int) {
        var best = (start: 0, end: min(all.count, width), distinct: 0)
        var bestScore = -1
        // One pass: the window starts a quarter width before each match in turn, so both of
        // its ends only move forward over the matched words.
        var counts = [Int](repeating: 0, count: terms)
        var (low, high, distinct) = (0, 0, 0)
        for anchor in all.indices where all[anchor].term != nil {
            let start = max(0, anchor - width / 4)
            let end = min(all.count, start + width)
            while high < end {
                if let term = all[high].term {
                    if counts[term] == 0 { distinct += 1 }
                    counts[term] += 1
                }
                high += 1
            }
            while low < start {
                if let term = all[low].term {
                    counts[term] -= 1
                    if counts[term] == 0 { distinct -= 1 }
                }
                low += 1
            }
            let score = min(distinct, queryWords)
            if score > bestScore {
                (best, bestScore) = ((start, end, score), score)
                if score == queryWords { break }
            }
        }
        return best
    }

    /// The passage `window` of `text` with its highlights.
    private func cut(_ text: String, _ all: [PassageWord], _ window: (start: Int, end: Int, distinct: Int),
                     cutEnd: Bool, analyzedBytes: Int) -> (text: String, highlights: [Range<Int>], analyzedBytes: Int) {
        let cutStart = window.start > 0
        let utf8 = text.utf8
        let startIndex = cutStart ? utf8.index(utf8.startIndex, offsetBy: all[window.start].utf8Range.lowerBound) : text.startIndex
        let endIndex = cutEnd ? utf8.index(utf8.startIndex, offsetBy: all[window.end - 1].utf8Range.upperBound) : text.endIndex
        let startScalar = cutStart ? all[window.start].scalarRange.lowerBound : 0
        let lead = cutStart ? "… " : ""
        let shift = lead.unicodeScalars.count - startScalar
        var snippet = lead + Self.flatten(text[startIndex..<endIndex])
        if cutEnd { snippet += " …" }
        let highlights = all[window.start..<window.end].filter { $0.term != nil }.map { word -> Range<Int> in
            (word.scalarRange.lowerBound + shift)..<(word.scalarRange.upperBound + shift)
        }
        return (snippet, highlights, analyzedBytes)
    }

    /// Line breaks become spaces one scalar for one, so code-point offsets stay valid. Written
    /// as UTF-8 into one buffer (appending to a String scalar by scalar was slow).
    static func flatten(_ text: Substring) -> String {
        var builder = UTF8Builder(capacity: text.utf8.count)
        for scalar in text.unicodeScalars {
            builder.append(scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" ? " " : scalar)
        }
        return builder.string
    }
}
