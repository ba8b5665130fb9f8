import Foundation

/// Maps JSON records written by news scrapers onto ``Article``: news-please (`title`,
/// `maintext`, `authors`, `date_publish`, `url`, `source_domain`, `language`, `description`) and
/// trafilatura (`title`, `text`, `author`, `date`, `source`/`url`, `hostname`, `sitename`, `tags`,
/// `categories`, `language`). Fields we do not model are kept, as JSON, in ``Article/extra``.
package struct ScraperJSONReader: Sendable {
    /// A reader; it holds no state.
    package init() {}

    private static let known: Set<String> = [
        "title", "headline", "maintext", "text", "body", "content", "description", "excerpt",
        "authors", "author", "date_publish", "date", "published", "date_published", "datePublished",
        "date_modify", "date_modified", "modified", "url", "link", "source", "source_domain", "hostname",
        "sitename", "source_name", "publisher", "language", "lang", "tags", "categories", "keywords",
        // ArticleStore's own export (`articles export --format jsonl`), so a store round-trips.
        "dateline", "agency", "kind", "partial", "rest", "extra", "related", "embedded", "similar",
        "id", "parents", "similar_links", "entities", "content_hash", "origin", "origin_line", "ingested_at",
        "published_raw", "modified_raw",
    ]

    /// Decodes every record of a JSON document (an object or an array of objects).
    /// Array elements that are not usable records are reported through `failure` with their index.
    package func articles(fromDocument text: String, origin: String?,
                         failure: (String) -> Void) throws -> [Article] {
        let value = try parse(text, name: origin ?? "input", line: nil)
        if let object = value as? [String: Any] {
            return [try article(from: object, origin: origin, line: nil)]
        }
        guard let array = value as? [Any] else {
            throw ArticleStoreError.invalidInput("\(origin ?? "input"): JSON must be an object or an array of objects")
        }
        var articles: [Article] = []
        for (index, element) in array.enumerated() {
            do {
                guard let object = element as? [String: Any] else {
                    throw ArticleStoreError.invalidInput("\(origin ?? "input"): element \(index) is not an object")
                }
                articles.append(try article(from: object, origin: origin, line: nil))
            } catch let error as ArticleStoreError {
                failure("\(error.description) (array element \(index))")
            }
        }
        return articles
    }

    /// Decodes one JSON Lines line (1-based `line`).
    package func article(fromLine text: String, origin: String?, line: Int) throws -> Article {
        try article(fromLine: Data(text.utf8), origin: origin, line: line)
    }

    /// Decodes one JSON Lines line given as UTF-8 bytes (already validated), without making a
    /// `String` of it first.
    func article(fromLine bytes: Data, origin: String?, line: Int) throws -> Article {
        let value = try parse(bytes, name: origin ?? "input", line: line)
        guard let object = value as? [String: Any] else {
            throw ArticleStoreError.invalidInput("\(origin ?? "input"):\(line): not a JSON object")
        }
        if Self.containsNUL(object) {
            // SQLite would store it, and its length() and other tools would then disagree with the text.
            throw ArticleStoreError.invalidInput("\(origin ?? "input"):\(line): a string holds a NUL character (\\u0000); the record was skipped")
        }
        return try article(from: object, origin: origin, line: line)
    }

    private func parse(_ text: String, name: String, line: Int?) throws -> Any {
        try parse(Data(text.utf8), name: name, line: line)
    }

    private func parse(_ bytes: Data, name: String, line: Int?) throws -> Any {
        do {
            return try JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])
        } catch {
            let detail = (error as NSError).userInfo["NSDebugDescription"] as? String ?? "malformed JSON"
            let (row, column) = Self.position(in: String(decoding: bytes, as: UTF8.self), detail: detail)
            // A record's own rows count from the line it starts on.
            let where_ = "\(name):\((line ?? 1) + row - 1):\(column)"
            throw ArticleStoreError.invalidInput("\(where_): malformed JSON (\(detail.hasSuffix(".") ? String(detail.dropLast()) : detail))")
        }
    }

    /// Whether any string (key or value) inside a decoded JSON value holds U+0000.
    static func containsNUL(_ value: Any) -> Bool {
        switch value {
        case let text as String: text.unicodeScalars.contains { $0.value == 0 }
        case let object as [String: Any]: object.contains { containsNUL($0.key) || containsNUL($0.value) }
        case let array as [Any]: array.contains(where: containsNUL)
        default: false
        }
    }

    /// Line and column (1-based) of "around character N" in a Foundation JSON error.
    static func position(in text: String, detail: String) -> (Int, Int) {
        var offset = text.utf8.count
        if let range = detail.range(of: "character ") {
            let digits = detail[range.upperBound...].prefix(while: \.isNumber)
            if let number = Int(digits) { offset = number }
        }
        var row = 1, column = 1, index = 0
        for byte in text.utf8 {
            if index >= offset { break }
            if byte == 0x0A { row += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (row, column)
    }

    /// Maps one record.
    func article(from object: [String: Any], origin: String?, line: Int?) throws -> Article {
        func string(_ keys: String...) -> String? {
            for key in keys {
                if let value = object[key] as? String {
                    let trimmed = TextLines.trim(value)
                    if !trimmed.isEmpty { return value }
                }
            }
            return nil
        }
        func list(_ key: String, separators: Set<Character>) -> [String] {
            if let array = object[key] as? [Any] { return array.compactMap { $0 as? String }.map(TextLines.trim).filter { !$0.isEmpty } }
            if let text = object[key] as? String {
                return text.split(whereSeparator: { separators.contains($0) }).map(TextLines.trim).filter { !$0.isEmpty }
            }
            return []
        }
        let title = string("title", "headline").map(TextLines.trim)
        let body = string("maintext", "text", "body", "content") ?? ""
        let where_ = line.map { "\(origin ?? "input"):\($0)" } ?? (origin ?? "input")
        guard !TextLines.isBlank(body) || title != nil else {
            throw ArticleStoreError.invalidInput("\(where_): record has neither a title nor text")
        }
        var url = string("url", "link")
        if url == nil, let source = string("source"), source.contains("://") { url = source }
        let domain = string("source_domain", "hostname")
        var sourceName = string("sitename", "source_name", "publisher")
        if sourceName == nil, let source = string("source"), !source.contains("://") { sourceName = source }

        var authors = list("authors", separators: [";"])
        if authors.isEmpty { authors = list("author", separators: [";"]) }
        var tags = list("tags", separators: [",", ";", "،"])
        // A scraper's `keywords` are the source's tags; in ArticleStore's own export (it has a
        // `content_hash`) they are computed keyword tags, computed again on ingest.
        let ownExport = object["content_hash"] != nil
        for extra in (ownExport ? [] : list("keywords", separators: [",", ";", "،"])) + list("categories", separators: [",", ";", "،"])
            where !tags.contains(extra) {
            tags.append(extra)
        }

        var extra: [(String, JSONValue)] = []
        // An exported store's `extra` (a JSON object, or its text) holds fields kept earlier.
        var kept: [String: Any] = object["extra"] as? [String: Any] ?? [:]
        if let text = object["extra"] as? String, let data = text.data(using: .utf8),
           let decoded = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            kept = decoded
        }
        for (key, value) in kept where object[key] == nil || Self.known.contains(key) { extra.append((key, JSONValue(any: value))) }
        for key in object.keys where !Self.known.contains(key) {
            extra.append((key, JSONValue(any: object[key] as Any)))
        }
        extra.sort { $0.0 < $1.0 }
        func linked(_ key: String, kind: ArticleKind) -> [Article] {
            (object[key] as? [[String: Any]] ?? []).compactMap { item in
                let body = item["body"] as? String ?? ""
                let title = (item["title"] as? String).map(TextLines.trim)
                guard !TextLines.isBlank(body) || title != nil else { return nil }
                // An embedded story comes from the same page and source (see the page parser).
                return Article(title: title, body: body,
                               source: kind == .embedded ? sourceName ?? domain : nil, sourceDomain: kind == .embedded ? domain : nil,
                               kind: kind, isPartial: item["partial"] as? Bool ?? (kind == .related))
            }
        }
        return Article(
            title: title, body: body, dateline: string("dateline"), agency: string("agency"),
            source: sourceName ?? domain, sourceDomain: domain, url: url,
            published: string("published_raw", "date_publish", "date", "published", "date_published", "datePublished"),
            modified: string("modified_raw", "date_modify", "date_modified", "modified"),
            language: string("language", "lang"), authors: authors,
            description: string("description", "excerpt"), tags: tags,
            kind: string("kind").flatMap(ArticleKind.init(rawValue:)) ?? .article,
            isPartial: object["partial"] as? Bool ?? false, rest: string("rest"),
            extra: extra.isEmpty ? nil : JSONValue.object(extra).serialized(),
            embedded: linked("embedded", kind: .embedded), related: linked("related", kind: .related),
            similarHeadlines: (object["similar"] as? [Any] ?? []).compactMap { $0 as? String },
            originPath: origin, originLine: line)
    }

}

extension JSONValue {
    /// Converts a Foundation JSON object (from JSONSerialization), sorting object keys.
    init(any value: Any) {
        switch value {
        case let text as String: self = .string(text)
        case let number as NSNumber:
            // JSON booleans arrive as NSNumbers of type char ("c").
            if String(cString: number.objCType) == "c" { self = .bool(number.boolValue) }
            else if Double(number.int64Value) == number.doubleValue { self = .int(number.int64Value) }
            else { self = .double(number.doubleValue) }
        case let array as [Any]: self = .array(array.map(JSONValue.init(any:)))
        case let object as [String: Any]:
            self = .object(object.keys.sorted().map { ($0, JSONValue(any: object[$0] as Any)) })
        default: self = .null
        }
    }
}
