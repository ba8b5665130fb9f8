/// A phrase of one to three words that may be an article's keyword: every occurrence of the
/// same stems counted together (``key``), shown as it is written most often.
package struct KeywordCandidate: Sendable, Equatable {
    /// The stems of its words, space separated: occurrences with other clitics, letter forms or
    /// harakat are the same candidate.
    package let key: String
    /// Which of ``key``'s words are not stopwords (bit `i` for word `i`): the words document
    /// frequencies are kept for.
    package let contentMask: UInt8
    /// ``TermHash`` of each content stem, in order, to count and look them up without a string.
    package let contentStemHashes: StemHashes
    /// The spelling written most often (first written on a tie), white space made single spaces.
    package var surface: String
    /// Its normalized form (harakat, tatweel, letter forms folded); empty in a ranker's
    /// shortlist, which does not need it.
    package var normalized: String
    /// Number of words.
    package let length: Int
    /// Occurrences in the title and in the body.
    package var titleCount: Int
    package var bodyCount: Int
    /// Where it first occurs in the body, 0 (first word) to 1 (last); 0 when only in the title.
    package var firstPosition: Double
    /// Whether an entity mention (person, place, organization) covers its first occurrence.
    package var isEntity: Bool
}

extension KeywordCandidate {
    /// The stems of its words that are not stopwords, taken from ``key`` (made only where a
    /// string is needed: a lookup in the index's vocabulary).
    package var contentStems: [String] {
        key.split(separator: " ").enumerated().compactMap { contentMask & (1 << $0.offset) != 0 ? String($0.element) : nil }
    }

    /// Up to three hashes kept inline: no array (an allocation) per candidate.
    package struct StemHashes: Sendable, Equatable {
        private var first: UInt64 = 0
        private var second: UInt64 = 0
        private var third: UInt64 = 0
        package private(set) var count = 0

        package init() {}

        mutating func append(_ hash: UInt64) {
            precondition(count < 3, "a keyword candidate has at most three words")
            switch count {
            case 0: first = hash
            case 1: second = hash
            default: third = hash
            }
            count += 1
        }

        package subscript(index: Int) -> UInt64 {
            index == 0 ? first : index == 1 ? second : third
        }
    }
}
