/// The field of an article a mention is in; offsets count Unicode scalars of that field's
/// original text.
public enum MentionField: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case title
    case body
    case dateline
    case agency

    public static func < (lhs: MentionField, rhs: MentionField) -> Bool { lhs.rawValue < rhs.rawValue }
}
