/// One named entity a gazetteer knows: its canonical name, type, other names, and (for places)
/// the adjectives that refer to it (الروسي، الإيرانية).
public struct GazetteerEntry: Sendable, Equatable, Codable {
    /// The name shown for the entity.
    public var name: String
    public var type: EntityType
    /// Other names and spellings that mean the same entity.
    public var aliases: [String]
    /// Nisba adjectives (without or with ال, any gender or number) that refer to it.
    public var adjectives: [String]

    /// An entry; `aliases` and `adjectives` match in any spelling, like the name.
    public init(name: String, type: EntityType, aliases: [String] = [], adjectives: [String] = []) {
        self.name = name
        self.type = type
        self.aliases = aliases
        self.adjectives = adjectives
    }
}
