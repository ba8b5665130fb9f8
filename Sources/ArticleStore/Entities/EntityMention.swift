/// One place in an article's text that names an entity.
public struct EntityMention: Sendable, Hashable, Codable {
    /// The entity's canonical name and type.
    public let name: String
    public let type: EntityType
    /// The text field the mention is in: `title`, `body`, `dateline` or `agency`.
    public let field: MentionField
    /// Code-point offsets into that field's original text (like SQLite `substr()` minus one).
    public let start: Int
    public let end: Int
    /// The mention as written.
    public let surface: String
    /// True for a nisba adjective (الروسي) rather than the name itself.
    public let isAdjective: Bool

    /// A mention; offsets are code points into the field's original text.
    public init(name: String, type: EntityType, field: MentionField, start: Int, end: Int, surface: String, isAdjective: Bool) {
        self.name = name
        self.type = type
        self.field = field
        self.start = start
        self.end = end
        self.surface = surface
        self.isAdjective = isAdjective
    }
}
