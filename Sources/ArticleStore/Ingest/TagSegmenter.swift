import ArabicText

/// Splits an undelimited tag line (`كلمات دلالية: وزير الخارجية الإيراني التعاون العسكري ...`)
/// into tags, using the page text: a tag is the longest span of the line whose normalized words
/// also occur, in order and not across punctuation, in the text. Words that match nothing stay
/// single-word tags. Each tag keeps its original spelling from the line.
///
/// A line that has delimiters (`،` `,` `;` `|` `/`) is split at them instead.
struct TagSegmenter {
    let analyzer: Analyzer
    /// The longest tag, in words, considered.
    var maximumWords = 6

    func segment(_ line: String, context: String) -> [String] {
        let delimiters: Set<Character> = ["،", ",", ";", "؛", "|", "/", "#"]
        if line.contains(where: { delimiters.contains($0) }) {
            return line.split(whereSeparator: { delimiters.contains($0) }).map(TextLines.trim).filter { !$0.isEmpty }
        }
        let words = analyzer.tokens(line)
        guard !words.isEmpty else { return [] }
        let phrases = contextPhrases(context)
        var tags: [String] = []
        var index = 0
        while index < words.count {
            var length = 1
            for candidate in stride(from: min(maximumWords, words.count - index), through: 2, by: -1) {
                let key = words[index..<index + candidate].map(\.normalized).joined(separator: " ")
                if phrases.contains(key) {
                    length = candidate
                    break
                }
            }
            let first = words[index], last = words[index + length - 1]
            tags.append(String(line[first.original.startIndex..<last.original.endIndex]))
            index += length
        }
        return tags
    }

    /// Every run of 2...maximumWords consecutive normalized words of `context` that does not
    /// cross punctuation or a line break.
    private func contextPhrases(_ context: String) -> Set<String> {
        let tokens = analyzer.tokens(context)
        var phrases = Set<String>()
        var run: [String] = []
        var previousEnd: String.Index?
        func flush() {
            guard run.count >= 2 else { return }
            for start in 0..<run.count - 1 {
                for end in (start + 2)...min(run.count, start + maximumWords) {
                    phrases.insert(run[start..<end].joined(separator: " "))
                }
            }
        }
        for token in tokens {
            if let previousEnd {
                let gap = context[previousEnd..<token.original.startIndex]
                if gap.contains(where: { !$0.isWhitespace || $0.isNewline }) {
                    flush()
                    run.removeAll()
                }
            }
            run.append(token.normalized)
            previousEnd = token.original.endIndex
        }
        flush()
        return phrases
    }
}
