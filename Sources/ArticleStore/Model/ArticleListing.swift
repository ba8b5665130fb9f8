/// One row of an article list: enough to pick an article and `show` it.
public struct ArticleListing: Sendable, Equatable, Codable {
    public let id: Int64
    public let source: String?
    /// The title, or the body's opening words when there is none (never invented).
    public let title: String
    public let hasTitle: Bool
    public let published: String?
    public let kind: ArticleKind

    /// The first words of a text, up to about 60 characters, with an ellipsis when cut.
    enum CodingKeys: String, CodingKey {
        case id, source, title
        case hasTitle = "has_title"
        case published, kind
    }

    public static func openingWords(_ text: String, limit: Int = 60) -> String {
        var result = ""
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            if result.count + word.count + 1 > limit {
                return result.isEmpty ? String(word.prefix(limit)) + "…" : result + " …"
            }
            result += result.isEmpty ? String(word) : " " + word
        }
        return result
    }
}
