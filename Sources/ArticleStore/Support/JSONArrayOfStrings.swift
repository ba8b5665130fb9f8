import Foundation

/// Decodes the JSON arrays of strings the store keeps in text columns (e.g. `authors`).
enum JSONArrayOfStrings {
    static func decode(_ text: String) throws -> [String] {
        try JSONDecoder().decode([String].self, from: Data(text.utf8))
    }
}
