import ArabicText

/// What a query with quoted words asks of an article, checked on the article's own text.
///
/// FTS5 sees only stems, so `"كاميرون"` there also finds كاميرات. ``FTSQueryBuilder`` gives
/// FTS5 a looser expression (stems, no clitic variants, quoted exclusions left out) that finds
/// every article that can match, and this check keeps the ones that do: a quoted word or phrase
/// matches consecutive words with the same normalized forms (harakat, tatweel and letter forms
/// folded; no stemming, no clitics added or removed), an unquoted word matches as FTS5 matches it.
indirect enum ExactMatchCheck: Sendable, Equatable {
    /// Consecutive words with these normalized forms.
    case exact([[Unicode.Scalar]], field: SearchField?)
    /// Consecutive index terms equal to one of the variants (as FTS5 matches an unquoted word);
    /// with a prefix, one more term that starts with it.
    case terms([[String]], prefix: String?, field: SearchField?)
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

    /// An article's fields, compared word by word as written and analyzed (for stems) only
    /// when an unquoted word must be checked.
    final class Document {
        let title: String?
        let body: String
        let tags: String?
        let analyzer: Analyzer
        private var analyzed: [SearchField: AnalyzedText] = [:]

        init(title: String?, body: String, tags: String?, analyzer: Analyzer) {
            (self.title, self.body, self.tags, self.analyzer) = (title, body, tags, analyzer)
        }

        func texts(_ field: SearchField?) -> [(field: SearchField, text: String)] {
            switch field {
            case .title: title.map { [(.title, $0)] } ?? []
            case .body: [(.body, body)]
            case .tags: tags.map { [(.tags, $0)] } ?? []
            case nil: [title.map { (.title, $0) }, (.body, body), tags.map { (.tags, $0) }].compactMap { $0 }
            }
        }

        func analysis(of field: SearchField, _ text: String) -> AnalyzedText {
            if let done = analyzed[field] { return done }
            let result = analyzer.analyzeWords(text)
            analyzed[field] = result
            return result
        }
    }

    func matches(_ document: Document) -> Bool {
        switch self {
        case let .exact(forms, field):
            document.texts(field).contains { Self.containsWords(forms, in: $0.text, analyzer: document.analyzer) }
        case let .terms(variants, prefix, field):
            document.texts(field).contains { field, text in
                let analyzed = document.analysis(of: field, text)
                return variants.contains { Self.containsTerms($0, prefix: prefix, in: analyzed) }
            }
        case let .all(parts, excluding):
            parts.allSatisfy { $0.matches(document) } && !excluding.contains { $0.matches(document) }
        case let .any(parts):
            parts.contains { $0.matches(document) }
        }
    }

    /// The normalized forms of a quoted text's words, in order.
    static func forms(of text: String, analyzer: Analyzer) -> [[Unicode.Scalar]] {
        let analyzed = analyzer.analyzeWords(text)
        return analyzed.words.filter { !$0.normalizedRange.isEmpty }.map { Array(analyzed.normalizedScalars[$0.normalizedRange]) }
    }

    /// Whether `text` has the words `forms` one after another: its words are normalized one
    /// by one (no stemming) and followed as partial matches of the phrase.
    private static func containsWords(_ forms: [[Unicode.Scalar]], in text: String, analyzer: Analyzer) -> Bool {
        guard !forms.isEmpty else { return false }
        var found = false
        // Phrase positions reached by the words so far (partial matches still alive).
        var alive: [Int] = [], next: [Int] = []
        analyzer.forEachNormalizedWord(in: text) { word in
            next.removeAll(keepingCapacity: true)
            // Each partial match this word extends, and a new one starting at it.
            for index in 0...alive.count {
                let reached = index < alive.count ? alive[index] : 0
                guard forms[reached].elementsEqual(word) else { continue }
                if reached + 1 == forms.count {
                    found = true
                    return false
                }
                next.append(reached + 1)
            }
            swap(&alive, &next)
            return true
        }
        return found
    }

    private static func containsTerms(_ stems: [String], prefix: String?, in text: AnalyzedText) -> Bool {
        let scalars = text.normalizedScalars
        let terms = text.words.filter { !$0.isStopword && !$0.stemRange.isEmpty }.map { scalars[$0.stemRange] }
        let wanted = stems.map { Array($0.unicodeScalars) }
        let stub = prefix.map { Array($0.unicodeScalars) }
        let length = wanted.count + (stub == nil ? 0 : 1)
        guard length > 0, terms.count >= length else { return false }
        for start in 0...(terms.count - length) {
            guard wanted.indices.allSatisfy({ terms[start + $0].elementsEqual(wanted[$0]) }) else { continue }
            if let stub {
                let last = terms[start + wanted.count]
                if last.count >= stub.count, last.prefix(stub.count).elementsEqual(stub) { return true }
            } else {
                return true
            }
        }
        return false
    }
}
