import ArabicText

/// What a query with quoted words asks beyond its FTS5 expression.
///
/// `articles_fts` holds stems, so `"كاميرون"` there also finds كاميرات. ``FTSQueryBuilder``
/// gives it a looser expression (stems, no clitic variants, quoted exclusions left out) that
/// finds every article that can match, and this check keeps the ones that do: a quoted word or
/// phrase matches consecutive words with the same normalized forms (harakat, tatweel and letter
/// forms folded; no stemming, no clitics added or removed), looked up in `articles_forms`
/// (``FormsIndex``); an unquoted word matches as FTS5 matches it. No article text is read.
indirect enum ExactMatchCheck: Sendable, Equatable {
    /// Consecutive words with these normalized forms.
    case exact([[Unicode.Scalar]], field: SearchField?)
    /// An unquoted word or phrase: this FTS5 expression over `articles_fts` (its field included).
    case terms(String)
    /// Every part, and none of the exclusions.
    case all([ExactMatchCheck], excluding: [ExactMatchCheck])
    /// Any part.
    case any([ExactMatchCheck])

    /// Whether any quoted words are in it (only then is there something to check).
    var hasExactWords: Bool {
        switch self {
        case .exact: true
        case .terms: false
        case let .all(parts, excluding): (parts + excluding).contains(where: \.hasExactWords)
        case let .any(parts): parts.contains(where: \.hasExactWords)
        }
    }

    /// The check without the parts FTS5 already decided: the unquoted words every candidate
    /// has (the positive parts of a conjunction match exactly as the FTS5 expression does).
    var withoutImpliedTerms: ExactMatchCheck {
        guard case let .all(parts, excluding) = self else { return self }
        return .all(parts.compactMap { part in
            if case .terms = part { return nil }
            return part.withoutImpliedTerms
        }, excluding: excluding)
    }

    /// The articles among `candidates` that pass, decided on the terms and forms indexes.
    func articles(among candidates: Set<Int64>, connection: Connection) throws -> Set<Int64> {
        guard !candidates.isEmpty else { return [] }
        switch self {
        case let .exact(forms, field):
            guard !forms.isEmpty else { return [] }
            return try Self.matching("SELECT rowid FROM articles_forms WHERE articles_forms MATCH ?",
                                     FormsIndex.phrase(forms, field: field), among: candidates, connection: connection)
        case let .terms(match):
            return try Self.matching("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", match, among: candidates, connection: connection)
        case let .all(parts, excluding):
            var result = candidates
            for part in parts where !result.isEmpty { result = try part.articles(among: result, connection: connection) }
            for part in excluding where !result.isEmpty { result.subtract(try part.articles(among: result, connection: connection)) }
            return result
        case let .any(parts):
            var result = Set<Int64>()
            for part in parts { result.formUnion(try part.articles(among: candidates, connection: connection)) }
            return result
        }
    }

    private static func matching(_ sql: String, _ match: String, among candidates: Set<Int64>, connection: Connection) throws -> Set<Int64> {
        let statement = try connection.cachedStatement(sql)
        try statement.bind([match])
        defer { statement.reset() }
        var found = Set<Int64>()
        while try statement.step() {
            if let id = statement.value(at: 0).int64, candidates.contains(id) { found.insert(id) }
        }
        return found
    }

    /// The normalized forms of a quoted text's words, in order.
    static func forms(of text: String, analyzer: Analyzer) -> [[Unicode.Scalar]] {
        let analyzed = analyzer.analyzeWords(text)
        return analyzed.words.filter { !$0.normalizedRange.isEmpty }.map { Array(analyzed.normalizedScalars[$0.normalizedRange]) }
    }
}
