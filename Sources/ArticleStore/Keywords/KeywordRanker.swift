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
        score(candidate, inverse: frequencies.inverse)
    }

    /// The score with `inverse` giving each stem's inverse document frequency.
    func score(_ candidate: KeywordCandidate, inverse: (String) -> Double) -> Double {
        let count = Double(candidate.bodyCount) + parameters.titleWeight * Double(candidate.titleCount)
        let idf = candidate.contentStems.isEmpty ? 0
            : candidate.contentStems.reduce(0) { $0 + inverse($1) } / Double(candidate.contentStems.count)
        let length = candidate.length == 1 ? 1 : candidate.length == 2 ? parameters.twoWordWeight : parameters.threeWordWeight
        let position = 1 / (1 + parameters.positionWeight * candidate.firstPosition)
        let entity = candidate.isEntity ? parameters.entityWeight : 1
        return power(count) * idf * length * position * entity
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
        rank(candidates, inverse: frequencies.inverse)
    }

    /// The best candidates with `inverse` giving each stem's inverse document frequency.
    func rank(_ candidates: [KeywordCandidate], inverse: (String) -> Double) -> [KeywordCandidate] {
        let scored = candidates.map { ($0, score($0, inverse: inverse)) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.key < $1.0.key }
        var seen = Set<String>()
        var result: [KeywordCandidate] = []
        for (candidate, score) in scored where score > 0 {
            guard seen.insert(candidate.key).inserted else { continue }
            result.append(candidate)
            if result.count == limit { break }
        }
        return result
    }
}

