import ArabicText

/// The features of every word of a text for the entity recognizer, as 64-bit keys: the word,
/// its normalized form, stem and form without clitics, prefixes and suffixes, shape, the words
/// within two positions, punctuation around it, and gazetteer and trigger-word evidence (the
/// gazetteer's match and the rule words' flags, see ``RuleWords``). Training and extraction
/// use this one function, so a model sees at run time exactly what it was trained on.
package struct EntityFeatureExtractor: Sendable {
    /// Bumped whenever a template changes: a model records it and is refused by another version.
    package static let templateVersion = 2

    let gazetteer: Gazetteer
    /// Unlabeled-news statistics of words (shipped in the model).
    package let statistics: WordStatistics

    /// An extractor with the built-in gazetteer's evidence and `statistics`.
    package init(statistics: WordStatistics = .none) {
        self.init(gazetteer: Gazetteer(), statistics: statistics)
    }

    init(gazetteer: Gazetteer, statistics: WordStatistics = .none) {
        self.gazetteer = gazetteer
        self.statistics = statistics
    }

    /// This extractor with other statistics.
    package func with(statistics: WordStatistics) -> EntityFeatureExtractor {
        EntityFeatureExtractor(gazetteer: gazetteer, statistics: statistics)
    }

    /// The features of an analyzed text's words (see ``EntityFeatures``).
    package func features(of text: AnalyzedText) -> EntityFeatures {
        features(of: EntityExtractor.Words(text, gazetteer: gazetteer))
    }

    /// One word as the templates see it.
    private struct WordView {
        /// Hashes of the normalized form, the core, the stem, the core's first two and three
        /// letters, and the normalized form's last one, two and three letters.
        var normalized: UInt64
        var core: UInt64
        var stem: UInt64
        var corePrefix2: UInt64
        var corePrefix3: UInt64
        var suffix1: UInt64
        var suffix2: UInt64
        var suffix3: UInt64
        /// Clitic letters before the core (0 none; otherwise a small code) and the article.
        var clitics: UInt32
        /// Latin, digits, other (bits) and length bucket.
        var shape: UInt32
        /// Gazetteer evidence: 0 none, else type, begin/inside, adjective.
        var gazetteer: UInt32
        var flags: UInt16
        var isStopword: Bool
        /// ``WordStatistics`` code of the core.
        var statistics: UInt32
    }

    /// The features of `words`, whose gazetteer matches (``Gazetteer/longestMatches(in:)``)
    /// are `matches`, or are found here when nil.
    func features(of words: EntityExtractor.Words, matches: [Gazetteer.Match?]? = nil) -> EntityFeatures {
        let count = words.count
        var views: [WordView] = []
        views.reserveCapacity(count)
        let gazetteerTags = gazetteerTags(matches ?? gazetteer.longestMatches(in: words))
        var coreHashes: [UInt64] = []
        coreHashes.reserveCapacity(count)
        for index in 0..<count {
            let normalized = words.normalized(index)
            let (core, clitics) = Self.core(of: normalized)
            let coreHash = FeatureHasher.hash(core)
            coreHashes.append(coreHash)
            views.append(WordView(normalized: FeatureHasher.hash(normalized), core: coreHash,
                                  stem: FeatureHasher.hash(words.stem(index)),
                                  corePrefix2: FeatureHasher.hash(core.prefix(2)), corePrefix3: FeatureHasher.hash(core.prefix(3)),
                                  suffix1: FeatureHasher.hash(normalized.suffix(1)), suffix2: FeatureHasher.hash(normalized.suffix(2)),
                                  suffix3: FeatureHasher.hash(normalized.suffix(3)), clitics: clitics,
                                  shape: Self.shape(words.original(index)), gazetteer: gazetteerTags[index],
                                  flags: words.variantFlags[index].rawValue, isStopword: words.isStopword(index),
                                  statistics: 0))
        }
        for (index, code) in statistics.codes(coreHashes: coreHashes).enumerated() { views[index].statistics = UInt32(code) }
        var keys: [UInt64] = []
        keys.reserveCapacity(count * 40)
        var starts: [Int32] = [0]
        starts.reserveCapacity(count + 1)
        let boundaries = words.boundaries
        let padding: UInt64 = 0x5EED

        @inline(__always) func add(_ template: UInt32, _ value: UInt64) {
            keys.append(FeatureHasher.key(template, value))
        }
        @inline(__always) func add(_ template: UInt32, _ value: UInt32) {
            keys.append(FeatureHasher.key(template, UInt64(value)))
        }
        func normalized(_ index: Int) -> UInt64 {
            index >= 0 && index < count ? views[index].normalized : padding
        }

        for index in 0..<count {
            let word = views[index]
            let n = word.normalized
            keys.append(FeatureHasher(0).key)
            add(1, n)
            add(2, word.core)
            add(3, word.stem)
            add(4, word.corePrefix2)
            add(5, word.corePrefix3)
            add(6, word.suffix1)
            add(7, word.suffix2)
            add(8, word.suffix3)
            add(9, word.shape)
            add(10, word.clitics)
            add(11, normalized(index - 1))
            add(12, normalized(index + 1))
            add(13, normalized(index - 2))
            add(14, normalized(index + 2))
            add(15, index > 0 ? views[index - 1].core : padding)
            add(16, index + 1 < count ? views[index + 1].core : padding)
            keys.append(FeatureHasher.key(17, normalized(index - 1), n))
            keys.append(FeatureHasher.key(18, n, normalized(index + 1)))
            add(19, index > 0 ? views[index - 1].gazetteer : 99)
            add(20, word.gazetteer)
            add(21, index + 1 < count ? views[index + 1].gazetteer : 99)
            // Trigger and rule words around the word, one feature per flag and offset.
            for offset in -2...1 {
                let position = index + offset
                guard position >= 0, position < count else { continue }
                var bits = views[position].flags
                while bits != 0 {
                    let bit = UInt32(bits.trailingZeroBitCount)
                    bits &= bits - 1
                    add(22, UInt32(offset + 2) << 8 | bit)
                }
            }
            let before: UInt32 = index == 0 || boundaries[index - 1] ? 1 : 0
            let after: UInt32 = boundaries[index] ? 1 : 0
            add(23, before << 1 | after)
            let stops: UInt32 = (index > 0 && views[index - 1].isStopword ? 4 : 0) | (word.isStopword ? 2 : 0)
                | (index + 1 < count && views[index + 1].isStopword ? 1 : 0)
            add(24, stops)
            add(25, index + 1 < count ? views[index + 1].suffix2 : padding)
            add(26, index > 0 ? views[index - 1].suffix2 : padding)
            add(27, word.gazetteer << 8 | (index > 0 ? views[index - 1].gazetteer : 99))
            // Unlabeled-news evidence: frequency, article ratio, title-before ratio, and the
            // neighbours' article and title ratios.
            let statistics = word.statistics
            add(28, statistics & 7)
            add(29, statistics >> 3 & 7)
            add(30, statistics >> 6 & 3)
            add(31, statistics)
            add(32, index > 0 ? views[index - 1].statistics >> 3 : 99)
            add(33, index + 1 < count ? views[index + 1].statistics >> 3 : 99)
            add(34, (statistics >> 3) << 8 | (index + 1 < count ? views[index + 1].statistics >> 3 : 99))
            starts.append(Int32(keys.count))
        }
        return EntityFeatures(keys: keys, starts: starts)
    }

    /// The word without its proclitics (و ف, then ب ل ك, then ال), and a code of what was removed.
    static func core(of word: ArraySlice<Unicode.Scalar>) -> (ArraySlice<Unicode.Scalar>, UInt32) {
        var start = word.startIndex
        let end = word.endIndex
        var code: UInt32 = 0
        let waw: Unicode.Scalar = "و", feh: Unicode.Scalar = "ف", beh: Unicode.Scalar = "ب", lam: Unicode.Scalar = "ل"
        let kaf: Unicode.Scalar = "ك", alef: Unicode.Scalar = "ا"
        if end - start >= 4, word[start] == waw || word[start] == feh {
            code = word[start] == waw ? 1 : 2
            start += 1
        }
        var article = false
        if end - start >= 4, word[start] == beh || word[start] == lam || word[start] == kaf {
            code = code * 4 + (word[start] == beh ? 1 : word[start] == lam ? 2 : 3)
            start += 1
            if word[start - 1] == lam, word[start] == lam, end - start >= 3 {
                article = true
                start += 1
            }
        }
        if !article, end - start >= 4, word[start] == alef, word[start + 1] == lam {
            article = true
            start += 2
        }
        return (word[start..<end], code << 1 | (article ? 1 : 0))
    }

    /// Latin letters, digits, other letters (bits 0-2) and a length bucket (bits 4-6).
    static func shape(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt32 {
        var bits: UInt32 = 0
        var letters = 0
        for scalar in scalars {
            let value = scalar.value
            if value < 0x80 {
                if (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A { bits |= 1 }
                else if value >= 0x30 && value <= 0x39 { bits |= 2 }
                else { bits |= 8 }
            } else if value >= 0x0660 && value <= 0x0669 {
                bits |= 2
            } else if (0x064B...0x065F).contains(value) || value == 0x0670 || value == 0x0640 {
                continue    // harakat, superscript alef, tatweel
            } else {
                bits |= 4
            }
            letters += 1
        }
        let bucket: UInt32 = letters <= 2 ? 0 : letters == 3 ? 1 : letters == 4 ? 2 : letters <= 6 ? 3 : 4
        return bits | bucket << 4
    }

    /// Per word: the gazetteer's longest match covering it (type, first word or later, adjective).
    private func gazetteerTags(_ matches: [Gazetteer.Match?]) -> [UInt32] {
        var tags = [UInt32](repeating: 0, count: matches.count)
        for match in matches.compactMap({ $0 }) {
            let type: UInt32
            switch gazetteer.entries[match.entry].type {
            case .person: type = 1
            case .location: type = 2
            case .organization: type = 3
            }
            for position in match.tokens {
                tags[position] = type << 2 | (position == match.tokens.lowerBound ? 0 : 2) | (match.isAdjective ? 1 : 0)
            }
        }
        return tags
    }
}

/// The feature keys of a text's words: word `i`'s are `keys[starts[i]..<starts[i + 1]]`.
package struct EntityFeatures: Sendable {
    package let keys: [UInt64]
    package let starts: [Int32]

    /// Number of words.
    package var count: Int { starts.count - 1 }

    /// Word `index`'s keys.
    package func keys(of index: Int) -> ArraySlice<UInt64> { keys[Int(starts[index])..<Int(starts[index + 1])] }
}
