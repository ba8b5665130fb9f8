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
        package var countExponent = 0.75
        /// Weight of a title occurrence against a body occurrence.
        package var titleWeight = 2.0
        /// How fast the score falls with the first occurrence's position: 1 / (1 + w * position).
        package var positionWeight = 2.0
        /// Multipliers for phrases of two and three words (one word: 1).
        package var twoWordWeight = 1.7
        package var threeWordWeight = 1.3
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
        let count = Double(candidate.bodyCount) + parameters.titleWeight * Double(candidate.titleCount)
        let idf = candidate.contentStems.isEmpty ? 0
            : candidate.contentStems.reduce(0) { $0 + frequencies.inverse($1) } / Double(candidate.contentStems.count)
        let length = candidate.length == 1 ? 1 : candidate.length == 2 ? parameters.twoWordWeight : parameters.threeWordWeight
        let position = 1 / (1 + parameters.positionWeight * candidate.firstPosition)
        let entity = candidate.isEntity ? parameters.entityWeight : 1
        return pow(count, parameters.countExponent) * idf * length * position * entity
    }

    /// How many candidates an article keeps until it is ranked (``shortlist(_:)``).
    package var shortlistSize = 40

    /// The candidates most likely to rank in the top ``limit`` whatever the document
    /// frequencies: the best ``shortlistSize`` by the score without its rarity factor, and
    /// every candidate in the title.
    package func shortlist(_ candidates: [KeywordCandidate]) -> [KeywordCandidate] {
        guard candidates.count > shortlistSize else { return candidates }
        let common = DocumentFrequencies(documents: 1, counts: [:])
        let ordered = candidates.map { ($0, score($0, frequencies: common)) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.key < $1.0.key }
        return ordered.prefix(shortlistSize).map(\.0) + ordered.dropFirst(shortlistSize).filter { $0.0.titleCount > 0 }.map(\.0)
    }

    /// The best candidates, best first, one per normalized form (and per stem key).
    package func rank(_ candidates: [KeywordCandidate], frequencies: DocumentFrequencies) -> [KeywordCandidate] {
        let scored = candidates.map { ($0, score($0, frequencies: frequencies)) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.key < $1.0.key }
        var seen = Set<String>()
        var result: [KeywordCandidate] = []
        for (candidate, score) in scored where score > 0 {
            guard seen.insert(candidate.normalized).inserted else { continue }
            result.append(candidate)
            if result.count == limit { break }
        }
        return result
    }
}

