/// Lucene's Arabic stopword list (J. Savoy, BSD licence), as Lucene ships it, and the default
/// profile's normalized form of it, so a stopword is one in every spelling (في فى فی).
public enum Stopwords {
    /// The list exactly as Lucene 8.7 ships it: not normalized (it holds both أن and ان).
    public static let lucene: Set<String> = Set(luceneList)

    /// The list after the default normalizer, so spelling variants of a stopword are stopwords.
    public static let normalized: Set<String> = {
        let normalizer = Normalizer()
        return Set(luceneList.map(normalizer.normalize))
    }()

    /// ``lucene`` and ``normalized`` as scalar sets, for the analyzer.
    static let luceneScalars = WordTable(luceneList)
    static let normalizedScalars = WordTable(normalized)

    static let luceneList: [String] = [
        "من", "ومن", "منها", "منه", "في", "وفي", "فيها", "فيه", "و", "ف", "ثم", "او", "أو", "ب", "بها", "به",
        "ا", "أ", "اى", "اي", "أي", "أى", "لا", "ولا", "الا", "ألا", "إلا", "لكن", "ما", "وما", "كما", "فما",
        "عن", "مع", "اذا", "إذا", "ان", "أن", "إن", "انها", "أنها", "إنها", "انه", "أنه", "إنه", "بان", "بأن",
        "فان", "فأن", "وان", "وأن", "وإن", "التى", "التي", "الذى", "الذي", "الذين", "الى", "الي", "إلى",
        "إلي", "على", "عليها", "عليه", "اما", "أما", "إما", "ايضا", "أيضا", "كل", "وكل", "لم", "ولم", "لن",
        "ولن", "هى", "هي", "هو", "وهى", "وهي", "وهو", "فهى", "فهي", "فهو", "انت", "أنت", "لك", "لها", "له",
        "هذه", "هذا", "تلك", "ذلك", "هناك", "كانت", "كان", "يكون", "تكون", "وكانت", "وكان", "غير", "بعض",
        "قد", "نحو", "بين", "بينما", "منذ", "ضمن", "حيث", "الان", "الآن", "خلال", "بعد", "قبل", "حتى",
        "عند", "عندما", "لدى", "جميع",
    ]
}
