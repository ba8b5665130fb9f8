/// A BIO tag of the entity recognizer: outside any entity, or the beginning or inside of a
/// person, place, organization or other (MISC, learned from the training data and dropped).
package enum EntityLabel: Int, CaseIterable, Sendable {
    case outside = 0
    case beginPerson, insidePerson
    case beginLocation, insideLocation
    case beginOrganization, insideOrganization
    case beginMisc, insideMisc

    /// Number of labels.
    package static let count = 9

    /// The label of a CoNLL tag (`O`, `B-PERS`, `I-LOC`, `B-ORG`, `I-MISC`...), nil for another.
    package init?(conll tag: Substring) {
        switch tag {
        case "O": self = .outside
        case "B-PERS", "B-PER": self = .beginPerson
        case "I-PERS", "I-PER": self = .insidePerson
        case "B-LOC": self = .beginLocation
        case "I-LOC": self = .insideLocation
        case "B-ORG": self = .beginOrganization
        case "I-ORG": self = .insideOrganization
        case "B-MISC": self = .beginMisc
        case "I-MISC": self = .insideMisc
        default: return nil
        }
    }

    /// 0 for outside, else 1 person, 2 place, 3 organization, 4 other.
    package var category: Int { (rawValue + 1) / 2 }

    /// True for a B- label.
    package var isBegin: Bool { rawValue % 2 == 1 }

    /// The entity type the store keeps for this label's category (nil for outside and MISC).
    package var entityType: EntityType? {
        switch category {
        case 1: return .person
        case 2: return .location
        case 3: return .organization
        default: return nil
        }
    }

    /// The inside label of this label's category (outside stays outside).
    package var inside: EntityLabel { category == 0 ? .outside : EntityLabel(rawValue: category * 2)! }

    /// Whether this label may follow `previous` (nil: the first word of a sentence): an inside
    /// label only continues its own category.
    package func canFollow(_ previous: EntityLabel?) -> Bool {
        guard !isBegin, category != 0 else { return true }
        guard let previous else { return false }
        return previous.category == category
    }
}
