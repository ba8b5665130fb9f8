/// A phrase of one to three words that may be an article's keyword: every occurrence of the
/// same stems counted together (``key``), shown as it is written most often.
package struct KeywordCandidate: Sendable, Equatable {
    /// The stems of its words, space separated: occurrences with other clitics, letter forms or
    /// harakat are the same candidate.
    package let key: String
    /// The stems of its words that are not stopwords (what document frequencies are kept for).
    package let contentStems: [String]
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
