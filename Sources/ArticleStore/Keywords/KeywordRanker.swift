import Foundation

/// Ranks an article's keyword candidates: how often the phrase occurs (title occurrences
/// weighted up), how rare its words are in the store (inverse document frequency of their
/// stems, from ``DocumentFrequencies``), how early it first occurs, its length, and whether it
/// names an entity. Deterministic: equal scores are ordered by key.
package struct KeywordRanker: Sendable {
    /// Weights, chosen by 5-fold cross-validation on the AKEC training documents with document
    /// frequencies from the real-news dev days (`articles-bench keywords`).
    package struct Parameters: Sendable, Equatable, Codable {
        package init() {}
        /// Exponent on the occurrence count (1: linear; 0.5: square root).
        package var countExponent = 1.0
        /// Weight of a title occurrence against a body occurrence.
        package var titleWeight = 2.0
        /// How fast the score falls with the first occurrence's position: 1 / (1 + w * position).
        package var positionWeight = 4.0
        /// Multipliers for phrases of two and three words (one word: 1).
        package var twoWordWeight = 3.5
        package var threeWordWeight = 3.0
        /// Multiplier for a phrase an entity mention covers.
        package var entityWeight = 1.5
    }

    package var parameters = Parameters()
    /// Keywords kept per article.
    package var limit = 10

    package init(parameters: Parameters = Parameters(), limit: Int = 10) {
        self.parameters = parameters
        self.limit = limit
    }

    package func score(_ candidate: KeywordCandidate, frequencies: DocumentFrequencies) -> Double {
        let stems = candidate.contentStems
        return score(candidate, rarity: Self.rarity(of: candidate) { frequencies.inverse(stems[$0]) })
    }

    /// The mean inverse document frequency of a candidate's content stems (`inverse` of each
    /// stem's index in ``KeywordCandidate/contentStemHashes``); 0 when it has none.
    static func rarity(of candidate: KeywordCandidate, inverse: (Int) -> Double) -> Double {
        let count = candidate.contentStemHashes.count
        guard count > 0 else { return 0 }
        var sum = 0.0
        for index in 0..<count { sum += inverse(index) }
        return sum / Double(count)
    }

    /// The score of a candidate whose content stems have mean inverse document frequency `rarity`.
    func score(_ candidate: KeywordCandidate, rarity: Double) -> Double {
        let count = Double(candidate.bodyCount) + parameters.titleWeight * Double(candidate.titleCount)
        let length = candidate.length == 1 ? 1 : candidate.length == 2 ? parameters.twoWordWeight : parameters.threeWordWeight
        let position = 1 / (1 + parameters.positionWeight * candidate.firstPosition)
        let entity = candidate.isEntity ? parameters.entityWeight : 1
        return power(count) * rarity * length * position * entity
    }

    /// `count` raised to ``Parameters/countExponent`` (no `pow` call for the default 1).
    private func power(_ count: Double) -> Double {
        parameters.countExponent == 1 ? count : pow(count, parameters.countExponent)
    }

    /// How many candidates an article keeps until it is ranked (see ``preScore(count:length:position:isEntity:)``).
    package var shortlistSize = 20

    /// The score without its rarity factor: what ``KeywordCandidateExtractor`` keeps the
    /// best ``shortlistSize`` candidates by (with every candidate in the title) until the
    /// document frequencies are known.
    package func preScore(count: Double, length: Int, position: Double, isEntity: Bool) -> Double {
        let lengthWeight = length == 1 ? 1 : length == 2 ? parameters.twoWordWeight : parameters.threeWordWeight
        return power(count) * lengthWeight / (1 + parameters.positionWeight * position)
            * (isEntity ? parameters.entityWeight : 1)
    }

    /// The best candidates, best first, one per stem key (so one per normalized form too).
    package func rank(_ candidates: [KeywordCandidate], frequencies: DocumentFrequencies) -> [KeywordCandidate] {
        rank(candidates) { candidate in
            let stems = candidate.contentStems
            return Self.rarity(of: candidate) { frequencies.inverse(stems[$0]) }
        }
    }

    /// Whether `longer` contains `part`'s words and occurs as often (so every occurrence of
    /// `part` is inside it).
    static func covers(_ longer: KeywordCandidate, _ part: KeywordCandidate) -> Bool {
        longer.length > part.length && longer.titleCount == part.titleCount && longer.bodyCount == part.bodyCount
            && (" " + longer.key + " ").contains(" " + part.key + " ")
    }

    /// The best candidates with `rarity` giving each one's mean inverse document frequency
    /// (see ``rarity(of:inverse:)``).
    func rank(_ candidates: [KeywordCandidate], rarity: (KeywordCandidate) -> Double) -> [KeywordCandidate] {
        // Indices sorted, not the candidates (each holds several strings to retain and release);
        // ties by key in UTF-8 byte order, which for these normalized keys is scalar order.
        let scores = candidates.map { score($0, rarity: rarity($0)) }
        let order = candidates.indices.sorted { left, right in
            scores[left] != scores[right] ? scores[left] > scores[right]
                : candidates[left].key.utf8.lexicographicallyPrecedes(candidates[right].key.utf8)
        }
        var result: [KeywordCandidate] = []
        for index in order where scores[index] > 0 {
            let candidate = candidates[index]
            // At most `limit` kept: a scan compares fewer strings than hashing each key would.
            guard !result.contains(where: { $0.key == candidate.key }) else { continue }
            // A part of a phrase already chosen that never occurs without it (عبد, العزيز beside
            // عبد العزيز) adds nothing.
            guard !result.contains(where: { Self.covers($0, candidate) }) else { continue }
            result.append(candidate)
            if result.count == limit { break }
        }
        return result
    }
}
