/// Finds near-duplicates through the stored MinHash signatures and their LSH bands, including
/// articles whose bands are not in the index yet (see ``SignatureBandIndex``).
struct NearDuplicateFinder {
    let connection: Connection
    /// Band keys of the articles not yet in `signature_bands`, and which articles have each.
    private let pending: [Int64: [Int64]]

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
                guard case let .blob(bytes) = try connection.scalar("SELECT minhash FROM article_signatures WHERE article_id = ?", [candidate]),
                      let other = MinHashSignature(bytes: bytes) else { continue }
                result.append((candidate, signature.similarity(to: other)))
            }
        }
        return result
    }

    /// The stored article most similar to `signature`, if any reaches `threshold`.
    func mostSimilar(to signature: MinHashSignature, atLeast threshold: Double) throws -> (Int64, Double)? {
        try candidates(of: signature).filter { $0.similarity >= threshold }.max { $0.similarity < $1.similarity }.map { ($0.id, $0.similarity) }
    }

    /// Clusters of near-duplicate articles: groups of articles linked by estimated similarity
    /// at or above `threshold` (single linkage), largest first.
    func clusters(threshold: Double) throws -> [NearDuplicateCluster] {
        var parent: [Int64: Int64] = [:]
        func find(_ id: Int64) -> Int64 {
            var root = id
            while let next = parent[root], next != root { root = next }
            var node = id
            while let next = parent[node], next != root { parent[node] = root; node = next }
            return root
        }
        var pairs: [Int64: [(Int64, Double)]] = [:]
        var signatures: [Int64: MinHashSignature] = [:]
        func signature(_ id: Int64) throws -> MinHashSignature? {
            if let cached = signatures[id] { return cached }
            guard case let .blob(bytes) = try connection.scalar("SELECT minhash FROM article_signatures WHERE article_id = ?", [id]),
                  let decoded = MinHashSignature(bytes: bytes) else { return nil }
            signatures[id] = decoded
            return decoded
        }
        var checked = Set<[Int64]>()
        var groups = try connection.rows("""
            SELECT group_concat(article_id) FROM signature_bands GROUP BY band_key HAVING count(*) > 1
            """).map { ($0[0].string ?? "").split(separator: ",").compactMap { Int64($0) } }
        // Unbanded articles join the banded ones that share their band.
        for (key, ids) in pending {
            let banded = try connection.rows("SELECT article_id FROM signature_bands WHERE band_key = ?", [key]).compactMap { $0[0].int64 }
            if ids.count + banded.count > 1 { groups.append(ids + banded) }
        }
        for group in groups {
            let ids = group.sorted()
            guard ids.count <= 200 else { continue } // a band shared by hundreds is boilerplate, not a story
            for (index, first) in ids.enumerated() {
                for second in ids[(index + 1)...] where checked.insert([first, second]).inserted {
                    guard let a = try signature(first), let b = try signature(second) else { continue }
                    let similarity = a.similarity(to: b)
                    guard similarity >= threshold else { continue }
                    pairs[first, default: []].append((second, similarity))
                    parent[first] = parent[first] ?? first
                    parent[second] = parent[second] ?? second
                    let (rootA, rootB) = (find(first), find(second))
                    if rootA != rootB { parent[max(rootA, rootB)] = min(rootA, rootB) }
                }
            }
        }
        var members: [Int64: [Int64]] = [:]
        for id in parent.keys { members[find(id), default: []].append(id) }
        var clusters: [NearDuplicateCluster] = []
        for (root, ids) in members {
            let base = try signature(root)
            var scored: [NearDuplicateCluster.Member] = []
            for id in ids.sorted() {
                var similarity = 1.0
                if id != root, let base, let other = try signature(id) { similarity = base.similarity(to: other) }
                scored.append(NearDuplicateCluster.Member(id: id, similarity: similarity))
            }
            clusters.append(NearDuplicateCluster(members: scored))
        }
        return clusters.sorted { ($0.members.count, -($0.members.first?.id ?? 0)) > ($1.members.count, -($1.members.first?.id ?? 0)) }
    }
}
