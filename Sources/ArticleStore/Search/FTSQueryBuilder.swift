import ArabicText

/// Turns a ``QueryExpression`` into an FTS5 MATCH expression over analyzed terms.
///
/// Every word goes through the analyzer (so it meets the indexed stems) and is emitted as a
/// double-quoted FTS5 string: no user character is ever read as FTS5 syntax. Stopwords and
/// punctuation drop out; a query left with no words is an error, not an empty result.
/// See https://sqlite.org/fts5.html#full_text_query_syntax.
struct FTSQueryBuilder {
    let analyzer: Analyzer

    /// Stems of the positive words, for highlighting.
    private(set) var highlightTerms: [String] = []
    /// Prefixes of positive `prefix*` words, for highlighting.
    private(set) var highlightPrefixes: [String] = []
    /// Normalized forms of positive quoted words, for highlighting (the words themselves, not
    /// their stems: `"السياحة"` highlights السياحة, not السياحية).
    private(set) var highlightForms: [String] = []
    /// How many positive words and prefixes highlight: a snippet holding that many different
    /// matched words holds the whole query.
    private(set) var highlightWordCount = 0
    /// For each positive word the stemmer shortened, its normalized form without the article:
    /// a document with that form itself (كاميرون) ranks above one that only shares the stem
    /// (كاميرات). See ``SearchEngine``.
    /// Each entry lists the forms that count for one word (typed with a proclitic, the bare
    /// word counts too).
    private(set) var exactForms: [[String]] = []

    /// All-words mode also matches indexed forms with a proclitic added (وزير → لوزير). Any-word
    /// mode does not: there every form is scored as a term of its own, and the rare clitic forms'
    /// high IDF outweighed the topic words (ARCD MRR@10 0.803 → 0.790).
    private var addProclitics = false

    /// Any-word mode drops interrogatives (هل، كيف، متى ...) when the query has other words.
    private var dropQuestionWords = false

    /// Whether any of these analyzed terms is in the index, for the clitic and spelling
    /// fallbacks (nil: no fallback).
    private let anyIndexed: (([String]) throws -> Bool)?

    init(analyzer: Analyzer, anyIndexed: (([String]) throws -> Bool)? = nil) {
        self.analyzer = analyzer
        self.anyIndexed = anyIndexed
    }

    /// One-letter proclitics (ب ل ك ف) that the light stemmer leaves alone, because stripping them
    /// blindly ruins words (بحث، لبنان، كتاب، فرنسا). The query side looks them up instead: a word
    /// typed with one also matches the indexed word without it (بريابكوف → ريابكوف), and a word
    /// typed without one also matches indexed forms with one (وزير → لوزير، إيران → بإيران), in
    /// both cases only when that form is in the index and the word is long enough to be safe.
    private static let proclitics: [Character] = ["ب", "ل", "ك", "ف"]

    /// عبد ("servant of"), the first half of compound names (عبدالله، عبد الرحمن).
    private static let servantOf = "عبد"

    /// Adjacent words `عبد` and `ال…` (same field, not prefixes) as one joined word, which
    /// ``stems(of:)`` then also matches as the two words side by side: `عبد العزيز` finds
    /// `عبدالعزيز` too.
    private func joiningCompoundNames(_ parts: [QueryExpression]) -> [QueryExpression] {
        var result: [QueryExpression] = []
        var index = 0
        while index < parts.count {
            if index + 1 < parts.count,
               case let .term(first, false, field) = parts[index], case let .term(second, false, secondField) = parts[index + 1],
               field == secondField, analyzer.normalize(first) == Self.servantOf {
                let rest = analyzer.normalize(second)
                if rest.count >= 4, rest.hasPrefix("ال") {
                    result.append(.term(Self.servantOf + rest, prefix: false, field: field))
                    index += 2
                    continue
                }
            }
            result.append(parts[index])
            index += 1
        }
        return result
    }

