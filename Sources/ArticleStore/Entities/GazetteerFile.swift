import Foundation

/// Reads a user gazetteer: TSV (`name<TAB>type<TAB>alias|alias`, blank lines and `#` comments
/// skipped) or a JSON array of `{"name", "type", "aliases"}` objects. Types are PERSON,
/// LOCATION, ORGANIZATION (case-insensitive; PER, LOC, ORG too).
enum GazetteerFile {
    static func parse(_ text: String, name: String) throws -> [GazetteerEntry] {
        let trimmed = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.first == "[" || trimmed.first == "{" {
            return try parseJSON(String(trimmed), name: name)
        }
        var entries: [GazetteerEntry] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 2, !fields[0].isEmpty else {
                throw ArticleStoreError.invalidInput("\(name):\(number + 1): expected name<TAB>type[<TAB>alias|alias...]")
            }
            guard let type = entityType(fields[1]) else {
                throw ArticleStoreError.invalidInput("\(name):\(number + 1): unknown type \(fields[1]) (PERSON, LOCATION or ORGANIZATION)")
            }
            let aliases = fields.count > 2 ? fields[2].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } : []
            entries.append(GazetteerEntry(name: fields[0], type: type, aliases: aliases))
        }
        return entries
    }

    private static func parseJSON(_ text: String, name: String) throws -> [GazetteerEntry] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            throw ArticleStoreError.invalidInput("\(name): not valid JSON")
        }
        let list = (object as? [[String: Any]]) ?? ((object as? [String: Any]).map { [$0] } ?? [])
        return try list.enumerated().map { index, item in
            guard let entryName = item["name"] as? String, !entryName.isEmpty else {
                throw ArticleStoreError.invalidInput("\(name): entry \(index + 1) has no name")
            }
            guard let type = entityType(item["type"] as? String ?? "") else {
                throw ArticleStoreError.invalidInput("\(name): entry \(index + 1) has no valid type (PERSON, LOCATION or ORGANIZATION)")
            }
            return GazetteerEntry(name: entryName, type: type, aliases: item["aliases"] as? [String] ?? [],
                                  adjectives: item["adjectives"] as? [String] ?? [])
        }
    }

    static func entityType(_ text: String) -> EntityType? {
        switch text.uppercased() {
        case "PERSON", "PER": .person
        case "LOCATION", "LOC", "PLACE", "GPE": .location
        case "ORGANIZATION", "ORGANISATION", "ORG": .organization
        default: nil
        }
    }
}
