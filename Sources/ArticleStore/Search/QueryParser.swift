import Foundation

/// Parses the query syntax into a ``ArticleSelection``. User text never reaches FTS5 as it is: it is
/// parsed here, then every word is analyzed and quoted by the search engine.
///
/// Syntax: words (all must match; `--any`: any may), `"exact phrase"` (also «» and “”), `OR`,
/// `-word` / `NOT word`, `prefix*`, parentheses, `title:` `body:` `tags:` for one text field,
/// and filters `source:` `tag:` `entity:` `lang:` `after:YYYY-MM-DD` `before:YYYY-MM-DD`, with
/// quoted values for several words (`tag:"التعاون العسكري"`).
///
/// Forgiving by default, like Elasticsearch's `simple_query_string`: text that cannot be read as
/// syntax (an unbalanced quote or bracket, a stray operator, a filter without a usable value,
/// nesting deeper than ``maximumDepth``) is read as plain text and a note says so; a query past
/// the length or word limits is cut there, with a note. Pasted text never fails to parse.
/// With `strict`, each of those is an ``ArticleStoreError/invalidQuery(message:position:)`` with
/// the character position instead.
package struct QueryParser: Sendable {
    /// Whether syntax errors throw instead of being read as text.
    package let strict: Bool

    package init(strict: Bool = false) {
        self.strict = strict
    }

    /// The deepest nesting of parentheses read as groups; deeper ones are text (or, strict, an error).
    package static let maximumDepth = 32

    private enum Lexeme: Equatable {
        case word(String, prefix: Bool)
        case quoted(String)
        case field(String, value: String, quoted: Bool, prefix: Bool)
        case open, close, or, and, not, minus
    }

    private struct Located {
        let lexeme: Lexeme
        let position: Int
    }

    private static let textFields: Set<String> = ["title", "body", "tags"]
    private static let filterFields: Set<String> = ["source", "tag", "entity", "lang", "after", "before"]
    private static let quotePairs: [Character: Character] = ["\"": "\"", "«": "»", "“": "”", "„": "“"]
    private static let closingMarks = Set(quotePairs.values)

    /// The longest query text accepted, in characters: a pasted article fits, a runaway input
    /// gets an error instead of minutes of work.
    package static let maximumLength = 20_000
    /// The most words, phrases and filters a query may hold (Lucene's default clause limit).
    package static let maximumTerms = 1024

    /// Parses `text`. Throws only when strict (on malformed, too long or empty queries); otherwise
    /// reads what it cannot parse as text and records a note in ``ArticleSelection/notes``.
    package func parse(_ text: String, mode: ArticleSelection.Mode = .all) throws -> ArticleSelection {
        var notes: [String] = []
        // Look at no more than the limit, whatever the input's size: the work stays linear.
        var characters = Array(text.prefix(Self.maximumLength + 1))
        if characters.count > Self.maximumLength {
            try problem("the query is longer than \(Self.maximumLength) characters", at: Self.maximumLength, &notes)
            characters.removeLast(characters.count - Self.maximumLength)
            notes[notes.count - 1] += "; the rest was left out"
        }
        var lexemes = try lex(characters, &notes)
        var terms = 0
        for (index, located) in lexemes.enumerated() {
            switch located.lexeme {
            case .word, .quoted, .field: terms += 1
            default: continue
            }
            if terms > Self.maximumTerms {
                try problem("the query has more than \(Self.maximumTerms) words", at: located.position, &notes)
                notes[notes.count - 1] += "; the rest was left out"
                lexemes.removeSubrange(index...)
                break
            }
        }
        var parser = Parser(lexemes: lexemes, strict: strict, notes: notes)
        var query = ArticleSelection(mode: mode)
        query.expression = try parser.parseQuery(filters: &query)
        query.notes = parser.notes
        if query.expression == nil && !query.hasFilters && strict {
            throw ArticleStoreError.invalidQuery(message: "the query is empty", position: 0)
        }
        return query
    }

    /// A syntax problem: an error when strict, else a note (the caller reads the text as text).
    private func problem(_ message: String, at position: Int, _ notes: inout [String]) throws {
        if strict { throw ArticleStoreError.invalidQuery(message: message, position: position) }
        notes.append("\(message) (at character \(position + 1))")
    }

    // MARK: Lexing

    private func lex(_ characters: [Character], _ notes: inout [String]) throws -> [Located] {
        var result: [Located] = []
        var index = 0
        /// Quote characters read as text: an unterminated opening quote.
        var unpaired = Set<Int>()
        /// The quoted text from `start` and the index after its closing quote; nil (after a
        /// note) when it is never closed.
        // Where each closing mark occurs, so finding a quote's end is a binary search, not a scan
        // (thousands of unterminated quotes stay linear).
        var closings: [Character: [Int]] = [:]
        for (position, character) in characters.enumerated() where Self.closingMarks.contains(character) {
            closings[character, default: []].append(position)
        }
        func readQuoted(from start: Int) throws -> (String, Int)? {
            let positions = closings[Self.quotePairs[characters[start]]!] ?? []
            var low = 0, high = positions.count
            while low < high {
                let middle = (low + high) / 2
                if positions[middle] <= start { low = middle + 1 } else { high = middle }
            }
            let end = low < positions.count ? positions[low] : characters.count
            guard end < characters.count else {
                try problem("unterminated quote \(characters[start]) read as text", at: start, &notes)
                unpaired.insert(start)
                return nil
            }
            return (String(characters[(start + 1)..<end]), end + 1)
        }
        func isQuote(_ position: Int) -> Bool {
            Self.quotePairs[characters[position]] != nil && !unpaired.contains(position)
        }
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace || unpaired.contains(index) { index += 1; continue }
            if character == "(" { result.append(Located(lexeme: .open, position: index)); index += 1; continue }
            if character == ")" { result.append(Located(lexeme: .close, position: index)); index += 1; continue }
            if Self.quotePairs[character] != nil {
                // A closing-only mark (a pasted ”) is text, like an unterminated quote.
                guard let (phrase, next) = try readQuoted(from: index) else { continue }
                result.append(Located(lexeme: .quoted(phrase), position: index))
                index = next
                continue
            }
            if character == "-", index + 1 < characters.count, !characters[index + 1].isWhitespace,
               characters[index + 1] != "-" {
                result.append(Located(lexeme: .minus, position: index))
                index += 1
                continue
            }
            // A bare word runs to white space, a parenthesis or a quote.
            let start = index
            while index < characters.count, !characters[index].isWhitespace, characters[index] != "(",
                  characters[index] != ")", !isQuote(index) {
                index += 1
            }
            var word = String(characters[start..<index])
            switch word {
            case "OR", "|", "||": result.append(Located(lexeme: .or, position: start)); continue
            case "AND", "&&": result.append(Located(lexeme: .and, position: start)); continue
            case "NOT": result.append(Located(lexeme: .not, position: start)); continue
            default: break
            }
            if let colon = word.firstIndex(of: ":") {
                let name = word[..<colon].lowercased()
                if Self.textFields.contains(name) || Self.filterFields.contains(name) {
                    var value = String(word[word.index(after: colon)...])
                    var quoted = false
                    if value.isEmpty, index < characters.count, isQuote(index), let (phrase, next) = try readQuoted(from: index) {
                        (value, index) = (phrase, next)
                        quoted = true
                    }
                    guard !value.isEmpty else {
                        try problem("\(name): needs a value; read as text", at: start, &notes)
                        result.append(Located(lexeme: .word(word, prefix: false), position: start))
                        continue
                    }
                    let prefix = !quoted && value.hasSuffix("*") && value.count > 1
                    if prefix { value.removeLast() }
                    result.append(Located(lexeme: .field(name, value: value, quoted: quoted, prefix: prefix), position: start))
                    continue
                }
            }
            let prefix = word.hasSuffix("*") && word.count > 1
            while word.hasSuffix("*") { word.removeLast() }
            if word.isEmpty { continue } // a lone `*` or `-`
            result.append(Located(lexeme: .word(word, prefix: prefix), position: start))
        }
        return result
    }

    // MARK: Parsing

    private struct Parser {
        let lexemes: [Located]
        let strict: Bool
        var notes: [String]
        var index = 0
        var depth = 0

        init(lexemes: [Located], strict: Bool, notes: [String]) {
            self.lexemes = lexemes
            self.strict = strict
            self.notes = notes
        }

        var current: Located? { index < lexemes.count ? lexemes[index] : nil }

        /// A syntax problem: an error when strict, else a note (and the caller reads on).
        mutating func problem(_ message: String, at position: Int) throws {
            if strict { throw ArticleStoreError.invalidQuery(message: message, position: position) }
            notes.append("\(message) (at character \(position + 1))")
        }

        mutating func parseQuery(filters: inout ArticleSelection) throws -> QueryExpression? {
            var parts: [QueryExpression] = []
            if let expression = try parseOr(filters: &filters, topLevel: true) { parts.append(expression) }
            // What is left after a complete query is a stray ) (ignored) and more text.
            while let extra = current {
                try problem(extra.lexeme == .close ? "unmatched ) ignored" : "unexpected text", at: extra.position)
                if extra.lexeme == .close { index += 1 }
                if let expression = try parseOr(filters: &filters, topLevel: true) { parts.append(expression) }
            }
            if parts.isEmpty { return nil }
            return parts.count == 1 ? parts[0] : .and(parts)
        }

        mutating func parseOr(filters: inout ArticleSelection, topLevel: Bool) throws -> QueryExpression? {
            var parts: [QueryExpression] = []
            var sawOr = false
            while let first = current, first.lexeme == .or {
                try problem("OR needs a word on both sides; ignored", at: first.position)
                index += 1
            }
            var local = ArticleSelection()
            if let expression = try parseAnd(filters: &local) { parts.append(expression) }
            while let token = current, token.lexeme == .or {
                sawOr = true
                index += 1
                guard let next = current, next.lexeme != .or, next.lexeme != .close else {
                    try problem("OR needs a word on both sides; ignored", at: token.position)
                    continue
                }
                var branchFilters = ArticleSelection()
                var branch = try parseAnd(filters: &branchFilters)
                if branchFilters.hasFilters {
                    try problem("filters such as source: or tag: cannot be combined with OR; read as text", at: next.position)
                    branch = Self.all(branch, Self.asText(branchFilters))
                }
                if let branch { parts.append(branch) }
            }
            if local.hasFilters {
                if sawOr || !topLevel {
                    try problem("filters such as source: or tag: must be at the top level, outside OR and parentheses; read as text",
                                at: lexemes.first?.position ?? 0)
                    if let first = Self.all(parts.first, Self.asText(local)) {
                        if parts.isEmpty { parts.append(first) } else { parts[0] = first }
                    }
                } else {
                    filters = filters.adding(filtersOf: local)
                }
            }
            if parts.isEmpty { return nil }
            return parts.count == 1 ? parts[0] : .or(parts)
        }

        mutating func parseAnd(filters: inout ArticleSelection) throws -> QueryExpression? {
            var parts: [QueryExpression] = []
            while let token = current {
                switch token.lexeme {
                case .or:
                    return parts.isEmpty ? nil : (parts.count == 1 ? parts[0] : .and(parts))
                case .close:
                    if depth > 0 { return parts.isEmpty ? nil : (parts.count == 1 ? parts[0] : .and(parts)) }
                    try problem("unmatched ) ignored", at: token.position)
                    index += 1
                case .and:
                    index += 1
                    guard parts.count > 0, let next = current, next.lexeme != .or, next.lexeme != .close, next.lexeme != .and else {
                        try problem("AND needs a word on both sides; ignored", at: token.position)
                        continue
                    }
                default:
                    if let expression = try parseUnary(filters: &filters) { parts.append(expression) }
                }
            }
            return parts.isEmpty ? nil : (parts.count == 1 ? parts[0] : .and(parts))
        }

        mutating func parseUnary(filters: inout ArticleSelection) throws -> QueryExpression? {
            guard let token = current else { return nil }
            if token.lexeme == .minus || token.lexeme == .not {
                index += 1
                guard let next = current, next.lexeme != .or, next.lexeme != .close, next.lexeme != .and else {
                    try problem(token.lexeme == .not ? "NOT needs a word after it; ignored" : "- needs a word after it; ignored",
                                at: token.position)
                    return nil
                }
                if case let .field(name, value, _, _) = next.lexeme, QueryParser.filterFields.contains(name) {
                    try problem("filters such as \(name): cannot be negated; the words are excluded instead", at: token.position)
                    index += 1
                    return .not(.phrase(value, field: nil))
                }
                guard let operand = try parsePrimary(filters: &filters) else { return nil }
                return .not(operand)
            }
            return try parsePrimary(filters: &filters)
        }

        mutating func parsePrimary(filters: inout ArticleSelection) throws -> QueryExpression? {
            guard let token = current else { return nil }
            index += 1
            switch token.lexeme {
            case let .word(text, prefix):
                return .term(text, prefix: prefix, field: nil)
            case let .quoted(text):
                return .phrase(text, field: nil)
            case let .field(name, value, quoted, prefix):
                if let field = SearchField(rawValue: name) {
                    return quoted ? .phrase(value, field: field) : .term(value, prefix: prefix, field: field)
                }
                return try addFilter(name, value, position: token.position, to: &filters)
            case .open:
                guard depth < QueryParser.maximumDepth else {
                    try problem("parentheses nested deeper than \(QueryParser.maximumDepth) levels; the inner ones ignored", at: token.position)
                    return nil
                }
                depth += 1
                var inner = ArticleSelection()
                let expression = try parseOr(filters: &inner, topLevel: false)
                depth -= 1
                if let close = current, close.lexeme == .close {
                    index += 1
                } else {
                    try problem("unclosed ( ignored", at: token.position)
                }
                if expression == nil { try problem("empty parentheses ignored", at: token.position) }
                return expression
            case .close:
                try problem("unmatched ) ignored", at: token.position)
                return nil
            case .or, .and, .not, .minus:
                try problem("unexpected operator ignored", at: token.position)
                return nil
            }
        }

        /// Records a filter; a value it cannot use is read as the words it holds (nil: recorded).
        mutating func addFilter(_ name: String, _ value: String, position: Int, to filters: inout ArticleSelection) throws -> QueryExpression? {
            switch name {
            case "source": filters.sources.append(value)
            case "tag": filters.tags.append(value)
            case "entity": filters.entities.append(value)
            case "lang": filters.languages.append(value.lowercased())
            case "after", "before":
                guard let date = QueryParser.filterDate(value) else {
                    try problem("\(name): takes a date (YYYY-MM-DD, YYYY-MM, YYYY, DD/MM/YYYY, 1 أيلول 2024...); read as text", at: position)
                    return .phrase(value, field: nil)
                }
                if name == "after" { filters.after = date } else { filters.before = date }
            default: break
            }
            return nil
        }

        /// `expression` and `more`, all required.
        static func all(_ expression: QueryExpression?, _ more: [QueryExpression]) -> QueryExpression? {
            var parts = more
            if let expression {
                if case let .and(existing) = expression { parts = existing + more } else { parts.insert(expression, at: 0) }
            }
            return parts.isEmpty ? nil : (parts.count == 1 ? parts[0] : .and(parts))
        }

        /// Filters that cannot apply where they stand, as the words of their values.
        static func asText(_ filters: ArticleSelection) -> [QueryExpression] {
            (filters.sources + filters.tags + filters.entities + filters.languages + [filters.after, filters.before].compactMap { $0 })
                .map { .phrase($0, field: nil) }
        }
    }

    /// A filter date in the form stored dates have: `YYYY`, `YYYY-MM` as given, anything else
    /// through ``DateNormalizer`` (`2015-8-1`, `1/8/2015`, `2015-08-01T00:00`, Arabic digits and
    /// month names); nil when it is not a date.
    static func filterDate(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if isDate(trimmed) { return trimmed }
        return DateNormalizer.normalize(trimmed)
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with plausible numbers.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return false }
        if parts.count > 1 { guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return false } }
        if parts.count > 2 { guard parts[2].count == 2, let day = Int(parts[2]), (1...31).contains(day) else { return false } }
        return true
    }
}