    /// The stems a query token stands for: its own, plus its indexed proclitic variants.
    private func stems(of token: Token) throws -> [String] {
        guard let anyIndexed else { return [token.stem] }
        func isIndexed(_ term: String) throws -> Bool { try anyIndexed([term]) }
        // Whether the word as typed is in the index: looked up once, when first needed.
        var typedIsIndexed: Bool?
        func typedIndexed() throws -> Bool {
            if let known = typedIsIndexed { return known }
            let known = try isIndexed(token.stem)
            typedIsIndexed = known
            return known
        }
        var result = [token.stem]
        /// The stem of `normalized` when it is new and `expected`: the stemmer must treat the
        /// variant as the same word plus or minus the proclitic (not بايران → باير).
        func variant(_ normalized: String, expected: (String) -> Bool) -> String? {
            let stem = analyzer.stem(normalized: normalized)
            return stem.count >= 3 && !result.contains(stem) && expected(stem) ? stem : nil
        }
        let word = token.normalized
        // Names with عبد are written both joined and apart (عبدالعزيز، عبد العزيز): the joined
        // form also matches the two words side by side (a two-word alternative).
        if word.count >= 7, word.hasPrefix(Self.servantOf + "ال") {
            let split = Self.servantOf + " " + analyzer.stem(normalized: String(word.dropFirst(Self.servantOf.count)))
            if !result.contains(split) { result.append(split) }
        }
        // Strip a typed proclitic only when the word as typed is not itself in the index: a name
        // that starts with one of these letters (كاميرون) must not turn into another word (أمير).
        if let first = word.first, Self.proclitics.contains(first), word.count >= 4, token.stem.first == first,
           try !typedIndexed() {
            if let stem = variant(String(word.dropFirst()), expected: { String(first) + $0 == token.stem }), try isIndexed(stem) {
                result.append(stem)
            }
        }
        if addProclitics, word.count >= 4, !word.hasPrefix("ال"), token.stem.count >= 4 {
            // The variants the stemmer keeps whole, looked up all at once first: usually none
            // is indexed, and then that is the only lookup.
            var candidates: [String] = []
            for proclitic in Self.proclitics {
                if let stem = variant(String(proclitic) + word, expected: { $0 == String(proclitic) + token.stem }),
                   !candidates.contains(stem) {
                    candidates.append(stem)
                }
            }
            if !candidates.isEmpty, try anyIndexed(candidates) {
                for stem in candidates where try isIndexed(stem) { result.append(stem) }
            }
        }
        // Foreign names are written with and without long vowels (بلجيكا، بلجيكيا؛ كاميرون،
        // كامرون): a word the index does not have also matches the indexed spellings one long
        // vowel away (or two fewer).
        if result.count == 1, word.count >= 5, try !typedIndexed() {
            var seen = Set(result)
            let stems = Self.longVowelVariants(of: word).map { analyzer.stem(normalized: $0) }.filter { $0.count >= 4 && seen.insert($0).inserted }
            // One lookup for all of them first: usually none is indexed (a question word with a
            // proclitic, a rare typo), and then that is the only lookup.
            if !stems.isEmpty, try anyIndexed(stems) {
                for stem in stems where result.count <= Self.longVowelVariantLimit {
                    if try isIndexed(stem) { result.append(stem) }
                }
            }
        }
        return result
    }

    /// The most spellings a word not in the index gains from ``longVowelVariants(of:)``.
    static let longVowelVariantLimit = 2

    /// The long vowels foreign names are spelled with or without.
    private static let longVowels: Set<Character> = ["ا", "و", "ي"]

    /// `word` (normalized) with one inner long vowel dropped, one added between two other
    /// letters, or two dropped, in that order; the first and last letters stay.
    static func longVowelVariants(of word: String) -> [String] {
        let letters = Array(word)
        guard letters.count >= 3 else { return [] }
        let inner = (1..<(letters.count - 1)).filter { longVowels.contains(letters[$0]) }
        var result: [String] = []
        var seen: Set<String> = [word]
        func add(_ candidate: [Character]) {
            let text = String(candidate)
            if seen.insert(text).inserted { result.append(text) }
        }
        for index in inner {
            var candidate = letters
            candidate.remove(at: index)
            add(candidate)
        }
        for index in 1..<letters.count where !longVowels.contains(letters[index - 1]) && !longVowels.contains(letters[index]) {
            for vowel in ["ا", "و", "ي"] as [Character] {
                var candidate = letters
                candidate.insert(vowel, at: index)
                add(candidate)
            }
        }
        for (position, first) in inner.enumerated() {
            for second in inner[(position + 1)...] {
                var candidate = letters
                candidate.remove(at: second)
                candidate.remove(at: first)
                add(candidate)
            }
        }
        for index in letters.indices {
            guard let other = confusable[letters[index]] else { continue }
            var candidate = letters
            candidate[index] = other
            add(candidate)
        }
        return result
    }

