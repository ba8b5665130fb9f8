import ArabicText

/// Finds keyword candidates in an analyzed title and body: runs of one to three words inside a
/// stretch of text without punctuation, whose first and last words are not stopwords, numbers
/// or single letters. Never invents a word: every candidate is a span of the text.
package struct KeywordCandidateExtractor: Sendable {
    package init() {}

    /// The longest phrase, in words.
    var maximumLength = 3

    package func candidates(title: AnalyzedText?, body: AnalyzedText, entitySpans: [Range<Int>] = []) -> [KeywordCandidate] {
        var byKey: [String: Int] = [:]
        var result: [KeywordCandidate] = []
        var surfaces: [[String: Int]] = []
        var order: [[String]] = []
        func visit(_ text: AnalyzedText, inTitle: Bool, spans: [Range<Int>]) {
            let words = text.words
            let total = max(1, words.count - 1)
            let stems = words.map { Self.string(text.normalizedScalars[$0.stemRange]) }
            let usable = words.indices.map { index in Self.isContentWord(text, index) }
            var runStart = 0
            for index in words.indices {
                if index > 0, Self.breaks(text, between: index - 1, and: index) { runStart = index }
                guard usable[index] else { continue }
                // Phrases that end at this word and start at a content word within the run.
                for length in 1...maximumLength {
                    let first = index - length + 1
                    guard first >= runStart else { break }
                    guard usable[first], (first...index).allSatisfy({ !words[$0].normalizedRange.isEmpty && !stems[$0].isEmpty }) else { continue }
                    let key = stems[first...index].joined(separator: " ")
                    let surface = Self.surface(text, from: first, to: index)
                    let normalized = (first...index).map { text.normalizedString($0) }.joined(separator: " ")
                    let slot: Int
                    if let existing = byKey[key] {
                        slot = existing
                    } else {
                        slot = result.count
                        byKey[key] = slot
                        let scalarSpan = words[first].scalarRange.lowerBound..<words[index].scalarRange.upperBound
                        result.append(KeywordCandidate(
                            key: key, contentStems: (first...index).filter { !words[$0].isStopword }.map { stems[$0] },
                            surface: surface, normalized: normalized, length: length, titleCount: 0, bodyCount: 0,
                            firstPosition: inTitle ? 0 : Double(first) / Double(total),
                            isEntity: spans.contains { $0.overlaps(scalarSpan) }))
                        surfaces.append([:])
                        order.append([])
                    }
                    if inTitle { result[slot].titleCount += 1 } else { result[slot].bodyCount += 1 }
                    if surfaces[slot][surface] == nil { order[slot].append(surface) }
                    surfaces[slot][surface, default: 0] += 1
                }
            }
        }
        if let title { visit(title, inTitle: true, spans: []) }
        visit(body, inTitle: false, spans: entitySpans)
        for slot in result.indices {
            // The spelling written most often; the first written among equals.
            let counts = surfaces[slot]
            let top = counts.values.max() ?? 0
            if let best = order[slot].first(where: { counts[$0] == top }) { result[slot].surface = best }
        }
        return result
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// A word that may begin or end a phrase: not a stopword, not a number, at least two letters.
    static func isContentWord(_ text: AnalyzedText, _ index: Int) -> Bool {
        let word = text.words[index]
        guard !word.isStopword, word.normalizedRange.count >= 2, !word.stemRange.isEmpty else { return false }
        return text.normalizedScalars[word.normalizedRange].contains { $0.properties.isAlphabetic }
    }

    /// Whether anything but spaces separates two neighbouring words (punctuation, a line break,
    /// a symbol): phrases do not cross it.
    static func breaks(_ text: AnalyzedText, between left: Int, and right: Int) -> Bool {
        let gap = text.words[left].scalarRange.upperBound..<text.words[right].scalarRange.lowerBound
        return text.scalars[gap].contains { $0 != " " && $0 != "\u{A0}" && $0 != "\t" && $0 != "\u{640}" && !$0.properties.isGraphemeExtend }
    }

    /// The phrase as written, runs of white space made single spaces.
    static func surface(_ text: AnalyzedText, from first: Int, to last: Int) -> String {
        let raw = text.original(text.words[first].scalarRange.lowerBound..<text.words[last].scalarRange.upperBound)
        return raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
