import ArabicText

/// The entities a query names, for entity-aware ranking (``SearchOptions/entityWeight``): runs
/// of up to four consecutive query words whose analyzed key is a name or alias of an entity the
/// store knows (`entity_aliases.alias_key`, the key `entity:` filters use), the longest first
/// and without overlaps. Words inside exclusions and prefix words are not names.
struct QueryEntities {
    /// Per name found in the query, the entities known by it (a name may belong to a person
    /// and a place).
    let groups: [[Int64]]

    /// The longest run of words looked up as one name.
    static let longestName = 4

    /// The entities `expression` names in the store behind `connection`.
    static func find(in expression: QueryExpression, analyzer: Analyzer, connection: Connection) throws -> QueryEntities {
        var words: [String] = []
        collectWords(expression, into: &words)
        // Each word's key terms (stopwords kept, as entity keys keep them), and whether it is
        // only a stopword (a name never starts or ends with one).
        let keys = words.map { analyzer.termsText($0, includingStopwords: true) }
        let contentful = words.map { !analyzer.termsText($0).isEmpty }
        var candidates: [(range: Range<Int>, key: String)] = []
        for start in words.indices where contentful[start] {
            for end in (start + 1)...min(words.count, start + longestName) where contentful[end - 1] {
                let key = keys[start..<end].filter { !$0.isEmpty }.joined(separator: " ")
                if !key.isEmpty { candidates.append((start..<end, key)) }
            }
        }
        guard !candidates.isEmpty else { return QueryEntities(groups: []) }
        let distinctKeys = Array(Set(candidates.map(\.key))).sorted()
        var entitiesByKey: [String: [Int64]] = [:]
        // Placeholders only: every key is a bound parameter.
        for start in stride(from: 0, to: distinctKeys.count, by: 200) {
            let chunk = Array(distinctKeys[start..<min(distinctKeys.count, start + 200)])
            let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            for row in try connection.rows("SELECT DISTINCT alias_key, entity_id FROM entity_aliases WHERE alias_key IN (\(placeholders))", chunk) {
                if let key = row["alias_key"].string, let id = row["entity_id"].int64 { entitiesByKey[key, default: []].append(id) }
            }
        }
        // Longest names first; a shorter one inside a longer one is part of it.
        var taken = [Bool](repeating: false, count: words.count)
        var groups: [[Int64]] = []
        for candidate in candidates.sorted(by: { ($0.range.count, -$0.range.lowerBound) > ($1.range.count, -$1.range.lowerBound) }) {
            guard let ids = entitiesByKey[candidate.key], !candidate.range.contains(where: { taken[$0] }) else { continue }
            for index in candidate.range { taken[index] = true }
            groups.append(ids.sorted())
        }
        return QueryEntities(groups: groups)
    }

    /// The words of the expression's positive terms and phrases, in order.
    private static func collectWords(_ expression: QueryExpression, into words: inout [String]) {
        switch expression {
        case let .term(text, prefix, _):
            if !prefix { words.append(text) }
        case let .phrase(text, _):
            words += text.split(whereSeparator: \.isWhitespace).map(String.init)
        case let .and(parts), let .or(parts):
            for part in parts { collectWords(part, into: &words) }
        case .not:
            break
        }
    }

    /// Mentions of a name at which an article counts as fully about it (one mention counts half).
    /// Chosen with the weight on ARCD and the dev-days known-item set (`articles-bench
    /// retrieval`): 1 and 4 did less on ARCD.
    static let saturation = 2.0

    /// `rows` (best first, with `id` and `score`) ordered again: each score plus `weight` times
    /// the best score times how far the article mentions the query's names (per name, its
    /// mentions up to ``saturation``, averaged over the names); equal scores keep their order.
    func rerank(_ rows: [Row], weight: Double, connection: Connection) throws -> [Row] {
        guard !groups.isEmpty, weight > 0, rows.count > 1 else { return rows }
        let ids = rows.compactMap { $0["id"].int64 }
        let entities = Array(Set(groups.joined())).sorted()
        let articlePlaceholders = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        let entityPlaceholders = Array(repeating: "?", count: entities.count).joined(separator: ", ")
        var mentioned: [Int64: [Int64: Int]] = [:]
        for row in try connection.rows("""
            SELECT article_id, entity_id, count(*) AS n FROM mentions
             WHERE article_id IN (\(articlePlaceholders)) AND entity_id IN (\(entityPlaceholders)) GROUP BY article_id, entity_id
            """, ids + entities) {
            if let article = row["article_id"].int64, let entity = row["entity_id"].int64 {
                mentioned[article, default: [:]][entity] = Int(row["n"].int64 ?? 0)
            }
        }
        guard !mentioned.isEmpty else { return rows }
        let best = rows.compactMap { $0["score"].double }.max() ?? 0
        let scored = rows.enumerated().map { index, row -> (Double, Int, Row) in
            let found = mentioned[row["id"].int64 ?? 0] ?? [:]
            let share = groups.reduce(0.0) { sum, group in
                sum + min(1, Double(group.reduce(0) { $0 + (found[$1] ?? 0) }) / Self.saturation)
            } / Double(groups.count)
            return ((row["score"].double ?? 0) + weight * abs(best) * share, index, row)
        }
        return scored.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.map(\.2)
    }
}