    static let confusable: [Character: Character] = ["س": "ص", "ص": "س", "ز": "ذ", "ذ": "ز", "ض": "ظ", "ظ": "ض", "ت": "ط", "ط": "ت", "ث": "س", "ق": "ك", "ك": "ق"]

    /// A phrase (or one word) of tokens as an FTS5 expression, OR-ing the clitic alternatives
    /// (none for a quoted phrase: `exact`).
    private mutating func phrase(_ tokens: [Token], prefixStub: String? = nil, negated: Bool,
                                 exact: Bool = false) throws -> String {
        var variants: [[String]] = [[]]
        for token in tokens {
            let options = exact ? [token.stem] : try stems(of: token)
            let words = options.map { $0.split(separator: " ").map(String.init) }
            if !negated {
                if exact { highlightForms.append(token.normalized) } else { highlightTerms += words.flatMap { $0 } }
                highlightWordCount += 1
            }
            variants = Array(variants.flatMap { variant in words.map { variant + $0 } }.prefix(16))
        }
        let quoted = variants.map { variant -> String in
            let words = variant + (prefixStub.map { [$0] } ?? [])
            return Self.quote(words.joined(separator: " ")) + (prefixStub == nil ? "" : " *")
        }
        return quoted.count == 1 ? quoted[0] : "(" + quoted.joined(separator: " OR ") + ")"
    }

    /// A part of the query: its FTS5 expression (nil for a quoted exclusion, which only the
    /// check can decide) and what the article's text must satisfy (``ExactMatchCheck``).
    private struct Part {
        var match: String?
        var check: ExactMatchCheck
    }

    /// What the text of a matching article must satisfy, when the query quotes words (FTS5
    /// matches stems, so its candidates are checked: see ``ExactMatchCheck``); nil otherwise.
    private(set) var check: ExactMatchCheck?

    /// The MATCH expression for `expression`. Throws ``ArticleStoreError/invalidQuery(message:position:)``
    /// when nothing searchable is left or the query only excludes.
    mutating func build(_ expression: QueryExpression, mode: ArticleSelection.Mode) throws -> String {
        // A pasted question ranks better without its interrogatives, as long as something is left.
        addProclitics = mode == .all
        dropQuestionWords = mode == .any && Self.words(of: expression).contains { word in
            analyzer.tokens(word).contains { !$0.isStopword && $0.stemLength > 0 && !QuestionWords.contains(normalized: $0.normalized) }
        }
        guard let part = try build(expression, anyAtThisLevel: mode == .any, negated: false), let match = part.match else {
            throw ArticleStoreError.invalidQuery(
                message: "the query has only stopwords or punctuation, so there is nothing to search for", position: nil)
        }
        check = part.check.hasExactWords ? part.check.withoutImpliedTerms : nil
        return match
    }

