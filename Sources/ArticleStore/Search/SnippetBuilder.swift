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

    /// Highlights words whose stem is one of `terms`, that start with one of `prefixes`, or
    /// whose normalized form is one of `forms` (quoted words).
    init(analyzer: Analyzer, terms: Set<String>, prefixes: [String], forms: Set<String> = []) {
        self.analyzer = analyzer
        self.terms = terms.map { Array($0.unicodeScalars) }
        self.prefixes = prefixes.map { Array($0.unicodeScalars) }
        self.forms = forms.map { Array($0.unicodeScalars) }
    }

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

    /// A passage of about `words` words around the densest cluster of matches, with "…" where
    /// cut, line breaks shown as spaces, and the matched words' code-point ranges in it.
    func snippet(of text: String, words: Int) -> (text: String, highlights: [Range<Int>]) {
        let analyzed = analyzed(text)
        let all = analyzed.words
        guard !all.isEmpty else { return (Self.flatten(text[...]), []) }
        let matched = all.indices.filter { matches(analyzed, $0) }
        // Each matched word's term as a small number (equal stems, equal numbers).
        var termOf: [UInt64: Int] = [:]
        let term = matched.map { index in
            let hash = Self.stemHash(analyzed, index)
            if let known = termOf[hash] { return known }
            termOf[hash] = termOf.count
            return termOf.count - 1
        }
        let width = max(words, 4)
        var best = (start: 0, end: min(all.count, width), score: -1)
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
            let score = distinct * 1000 + (high - low)
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
