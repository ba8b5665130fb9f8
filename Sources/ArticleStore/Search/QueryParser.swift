/// Parses the query syntax into a ``ArticleSelection``. User text never reaches FTS5 as it is: it is
/// parsed here, then every word is analyzed and quoted by the search engine.
///
/// Syntax: words (all must match; `--any`: any may), `"exact phrase"` (also «» and “”), `OR`,
/// `-word` / `NOT word`, `prefix*`, parentheses, `title:` `body:` `tags:` for one text field,
/// and filters `source:` `tag:` `entity:` `lang:` `after:YYYY-MM-DD` `before:YYYY-MM-DD`, with
/// quoted values for several words (`tag:"التعاون العسكري"`).
///
/// Errors are ``ArticleStoreError/invalidQuery(message:position:)`` with the character position.
package struct QueryParser: Sendable {
    package init() {}

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

    /// The longest query text accepted, in characters: a pasted article fits, a runaway input
    /// gets an error instead of minutes of work.
    package static let maximumLength = 20_000
    /// The most words, phrases and filters a query may hold (Lucene's default clause limit).
    package static let maximumTerms = 1024

    /// Parses `text`. Throws when it is malformed, too long, or has no words and no filters.
    package func parse(_ text: String, mode: ArticleSelection.Mode = .all) throws -> ArticleSelection {
        let characters = Array(text.prefix(Self.maximumLength + 1))
        if characters.count > Self.maximumLength {
            throw ArticleStoreError.invalidQuery(
                message: "the query is longer than \(Self.maximumLength) characters", position: Self.maximumLength)
        }
        let lexemes = try lex(characters)
        let terms = lexemes.filter {
            switch $0.lexeme {
            case .word, .quoted, .field: true
            default: false
            }
        }
        if terms.count > Self.maximumTerms {
            throw ArticleStoreError.invalidQuery(
                message: "the query has \(terms.count) words; the limit is \(Self.maximumTerms)", position: terms[Self.maximumTerms].position)
        }
        var parser = Parser(lexemes: lexemes)
        var query = ArticleSelection(mode: mode)
        query.expression = try parser.parseQuery(filters: &query)
        if query.expression == nil && !query.hasFilters {
            throw ArticleStoreError.invalidQuery(message: "the query is empty", position: 0)
        }
        return query
    }

    // MARK: Lexing

    private func lex(_ characters: [Character]) throws -> [Located] {
        var result: [Located] = []
        var index = 0
        func readQuoted(from start: Int) throws -> (String, Int) {
            let close = Self.quotePairs[characters[start]]!
            var end = start + 1
            while end < characters.count, characters[end] != close { end += 1 }
            guard end < characters.count else {
                throw ArticleStoreError.invalidQuery(message: "unterminated quote \(characters[start])", position: start)
            }
            return (String(characters[(start + 1)..<end]), end + 1)
        }
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace { index += 1; continue }
            if character == "(" { result.append(Located(lexeme: .open, position: index)); index += 1; continue }
            if character == ")" { result.append(Located(lexeme: .close, position: index)); index += 1; continue }
            if Self.quotePairs[character] != nil {
                let (phrase, next) = try readQuoted(from: index)
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
                  characters[index] != ")", Self.quotePairs[characters[index]] == nil {
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
                    if value.isEmpty, index < characters.count, Self.quotePairs[characters[index]] != nil {
                        (value, index) = try readQuoted(from: index)
                        quoted = true
                    }
                    guard !value.isEmpty else {
                        throw ArticleStoreError.invalidQuery(message: "\(name): needs a value", position: start)
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
        var index = 0

        var current: Located? { index < lexemes.count ? lexemes[index] : nil }

        mutating func parseQuery(filters: inout ArticleSelection) throws -> QueryExpression? {
            let expression = try parseOr(filters: &filters, topLevel: true)
            if let extra = current {
                throw ArticleStoreError.invalidQuery(message: extra.lexeme == .close ? "unmatched )" : "unexpected text", position: extra.position)
            }
            return expression
        }

        mutating func parseOr(filters: inout ArticleSelection, topLevel: Bool) throws -> QueryExpression? {
            var parts: [QueryExpression] = []
            var sawOr = false
            if let first = current, first.lexeme == .or {
                throw ArticleStoreError.invalidQuery(message: "OR needs a word on both sides", position: first.position)
            }
            var local = ArticleSelection()
            if let expression = try parseAnd(filters: &local) { parts.append(expression) }
            while let token = current, token.lexeme == .or {
                sawOr = true
                index += 1
                guard let next = current, next.lexeme != .or, next.lexeme != .close else {
                    throw ArticleStoreError.invalidQuery(message: "OR needs a word on both sides", position: token.position)
                }
                var branchFilters = ArticleSelection()
                if let expression = try parseAnd(filters: &branchFilters) { parts.append(expression) }
                if branchFilters.hasFilters {
                    throw ArticleStoreError.invalidQuery(message: "filters such as source: or tag: cannot be combined with OR", position: next.position)
                }
            }
            if local.hasFilters {
                if sawOr || !topLevel {
                    throw ArticleStoreError.invalidQuery(message: "filters such as source: or tag: must be at the top level, outside OR and parentheses", position: lexemes.first?.position ?? 0)
                }
                filters = filters.adding(filtersOf: local)
            }
            if parts.isEmpty { return nil }
            return parts.count == 1 ? parts[0] : .or(parts)
        }

        mutating func parseAnd(filters: inout ArticleSelection) throws -> QueryExpression? {
            var parts: [QueryExpression] = []
            while let token = current {
                switch token.lexeme {
                case .or, .close:
                    return parts.isEmpty ? nil : (parts.count == 1 ? parts[0] : .and(parts))
                case .and:
                    index += 1
                    guard parts.count > 0, let next = current, next.lexeme != .or, next.lexeme != .close, next.lexeme != .and else {
                        throw ArticleStoreError.invalidQuery(message: "AND needs a word on both sides", position: token.position)
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
                guard let next = current, next.lexeme != .or, next.lexeme != .close else {
                    throw ArticleStoreError.invalidQuery(message: token.lexeme == .not ? "NOT needs a word after it" : "- needs a word after it", position: token.position)
                }
                if case .field(let name, _, _, _) = next.lexeme, QueryParser.filterFields.contains(name) {
                    throw ArticleStoreError.invalidQuery(message: "filters such as \(name): cannot be negated", position: token.position)
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
                try addFilter(name, value, position: token.position, to: &filters)
                return nil
            case .open:
                var inner = ArticleSelection()
                let expression = try parseOr(filters: &inner, topLevel: false)
                guard let close = current, close.lexeme == .close else {
                    throw ArticleStoreError.invalidQuery(message: "unclosed (", position: token.position)
                }
                index += 1
                guard let expression else {
                    throw ArticleStoreError.invalidQuery(message: "empty parentheses", position: token.position)
                }
                return expression
            case .close:
                throw ArticleStoreError.invalidQuery(message: "unmatched )", position: token.position)
            case .or, .and, .not, .minus:
                throw ArticleStoreError.invalidQuery(message: "unexpected operator", position: token.position)
            }
        }

        func addFilter(_ name: String, _ value: String, position: Int, to filters: inout ArticleSelection) throws {
            switch name {
            case "source": filters.sources.append(value)
            case "tag": filters.tags.append(value)
            case "entity": filters.entities.append(value)
            case "lang": filters.languages.append(value.lowercased())
            case "after", "before":
                guard QueryParser.isDate(value) else {
                    throw ArticleStoreError.invalidQuery(message: "\(name): takes a date as YYYY-MM-DD, YYYY-MM or YYYY", position: position)
                }
                if name == "after" { filters.after = value } else { filters.before = value }
            default: break
            }
        }
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
