/// Finds near-duplicates through the stored MinHash signatures and their LSH bands, including
/// articles whose bands are not in the index yet (see ``SignatureBandIndex``).
struct NearDuplicateFinder {
    let connection: Connection
    /// Band keys of the articles not yet in `signature_bands`, and which articles have each.
    private let pending: [Int64: [Int64]]

    private var index: SignatureBandIndex { SignatureBandIndex(connection: connection) }

    /// A finder over the whole store: reads the unbanded tail's bands from its signatures.
    init(connection: Connection) throws {
        self.connection = connection
        pending = try SignatureBandIndex(connection: connection).pendingBands()
    }

    /// A finder over the band index alone, for a writer that keeps it caught up.
    init(bandedOnly connection: Connection) {
        self.connection = connection
        pending = [:]
    }

    /// Stored articles sharing a band with `signature`, with their estimated similarity.
    func candidates(of signature: MinHashSignature, excluding id: Int64? = nil) throws -> [(id: Int64, similarity: Double)] {
        let keys = signature.bandKeys
        let placeholders = keys.map { _ in "?" }.joined(separator: ", ")
        let rows = try connection.rows("""
            SELECT s.article_id, s.minhash FROM article_signatures AS s
             WHERE s.article_id IN (SELECT article_id FROM signature_bands WHERE band_key IN (\(placeholders)))
            """, keys)
        var seen = Set<Int64>()
        var result: [(id: Int64, similarity: Double)] = rows.compactMap { row in
            guard let candidate = row[0].int64, candidate != id, case let .blob(bytes) = row[1],
                  let other = MinHashSignature(bytes: bytes) else { return nil }
            seen.insert(candidate)
            return (candidate, signature.similarity(to: other))
        }
        for key in keys {
            for candidate in pending[key] ?? [] where candidate != id && seen.insert(candidate).inserted {
                guard let other = try index.signature(of: candidate) else { continue }
                result.append((candidate, signature.similarity(to: other)))
            }
        }
        return result
    }

    /// The stored article most similar to `signature`, if any reaches `threshold`.
    func mostSimilar(to signature: MinHashSignature, atLeast threshold: Double) throws -> (Int64, Double)? {
        try candidates(of: signature).filter { $0.similarity >= threshold }.max { $0.similarity < $1.similarity }.map { ($0.id, $0.similarity) }
    }

    /// Clusters of near-duplicate articles, largest first. A cluster is an article (its oldest
    /// member, the *leader*) and the later articles whose estimated similarity to it is at or
    /// above `threshold`; each article is in at most one cluster, that of the oldest leader it
    /// is similar to. (Single linkage, "similar to any member", chained unrelated stories into
    /// one cluster at low thresholds on large stores.)
    func clusters(threshold: Double) throws -> [NearDuplicateCluster] {
        // Pairs at or above the threshold, from each earlier article to the later ones.
        var later: [Int64: [NearDuplicateCluster.Member]] = [:]
        var accepted = Set<ArticlePair>()
        for group in try bandGroups() where group.count <= 200 { // hundreds sharing a band: boilerplate, not a story
            let members = try signatures(of: group)
            for (index, first) in members.enumerated() {
                for second in members[(index + 1)...] {
                    let similarity = first.signature.similarity(to: second.signature)
                    guard similarity >= threshold, accepted.insert(ArticlePair(first.id, second.id)).inserted else { continue }
                    later[first.id, default: []].append(NearDuplicateCluster.Member(id: second.id, similarity: similarity))
                }
            }
        }
        var assigned = Set<Int64>()
        var clusters: [NearDuplicateCluster] = []
        for leader in later.keys.sorted() where !assigned.contains(leader) {
            let members = (later[leader] ?? []).filter { !assigned.contains($0.id) }.sorted { $0.id < $1.id }
            guard !members.isEmpty else { continue }
            assigned.insert(leader)
            for member in members { assigned.insert(member.id) }
            clusters.append(NearDuplicateCluster(members: [NearDuplicateCluster.Member(id: leader, similarity: 1)] + members))
        }
        return clusters.sorted { ($0.members.count, -($0.members.first?.id ?? 0)) > ($1.members.count, -($1.members.first?.id ?? 0)) }
    }

    /// The articles of every band key that more than one article has (banded or not).
    private func bandGroups() throws -> [[Int64]] {
        var groups = try connection.rows("""
            SELECT group_concat(article_id) FROM signature_bands GROUP BY band_key HAVING count(*) > 1
            """).map { ($0[0].string ?? "").split(separator: ",").compactMap { Int64($0) } }
        // Unbanded articles join the banded ones that share their band.
        for (key, ids) in pending {
            let banded = try connection.rows("SELECT article_id FROM signature_bands WHERE band_key = ?", [key]).compactMap { $0[0].int64 }
            if ids.count + banded.count > 1 { groups.append(ids + banded) }
        }
        return groups
    }

    /// The stored signatures of `ids`, in id order (ids without one are left out).
    private func signatures(of ids: [Int64]) throws -> [(id: Int64, signature: MinHashSignature)] {
        try Set(ids).sorted().compactMap { id in
            try index.signature(of: id).map { (id, $0) }
        }
    }
}
