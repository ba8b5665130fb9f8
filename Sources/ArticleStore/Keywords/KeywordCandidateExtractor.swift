import ArabicText

/// Finds keyword candidates in an analyzed title and body: runs of one to three words inside a
/// stretch of text without punctuation, whose first and last words are not stopwords, numbers
/// or single letters. Never invents a word: every candidate is a span of the text.
///
/// Occurrences are gathered by stem ids (no string per occurrence); strings are made only for
/// the candidates returned, which with a ranker are its shortlist (the best by the score
/// without document frequencies, and every candidate in the title).
package struct KeywordCandidateExtractor: Sendable {
    package init() {}

    /// The longest phrase, in words.
    var maximumLength = 3

    /// A phrase by the hashes of its words' stems (FNV-1a over the stem's scalars): no string
    /// is made per occurrence.
    private struct Key: Hashable {
        var first: UInt64, second: UInt64, third: UInt64
    }

    private struct Entry {
        var length: Int
        var titleCount = 0
        var bodyCount = 0
        var firstPosition: Double
        var isEntity: Bool
        /// Its first occurrence: title (true) or body, first and last word.
        var inTitle: Bool
        var first: Int
        var last: Int
    }

    /// Every candidate (`shortlistFor` nil), or a ranker's shortlist of them.
    package func candidates(title: AnalyzedText?, body: AnalyzedText, entitySpans: [Range<Int>] = [],
                            shortlistFor ranker: KeywordRanker? = nil) -> [KeywordCandidate] {
        var index: [Key: Int] = [:]
        var entries: [Entry] = []
        // Every occurrence, in text order: (entry, in title, first word, last word).
        var places: [(entry: Int32, inTitle: Bool, first: Int32, last: Int32)] = []
        func visit(_ text: AnalyzedText, inTitle: Bool, spans: [Range<Int>]) {
            let words = text.words
            let total = max(1, words.count - 1)
            var hashes = [UInt64](repeating: 0, count: words.count)
            var usable = [Bool](repeating: false, count: words.count)
            var hasStem = [Bool](repeating: false, count: words.count)
            text.normalizedScalars.withUnsafeBufferPointer { scalars in
                for position in words.indices {
                    let word = words[position]
                    guard !word.stemRange.isEmpty, !word.normalizedRange.isEmpty else { continue }
                    hasStem[position] = true
                    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                    for offset in word.stemRange {
                        hash ^= UInt64(scalars[offset].value)
                        hash &*= 0x0000_0100_0000_01b3
                    }
                    hashes[position] = hash
                    usable[position] = Self.isContentWord(text, position)
                }
            }
            var runStart = 0
            for position in words.indices {
                if position > 0, Self.breaks(text, between: position - 1, and: position) { runStart = position }
                guard usable[position] else { continue }
                for length in 1...maximumLength {
                    let first = position - length + 1
                    guard first >= runStart else { break }
                    guard usable[first], length < 3 || hasStem[first + 1] else { continue }
                    let key = Key(first: hashes[first], second: length > 1 ? hashes[first + 1] : 0, third: length > 2 ? hashes[first + 2] : 0)
                    let slot: Int
                    if let existing = index[key] {
                        slot = existing
                    } else {
                        slot = entries.count
                        index[key] = slot
                        let span = words[first].scalarRange.lowerBound..<words[position].scalarRange.upperBound
                        entries.append(Entry(length: length, firstPosition: inTitle ? 0 : Double(first) / Double(total),
                                             isEntity: spans.contains { $0.overlaps(span) }, inTitle: inTitle, first: first, last: position))
                    }
                    if inTitle { entries[slot].titleCount += 1 } else { entries[slot].bodyCount += 1 }
                    places.append((Int32(slot), inTitle, Int32(first), Int32(position)))
                }
            }
        }
        if let title { visit(title, inTitle: true, spans: []) }
        visit(body, inTitle: false, spans: entitySpans)

        var chosen = Array(entries.indices)
        if let ranker, entries.count > ranker.shortlistSize {
            let scores = entries.map { entry in
                ranker.preScore(count: Double(entry.bodyCount) + ranker.parameters.titleWeight * Double(entry.titleCount),
                                length: entry.length, position: entry.firstPosition, isEntity: entry.isEntity)
            }
            chosen.sort { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
            var kept = Array(chosen.prefix(ranker.shortlistSize))
            kept += chosen.dropFirst(ranker.shortlistSize).filter { entries[$0].titleCount > 0 }
            chosen = kept.sorted()
        }
        // Strings only for the candidates returned: each spelling's count, the first written among
        // the most frequent.
        var wanted = [Int](repeating: -1, count: entries.count)
        for (order, slot) in chosen.enumerated() { wanted[slot] = order }
        var spellings = [[(surface: String, count: Int)]](repeating: [], count: chosen.count)
        // The first eight occurrences of each decide (enough to find the usual spelling).
        var seen = [Int](repeating: 0, count: chosen.count)
        for place in places where wanted[Int(place.entry)] >= 0 {
            let order = wanted[Int(place.entry)]
            guard seen[order] < 8 else { continue }
            seen[order] += 1
            let text = place.inTitle ? title! : body
            let surface = Self.surface(text, from: Int(place.first), to: Int(place.last))
            if let existing = spellings[order].firstIndex(where: { $0.surface == surface }) {
                spellings[order][existing].count += 1
            } else {
                spellings[order].append((surface, 1))
            }
        }
        return chosen.enumerated().map { order, slot in
            let entry = entries[slot]
            let text = entry.inTitle ? title! : body
            let range = entry.first...entry.last
            let stems = range.map { Self.string(text.normalizedScalars[text.words[$0].stemRange]) }
            let top = spellings[order].map(\.count).max() ?? 0
            return KeywordCandidate(
                key: stems.joined(separator: " "),
                contentStems: range.filter { !text.words[$0].isStopword }.map { Self.string(text.normalizedScalars[text.words[$0].stemRange]) },
                surface: spellings[order].first { $0.count == top }?.surface ?? Self.surface(text, from: entry.first, to: entry.last),
                normalized: range.map { text.normalizedString($0) }.joined(separator: " "),
                length: entry.length, titleCount: entry.titleCount, bodyCount: entry.bodyCount,
                firstPosition: entry.firstPosition, isEntity: entry.isEntity)
        }
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
        let range = text.words[first].scalarRange.lowerBound..<text.words[last].scalarRange.upperBound
        var view = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.scalars[range] {
            if scalar.properties.isWhitespace {
                pendingSpace = true
            } else {
                if pendingSpace { view.append(" ") }
                pendingSpace = false
                view.append(scalar)
            }
        }
        return String(view)
    }
}
