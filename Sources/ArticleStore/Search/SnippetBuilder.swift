import ArabicText

/// Cuts a passage of the original text around the best match and locates the matched words in
/// it. The text is re-analyzed, so a word matches whatever its harakat or letter forms, and the
/// highlight covers the word exactly as written.
struct SnippetBuilder {
    let analyzer: Analyzer
    let terms: Set<String>
    let prefixes: [String]

    func matches(_ token: Token) -> Bool {
        // A token makes its strings when read: read each once.
        guard !token.isStopword, token.stemLength > 0 else { return false }
        let stem = token.stem
        if terms.contains(stem) { return true }
        if prefixes.isEmpty { return false }
        let stripped = FTSQueryBuilder.withoutArticle(token.normalized)
        return prefixes.contains { stem.hasPrefix($0) || stripped.hasPrefix($0) }
    }

    /// Highlight ranges (code points) of matched words in `text`, which is shown whole.
    func highlights(in text: String) -> [Range<Int>] {
        analyzer.tokens(text).filter(matches).map(\.scalarRange)
    }

    /// A passage of about `words` words around the densest cluster of matches, with "…" where
    /// cut, line breaks shown as spaces, and the matched words' code-point ranges in it.
    func snippet(of text: String, words: Int) -> (text: String, highlights: [Range<Int>]) {
        let tokens = analyzer.tokens(text)
        guard !tokens.isEmpty else { return (Self.flatten(text[...]), []) }
        let matched = tokens.indices.filter { matches(tokens[$0]) }
        let width = max(words, 4)
        var best = (start: 0, end: min(tokens.count, width), score: -1)
        for anchor in matched {
            let start = max(0, anchor - width / 4)
            let end = min(tokens.count, start + width)
            var distinct = Set<String>()
            var count = 0
            for index in matched where index >= start && index < end {
                distinct.insert(tokens[index].stem)
                count += 1
            }
            let score = distinct.count * 1000 + count
            if score > best.score { best = (start, end, score) }
        }
        let cutStart = best.start > 0
        let cutEnd = best.end < tokens.count
        let startIndex = cutStart ? tokens[best.start].original.startIndex : text.startIndex
        let endIndex = cutEnd ? tokens[best.end - 1].original.endIndex : text.endIndex
        let startScalar = cutStart ? tokens[best.start].scalarRange.lowerBound : 0
        let lead = cutStart ? "… " : ""
        let shift = lead.unicodeScalars.count - startScalar
        var snippet = lead + Self.flatten(text[startIndex..<endIndex])
        if cutEnd { snippet += " …" }
        let highlights = matched.filter { $0 >= best.start && $0 < best.end }.map { index -> Range<Int> in
            let range = tokens[index].scalarRange
            return (range.lowerBound + shift)..<(range.upperBound + shift)
        }
        return (snippet, highlights)
    }

    /// Line breaks become spaces one scalar for one, so code-point offsets stay valid.
    static func flatten(_ text: Substring) -> String {
        var view = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            view.append(scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" ? " " : scalar)
        }
        return String(view)
    }
}
