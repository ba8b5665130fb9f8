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

    /// Phrases by a 64-bit key mixed from their words' stem hashes (``FNV1a`` over the stem's
    /// scalars): open addressing with linear probing, no string and no `Hasher` per occurrence.
    private struct PhraseTable {
        private var keys: [UInt64]
        private var slots: [Int32]
        private let mask: Int

        init(minimumCapacity: Int) {
            var capacity = 64
            while capacity < minimumCapacity * 2 { capacity <<= 1 }
            keys = [UInt64](repeating: 0, count: capacity)
            slots = [Int32](repeating: -1, count: capacity)
            mask = capacity - 1
        }

        /// The slot stored for `key`, or `next` after storing it (and whether it was new).
        mutating func slot(for key: UInt64, orInsert next: Int32) -> (slot: Int32, inserted: Bool) {
            let key = key == 0 ? 1 : key
            var index = Int(truncatingIfNeeded: key >> 7) & mask
            while true {
                let found = keys[index]
                if found == key { return (slots[index], false) }
                if found == 0 {
                    keys[index] = key
                    slots[index] = next
                    return (next, true)
                }
                index = (index + 1) & mask
            }
        }
    }

    /// SplitMix64's finalizer: spreads a hash's bits (keys of one, two and three words differ
    /// in every bit, not only in the last word's).
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
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

    /// The phrases of an article and every occurrence, gathered text by text. A struct with a
    /// mutating method, not a nested function: variables a nested function captures are boxed
    /// and every access to them checked, which made this loop several times slower.
    private struct Occurrences {
        var table: PhraseTable
        let maximumLength: Int
        var entries: [Entry] = []
        /// Every occurrence, in text order: (entry, in title, first word, last word).
        var places: [(entry: Int32, inTitle: Bool, first: Int32, last: Int32)] = []

        init(table: PhraseTable, maximumLength: Int) {
            self.table = table
            self.maximumLength = maximumLength
        }

        mutating func visit(_ text: AnalyzedText, inTitle: Bool, spans: [Range<Int>]) {
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
                    var hash = FNV1a()
                    hash.add(scalars: scalars[word.stemRange])
                    hashes[position] = hash.value
                    usable[position] = KeywordCandidateExtractor.isContentWord(text, position)
                }
            }
            // Words an entity mention overlaps (mentions start and end at words): a phrase is an
            // entity's when one of its words is, with no scan of the mentions per phrase.
            var covered = [Bool](repeating: false, count: spans.isEmpty ? 0 : words.count)
            for span in spans {
                var low = 0, high = words.count
                while low < high {
                    let middle = (low + high) / 2
                    if words[middle].scalarRange.upperBound <= span.lowerBound { low = middle + 1 } else { high = middle }
                }
                while low < words.count, words[low].scalarRange.lowerBound < span.upperBound {
                    if words[low].scalarRange.overlaps(span) { covered[low] = true }
                    low += 1
                }
            }
            places.reserveCapacity(places.count + words.count * maximumLength)
            var runStart = 0
            for position in words.indices {
                if position > 0, KeywordCandidateExtractor.breaks(text, between: position - 1, and: position) { runStart = position }
                guard usable[position] else { continue }
                for length in 1...maximumLength {
                    let first = position - length + 1
                    guard first >= runStart else { break }
                    guard usable[first], length < 3 || hasStem[first + 1] else { continue }
                    var key = KeywordCandidateExtractor.mix(hashes[first] ^ UInt64(length))
                    if length > 1 { key = KeywordCandidateExtractor.mix(key ^ hashes[first + 1]) }
                    if length > 2 { key = KeywordCandidateExtractor.mix(key ^ hashes[first + 2]) }
                    let (slot32, inserted) = table.slot(for: key, orInsert: Int32(entries.count))
                    let slot = Int(slot32)
                    if inserted {
                        entries.append(Entry(length: length, firstPosition: inTitle ? 0 : Double(first) / Double(total),
                                             isEntity: !covered.isEmpty && covered[first...position].contains(true),
                                             inTitle: inTitle, first: first, last: position))
                    }
                    if inTitle { entries[slot].titleCount += 1 } else { entries[slot].bodyCount += 1 }
                    places.append((slot32, inTitle, Int32(first), Int32(position)))
                }
            }
        }
    }

    /// Every candidate (`shortlistFor` nil), or a ranker's shortlist of them.
    package func candidates(title: AnalyzedText?, body: AnalyzedText, entitySpans: [Range<Int>] = [],
                            shortlistFor ranker: KeywordRanker? = nil) -> [KeywordCandidate] {
        var found = Occurrences(table: PhraseTable(minimumCapacity: ((title?.words.count ?? 0) + body.words.count) * maximumLength),
                                maximumLength: maximumLength)
        if let title { found.visit(title, inTitle: true, spans: []) }
        found.visit(body, inTitle: false, spans: entitySpans)
        let (entries, places) = (found.entries, found.places)

        var chosen = Array(entries.indices)
        if let ranker, entries.count > ranker.shortlistSize {
            // The best `shortlistSize` by score (the earlier entry first on a tie), kept sorted
            // as they are found: no sort of every entry.
            let size = ranker.shortlistSize
            var best: [(score: Double, slot: Int)] = []
            best.reserveCapacity(size + 1)
            for (slot, entry) in entries.enumerated() {
                let score = ranker.preScore(count: Double(entry.bodyCount) + ranker.parameters.titleWeight * Double(entry.titleCount),
                                            length: entry.length, position: entry.firstPosition, isEntity: entry.isEntity)
                guard best.count < size || score > best[best.count - 1].score else { continue }
                var at = best.count
                while at > 0, best[at - 1].score < score { at -= 1 }
                best.insert((score, slot), at: at)
                if best.count > size { best.removeLast() }
            }
            var kept = Set(best.map(\.slot))
            for (slot, entry) in entries.enumerated() where entry.titleCount > 0 { kept.insert(slot) }
            chosen = kept.sorted()
        }
        // Strings written straight as UTF-8 into one reused buffer: appending scalars to a
        // String one by one was most of the extractor's time.
        var builder = UTF8Builder(capacity: 256)
        // Strings only for the candidates returned: each spelling's count, the first written among
        // the most frequent.
        var wanted = [Int](repeating: -1, count: entries.count)
        for (order, slot) in chosen.enumerated() { wanted[slot] = order }
        // Spellings by a hash of the surface (no string per occurrence): how often each is
        // written and where it first is; only the winner becomes a string.
        var spellings = [[(hash: UInt64, count: Int, inTitle: Bool, first: Int32, last: Int32)]](repeating: [], count: chosen.count)
        // The first eight occurrences of each decide (enough to find the usual spelling).
        var seen = [Int](repeating: 0, count: chosen.count)
        for place in places where wanted[Int(place.entry)] >= 0 {
            let order = wanted[Int(place.entry)]
            guard seen[order] < 8 else { continue }
            seen[order] += 1
            let text = place.inTitle ? title! : body
            let hash = Self.surfaceHash(text, from: Int(place.first), to: Int(place.last))
            if let existing = spellings[order].firstIndex(where: { $0.hash == hash }) {
                spellings[order][existing].count += 1
            } else {
                spellings[order].append((hash, 1, place.inTitle, place.first, place.last))
            }
        }
        var result: [KeywordCandidate] = []
        result.reserveCapacity(chosen.count)
        for (order, slot) in chosen.enumerated() {
            let entry = entries[slot]
            let text = entry.inTitle ? title! : body
            let range = entry.first...entry.last
            let top = spellings[order].map(\.count).max() ?? 0
            let surface = spellings[order].first { $0.count == top }.map {
                Self.surface($0.inTitle ? title! : body, from: Int($0.first), to: Int($0.last), using: &builder)
            } ?? Self.surface(text, from: entry.first, to: entry.last, using: &builder)
            var contentMask: UInt8 = 0
            var contentStemHashes = KeywordCandidate.StemHashes()
            for position in range where !text.words[position].isStopword {
                contentMask |= 1 << (position - entry.first)
                contentStemHashes.append(TermHash.of(scalars: text.normalizedScalars[text.words[position].stemRange]))
            }
            result.append(KeywordCandidate(
                key: Self.joined(range, of: text, stems: true, using: &builder), contentMask: contentMask,
                contentStemHashes: contentStemHashes, surface: surface,
                // Not needed to rank a shortlist (its keys are distinct already): left empty there.
                normalized: ranker == nil ? Self.joined(range, of: text, stems: false, using: &builder) : "",
                length: entry.length, titleCount: entry.titleCount, bodyCount: entry.bodyCount,
                firstPosition: entry.firstPosition, isEntity: entry.isEntity))
        }
        return result
    }

    /// The words' stems (or whole normalized forms), joined by spaces.
    private static func joined(_ words: ClosedRange<Int>, of text: AnalyzedText, stems: Bool,
                               using builder: inout UTF8Builder) -> String {
        builder.removeAll()
        for position in words {
            let word = text.words[position]
            builder.appendWord(text.normalizedScalars[stems ? word.stemRange : word.normalizedRange])
        }
        return builder.string
    }

    /// A word that may begin or end a phrase: not a stopword, not a number, at least two letters,
    /// not the name of an HTML character reference left in scraped text (`&quot;`, `&amp;`).
    static func isContentWord(_ text: AnalyzedText, _ index: Int) -> Bool {
        let word = text.words[index]
        guard !word.isStopword, word.normalizedRange.count >= 2, !word.stemRange.isEmpty else { return false }
        let range = word.scalarRange
        if range.lowerBound > 0, text.scalars[range.lowerBound - 1] == "&",
           range.upperBound < text.scalars.count, text.scalars[range.upperBound] == ";" { return false }
        return text.normalizedScalars[word.normalizedRange].contains { scalar in
            // Arabic and ASCII letters answered without the Unicode property tables.
            switch scalar.value {
            case 0x0621...0x064A, 0x41...0x5A, 0x61...0x7A: true
            case 0...0x7F: false
            default: scalar.properties.isAlphabetic
            }
        }
    }

    /// Whether anything but spaces separates two neighbouring words (punctuation, a line break,
    /// a symbol): phrases do not cross it.
    static func breaks(_ text: AnalyzedText, between left: Int, and right: Int) -> Bool {
        let gap = text.words[left].scalarRange.upperBound..<text.words[right].scalarRange.lowerBound
        return text.scalars[gap].contains { scalar in
            switch scalar.value {
            case 0x20, 0xA0, 0x09, 0x640: false
            case 0...0x7F: true
            default: !scalar.properties.isGraphemeExtend
            }
        }
    }

    /// The phrase as written, runs of white space made single spaces.
    static func surface(_ text: AnalyzedText, from first: Int, to last: Int) -> String {
        var builder = UTF8Builder(capacity: 64)
        return surface(text, from: first, to: last, using: &builder)
    }

    /// Whether a scalar counts as white space in a surface (collapsed to one space).
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value))
            : (0x0600..<0x0700).contains(scalar.value) ? false : scalar.properties.isWhitespace
    }

    /// ``FNV1a`` over the scalars ``surface(_:from:to:)`` would write: equal surfaces, equal hashes.
    private static func surfaceHash(_ text: AnalyzedText, from first: Int, to last: Int) -> UInt64 {
        let range = text.words[first].scalarRange.lowerBound..<text.words[last].scalarRange.upperBound
        var hash = FNV1a()
        var pendingSpace = false
        text.scalars.withUnsafeBufferPointer { scalars in
            for scalar in scalars[range] {
                if isSpace(scalar) {
                    pendingSpace = true
                    continue
                }
                if pendingSpace {
                    hash.add(0x20)
                    pendingSpace = false
                }
                hash.add(UInt64(scalar.value))
            }
        }
        return hash.value
    }

    /// ``surface(_:from:to:)`` written with `builder`'s storage.
    static func surface(_ text: AnalyzedText, from first: Int, to last: Int, using builder: inout UTF8Builder) -> String {
        let range = text.words[first].scalarRange.lowerBound..<text.words[last].scalarRange.upperBound
        builder.removeAll()
        var pendingSpace = false
        for scalar in text.scalars[range] {
            if isSpace(scalar) {
                pendingSpace = true
            } else {
                if pendingSpace { builder.append(" ") }
                pendingSpace = false
                builder.append(scalar)
            }
        }
        return builder.string
    }
}