    private mutating func build(_ expression: QueryExpression, anyAtThisLevel: Bool, negated: Bool) throws -> Part? {
        switch expression {
        case let .term(text, prefix, field):
            return try term(text, prefix: prefix, field: field, negated: negated)
        case let .phrase(text, field):
            let tokens = analyzer.tokens(text).filter { !$0.isStopword && $0.stemLength > 0 }
            guard !tokens.isEmpty else { return nil }
            // Quoted: FTS5 finds the articles with the stems (every article with the exact words
            // has them); the check keeps those with the words themselves. An exclusion by stems
            // would drop too much, so a quoted exclusion is left to the check alone.
            let match = try phrase(tokens, negated: negated, exact: true)
            return Part(match: negated ? nil : scoped(match, field),
                        check: .exact(ExactMatchCheck.forms(of: text, analyzer: analyzer), field: field))
        case let .or(parts):
            let built = try parts.compactMap { try build($0, anyAtThisLevel: false, negated: negated) }
            guard !built.isEmpty else { return nil }
            // A positive alternative the check alone decides would need every article as a
            // candidate; alternatives only occur with a match (exclusions are the nil ones).
            let matches = Self.unique(built.compactMap(\.match))
            let match = matches.isEmpty ? nil : matches.count == 1 ? matches[0] : "(" + matches.joined(separator: " OR ") + ")"
            return Part(match: match, check: built.count == 1 ? built[0].check : .any(built.map(\.check)))
        case let .not(inner):
            // A bare NOT at this level: nothing positive to subtract it from.
            guard try build(inner, anyAtThisLevel: false, negated: true) != nil else { return nil }
            throw ArticleStoreError.invalidQuery(message: "a query cannot only exclude words; add a word to search for", position: nil)
        case let .and(parts):
            var positives: [Part] = []
            var negatives: [Part] = []
            for part in joiningCompoundNames(parts) {
                if case let .not(inner) = part {
                    if let built = try build(inner, anyAtThisLevel: false, negated: true) { negatives.append(built) }
                } else if let built = try build(part, anyAtThisLevel: false, negated: negated) {
                    positives.append(built)
                }
            }
            if positives.isEmpty {
                if negatives.isEmpty { return nil }
                throw ArticleStoreError.invalidQuery(message: "a query cannot only exclude words; add a word to search for", position: nil)
            }
            // Inside an exclusion the expression must not match more than the part does: a part
            // with a quoted word (left to the check) leaves it to the check as a whole.
            let complete = positives.allSatisfy { $0.match != nil } && negatives.allSatisfy { $0.match != nil }
            let positiveMatches = Self.unique(positives.compactMap(\.match))
            let negativeMatches = Self.unique(negatives.compactMap(\.match))
            var match: String?
            if !positiveMatches.isEmpty, complete || !negated {
                var result = positiveMatches.count == 1 ? positiveMatches[0]
                    : "(" + positiveMatches.joined(separator: anyAtThisLevel ? " OR " : " AND ") + ")"
                if !negativeMatches.isEmpty {
                    result += " NOT " + (negativeMatches.count == 1 ? negativeMatches[0] : "(" + negativeMatches.joined(separator: " OR ") + ")")
                }
                match = result
            }
            let check: ExactMatchCheck = anyAtThisLevel
                ? .all([positives.count == 1 ? positives[0].check : .any(positives.map(\.check))], excluding: negatives.map(\.check))
                : .all(positives.map(\.check), excluding: negatives.map(\.check))
            return Part(match: match, check: check)
        }
    }

    private mutating func term(_ text: String, prefix: Bool, field: SearchField?, negated: Bool) throws -> Part? {
        let tokens = analyzer.tokens(text).filter {
            !$0.isStopword && $0.stemLength > 0 && !(dropQuestionWords && QuestionWords.contains(normalized: $0.normalized))
        }
        guard let last = tokens.last else { return nil }
        // Typed keyword queries only (all-words mode): in any-word mode (pasted questions) the
        // preference outweighed bm25 and cost ARCD MRR@10 0.804 → 0.759.
        if !negated && !prefix && addProclitics {
            for token in tokens {
                let form = Self.withoutArticle(token.normalized)
                guard form != token.stem, form.count >= 3, !exactForms.contains(where: { $0.first == form }) else { continue }
                var forms = [form]
                if let first = form.first, Self.proclitics.contains(first), form.count >= 5 { forms.append(String(form.dropFirst())) }
                exactForms.append(forms)
            }
        }
        if prefix {
            let stub = Self.withoutArticle(last.normalized)
            if !negated {
                highlightPrefixes.append(stub)
                highlightWordCount += 1
            }
            let match = scoped(try phrase(Array(tokens.dropLast()), prefixStub: stub, negated: negated), field)
            return Part(match: match, check: .terms(match))
        }
        let match = scoped(try phrase(tokens, negated: negated), field)
        return Part(match: match, check: .terms(match))
    }

    /// Parts in first-seen order without repeats: a word typed twice is searched once.
    private static func unique(_ parts: [String]) -> [String] {
        var seen = Set<String>()
        return parts.filter { seen.insert($0).inserted }
    }

    /// The positive words and phrases of an expression.
    private static func words(of expression: QueryExpression) -> [String] {
        switch expression {
        case let .term(text, _, _), let .phrase(text, _): [text]
        case let .and(parts), let .or(parts): parts.flatMap(words(of:))
        case .not: []
        }
    }

    private func scoped(_ expression: String, _ field: SearchField?) -> String {
        guard let field else { return expression }
        return "\(field.column) : \(expression)"
    }

    /// An FTS5 string literal: double quotes, inner quotes doubled.
    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The article with the proclitics it takes, longest first, as ``withoutArticle(_:)`` drops it.
    static let articles = ["وال", "بال", "كال", "فال", "ال", "لل"]

    /// A prefix as typed (`التعاو*`) loses the article so it meets the indexed stems (`تعاون`).
    static func withoutArticle(_ normalized: String) -> String {
        for article in articles where normalized.hasPrefix(article) {
            let rest = normalized.dropFirst(article.count)
            if rest.count >= 2 { return String(rest) }
        }
        return normalized
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
