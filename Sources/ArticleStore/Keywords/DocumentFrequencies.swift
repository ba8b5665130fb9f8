import Foundation

/// In how many articles each index term (stem) occurs, and how many articles there are: the
/// background keyword ranking compares an article against. Read from the full-text index
/// itself (FTS5's `fts5vocab`, so the store keeps no second copy) and counted forward in
/// memory as a run adds articles.
package struct DocumentFrequencies: Sendable {
    private(set) var documents: Int
    private var counts: [String: Int]

    package init(documents: Int = 0, counts: [String: Int] = [:]) {
        self.documents = documents
        self.counts = counts
    }

    /// The store's frequencies, from its terms index.
    static func load(from connection: Connection) throws -> DocumentFrequencies {
        try connection.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_fts_terms USING fts5vocab(main, articles_fts, row)")
        var counts: [String: Int] = [:]
        for row in try connection.rows("SELECT term, doc FROM temp.articles_fts_terms") {
            if let term = row[0].string, let documents = row[1].int64 { counts[term] = Int(documents) }
        }
        let documents = Int(try connection.scalar("SELECT count(*) FROM articles_fts_docsize").int64 ?? 0)
        return DocumentFrequencies(documents: documents, counts: counts)
    }

    /// Counts one more article with these distinct terms.
    package mutating func add<Terms: Sequence>(terms: Terms) where Terms.Element == String {
        documents += 1
        for term in terms { counts[term, default: 0] += 1 }
    }

    package func count(_ term: String) -> Int { counts[term] ?? 0 }

    /// log((N + 1) / (df + 1)) + 1: rare terms weigh more; never zero.
    package func inverse(_ term: String) -> Double {
        log(Double(documents + 1) / Double(count(term) + 1)) + 1
    }
}
