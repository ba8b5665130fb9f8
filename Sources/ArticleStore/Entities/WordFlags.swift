/// What the extraction rules know about a normalized word (see ``RuleWords``), looked up once
/// per word in the gazetteer's lexicon.
struct WordFlags: OptionSet, Sendable {
    let rawValue: UInt16

    /// Introduces a person: وزير، الرئيس، المتحدث.
    static let role = WordFlags(rawValue: 1 << 0)
    /// Continues a role phrase: الخارجيه، السابق.
    static let roleModifier = WordFlags(rawValue: 1 << 1)
    /// What a ministry is of: الخارجيه، الدفاع.
    static let ministry = WordFlags(rawValue: 1 << 2)
    /// A reporting verb an apposition name may follow: اكد، قال.
    static let reportingVerb = WordFlags(rawValue: 1 << 3)
    /// Never part of a name.
    static let notName = WordFlags(rawValue: 1 << 4)
    /// Joins the next name part: عبد، بن، ابو.
    static let connector = WordFlags(rawValue: 1 << 5)
    /// Heads an organization pattern.
    static let organizationHead = WordFlags(rawValue: 1 << 6)
    /// وزاره.
    static let ministryHead = WordFlags(rawValue: 1 << 7)
    /// وكاله.
    static let agencyHead = WordFlags(rawValue: 1 << 8)
    /// الانباء.
    static let newsWord = WordFlags(rawValue: 1 << 9)
    /// الجيش.
    static let armyWord = WordFlags(rawValue: 1 << 10)
}
