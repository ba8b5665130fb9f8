/// Interrogatives that carry no topic: هل، متى، أين، كيف، لماذا، ماذا، كم، ما هو ...
///
/// They are not stopwords (an article may be *about* "كيف"), so they stay in the index; but a
/// pasted question searched in any-word mode ranks better without them (measured on ARCD, see
/// the README), so the search engine drops them from any-word queries that have other words.
public enum QuestionWords {
    /// The interrogatives as written.
    public static let list: [String] = [
        "هل", "وهل", "متى", "ومتى", "أين", "وأين", "كيف", "وكيف", "لماذا", "ولماذا", "ماذا", "وماذا",
        "كم", "وكم", "بكم", "ماهو", "ماهي", "ماهى", "مالذي", "ممن", "عما", "لمن",
    ]

    /// The list after the default normalizer, so every spelling (اين، أين، أيـن) is recognized.
    public static let normalized: Set<String> = {
        let normalizer = Normalizer()
        return Set(list.map(normalizer.normalize))
    }()

    /// Whether a normalized word is an interrogative.
    public static func contains(normalized word: String) -> Bool {
        normalized.contains(word)
    }
}
