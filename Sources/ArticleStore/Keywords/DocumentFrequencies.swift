import Foundation

/// In how many articles each index term (stem) occurs, and how many articles there are: the
/// background keyword ranking compares an article against. The store reads them from the
/// full-text index itself (FTS5's `fts5vocab`, in ``KeywordWriter``), so it keeps no second
/// copy; ``add(terms:)`` counts a background in memory (the keyword benchmark's).
package struct DocumentFrequencies: Sendable {
    private(set) var documents: Int
    private var counts: [String: Int]

    package init(documents: Int = 0, counts: [String: Int] = [:]) {
        self.documents = documents
        self.counts = counts
    }

    /// Counts one more article with these distinct terms.
    package mutating func add<Terms: Sequence>(terms: Terms) where Terms.Element == String {
        documents += 1
        for term in terms { counts[term, default: 0] += 1 }
    }

    package func count(_ term: String) -> Int { counts[term] ?? 0 }

    /// log((N + 1) / (df + 1)) + 1: rare terms weigh more; never zero.
    package func inverse(_ term: String) -> Double {
        Self.inverse(count: count(term), documents: documents)
    }

    /// The inverse document frequency of a term in `count` of `documents` articles.
    package static func inverse(count: Int, documents: Int) -> Double {
        log(Double(documents + 1) / Double(count + 1)) + 1
    }
}
