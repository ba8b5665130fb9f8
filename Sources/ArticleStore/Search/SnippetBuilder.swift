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
    /// long text is then never analyzed (otherwise the whole text is).
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
    /// Only the text's opening (``openingBytes``) is analyzed when a passage in it holds every
    /// query word: the same passage as analyzing it whole.
    /// `openingBytes` nil analyzes the whole text at once (for tests).
    func snippet(of text: String, words: Int, openingBytes: Int? = Self.openingBytes) -> (text: String, highlights: [Range<Int>]) {
        let found = passage(of: text, words: words, openingBytes: openingBytes)
        return (found.text, found.highlights)
    }

    /// ``snippet(of:words:openingBytes:)`` and how many bytes of the text it analyzed last.
    func passage(of text: String, words: Int, openingBytes: Int? = Self.openingBytes) -> (text: String, highlights: [Range<Int>], analyzedBytes: Int) {
        let width = max(words, 4)
        if let limit = openingBytes, limit < text.utf8.count, let opening = Self.opening(of: text, bytes: limit) {
            let analyzed = analyzed(opening)
            let window = bestWindow(analyzed, width: width)
            // Trusted only when the passage holds the whole query and ends before the opening's
            // last word (which the rest of the text might still change): no later passage can
            // beat it, and it reads the same words as in the whole text.
            if window.distinct >= queryWords, window.start + width < analyzed.words.count - 1 {
                let found = cut(text, analyzed, window, cutEnd: true)
                return (found.text, found.highlights, opening.utf8.count)
            }
        }
        let analyzed = analyzed(text)
        guard !analyzed.words.isEmpty else { return (Self.flatten(text[...]), [], text.utf8.count) }
        let window = bestWindow(analyzed, width: width)
        let found = cut(text, analyzed, window, cutEnd: window.end < analyzed.words.count)
        return (found.text, found.highlights, text.utf8.count)
    }

    /// `text` up to the last space or line break within its first `bytes` bytes (nil when there
    /// is none).
    private static func opening(of text: String, bytes: Int) -> String? {
        let utf8 = text.utf8
        var end = utf8.index(utf8.startIndex, offsetBy: bytes)
        while end > utf8.startIndex {
            let previous = utf8.index(before: end)
            if utf8[previous] == UInt8(ascii: " ") || utf8[previous] == UInt8(ascii: "\n") {
                return String(decoding: utf8[..<previous], as: UTF8.self)
            }
            end = previous
        }
        return nil
    }

    /// The matched words of `analyzed` and the passage of `width` words chosen among them.
    private func bestWindow(_ analyzed: AnalyzedText, width: Int) -> (start: Int, end: Int, distinct: Int, matched: [Int]) {
        let all = analyzed.words
        let matched = all.indices.filter { matches(analyzed, $0) }
        // Each matched word's term as a small number (equal stems, equal numbers).
        var termOf: [UInt64: Int] = [:]
        let term = matched.map { index in
            let hash = Self.stemHash(analyzed, index)
            if let known = termOf[hash] { return known }
            termOf[hash] = termOf.count
            return termOf.count - 1
        }
        var best = (start: 0, end: min(all.count, width), distinct: -1)
        // One pass: the window starts a quarter width before each match in turn, so both of
        // its ends only move forward over the matched words.
        var counts = [Int](repeating: 0, count: termOf.count)
        var (low, high, distinct) = (0, 0, 0)
        for anchor in matched {
            let start = max(0, anchor - width / 4)
            let end = min(all.count, start + width)
            while high < matched.count, matched[high] < end {
                if counts[term[high]] == 0 { distinct += 1 }
                counts[term[high]] += 1
                high += 1
            }
            while low < high, matched[low] < start {
                counts[term[low]] -= 1
                if counts[term[low]] == 0 { distinct -= 1 }
                low += 1
            }
            let score = min(distinct, queryWords)
            if score > best.distinct {
                best = (start, end, score)
                if score == queryWords { break }
            }
        }
        return (best.start, best.end, max(0, best.distinct), matched)
    }

    /// The passage `window` of `text` with its highlights.
    private func cut(_ text: String, _ analyzed: AnalyzedText, _ window: (start: Int, end: Int, distinct: Int, matched: [Int]),
                     cutEnd: Bool) -> (text: String, highlights: [Range<Int>]) {
        let all = analyzed.words
        let cutStart = window.start > 0
        let utf8 = text.utf8
        let startIndex = cutStart ? utf8.index(utf8.startIndex, offsetBy: all[window.start].utf8Range.lowerBound) : text.startIndex
        let endIndex = cutEnd ? utf8.index(utf8.startIndex, offsetBy: all[window.end - 1].utf8Range.upperBound) : text.endIndex
        let startScalar = cutStart ? all[window.start].scalarRange.lowerBound : 0
        let lead = cutStart ? "… " : ""
        let shift = lead.unicodeScalars.count - startScalar
        var snippet = lead + Self.flatten(text[startIndex..<endIndex])
        if cutEnd { snippet += " …" }
        let highlights = window.matched.filter { $0 >= window.start && $0 < window.end }.map { index -> Range<Int> in
            let range = all[index].scalarRange
            return (range.lowerBound + shift)..<(range.upperBound + shift)
        }
        return (snippet, highlights)
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
