/// The kinds of named entity the store extracts.
public enum EntityType: String, Sendable, CaseIterable, Codable {
    /// People, named (عباس عرقجي) or by a known last name (عرقجي).
    case person = "PERSON"
    /// Countries, territories, cities, regions.
    case location = "LOCATION"
    /// Governments and ministries, armies, agencies, media, parties, alliances, companies.
    case organization = "ORGANIZATION"
}
