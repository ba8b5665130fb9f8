/// One named entity a gazetteer knows: its canonical name, type, other names, and (for places)
/// the adjectives that refer to it (الروسي، الإيرانية).
package struct GazetteerEntry: Sendable, Equatable, Codable {
    /// The name shown for the entity.
    package var name: String
    package var type: EntityType
    /// Other names and spellings that mean the same entity.
    package var aliases: [String]
    /// Nisba adjectives (without or with ال, any gender or number) that refer to it.
    package var adjectives: [String]

    /// An entry; `aliases` and `adjectives` match in any spelling, like the name.
    package init(name: String, type: EntityType, aliases: [String] = [], adjectives: [String] = []) {
        self.name = name
        self.type = type
        self.aliases = aliases
        self.adjectives = adjectives
    }
}
