import ArabicText

/// A compiled gazetteer: every name, alias and adjective as a sequence of normalized words,
/// looked up word by word from any position of an analyzed text. The first word may carry
/// clitics (و ف ب ل ك وال بال كال فال لل), which are not part of the mention.
public struct Gazetteer: Sendable {
    /// One name form that leads to an entry.
    struct Form: Sendable {
        let words: [String]
        let entry: Int
        let isAdjective: Bool
    }

    /// Every entry, built-in first, then the extra ones.
    public let entries: [GazetteerEntry]
    /// Forms by their first normalized word, longest first.
    private let formsByFirstWord: [WordKey: [Form]]
    let analyzer: Analyzer

    /// The built-in gazetteer plus `extra` entries (a user's, or entities curated in the store).
    public init(extra: [GazetteerEntry] = [], analyzer: Analyzer = Analyzer()) {
        self.init(entries: BuiltInGazetteer.entries + extra, analyzer: analyzer)
    }

    init(entries: [GazetteerEntry], analyzer: Analyzer) {
        self.entries = entries
        self.analyzer = analyzer
        var forms: [WordKey: [Form]] = [:]
        var seen = Set<[String]>()
        // Later entries (users') win over earlier ones for the same words.
        for (index, entry) in entries.enumerated().reversed() {
            let names = [(entry.name, false)] + entry.aliases.map { ($0, false) } + entry.adjectives.map { ($0, true) }
            for (name, isAdjective) in names where !BuiltInGazetteer.unmatchableNames.contains(name) {
                let words = analyzer.tokens(name).map(\.normalized).filter { !$0.isEmpty }
                guard let first = words.first, seen.insert(words).inserted else { continue }
                forms[WordKey(first), default: []].append(Form(words: words, entry: index, isAdjective: isAdjective))
            }
        }
        formsByFirstWord = forms.mapValues { $0.sorted { $0.words.count > $1.words.count } }
    }

    /// A gazetteer match in a token array.
    struct Match {
        /// Token range covered.
        let tokens: Range<Int>
        let entry: Int
        let isAdjective: Bool
        /// Letters of the first token that are clitics, not part of the name.
        let cliticLetters: Int
    }

    /// The forms a word may stand for with its clitics removed, and how many letters each drops.
    static func cliticVariants(_ word: String) -> [(String, Int)] {
        var variants = [(word, 0)]
        let letters = Array(word.unicodeScalars)
        guard letters.count >= 3 else { return variants }
        func string(_ prefix: String, from start: Int) -> String {
            prefix + String(String.UnicodeScalarView(letters[start...]))
        }
        let waw: Unicode.Scalar = "و", feh: Unicode.Scalar = "ف", beh: Unicode.Scalar = "ب", lam: Unicode.Scalar = "ل"
        let kaf: Unicode.Scalar = "ك", alef: Unicode.Scalar = "ا"
        let first = letters[0]
        if first == waw || first == feh {
            variants.append((string("", from: 1), 1))
            if letters.count >= 4, letters[1] == beh || letters[1] == lam || letters[1] == kaf {
                variants.append((string("", from: 2), 2))
            }
        }
        if first == beh || first == lam || first == kaf { variants.append((string("", from: 1), 1)) }
        if letters.count >= 5, first == waw || first == beh || first == kaf || first == feh, letters[1] == alef, letters[2] == lam {
            variants.append((string("ال", from: 3), 1))
        }
        if letters.count >= 4, first == lam, letters[1] == lam {
            variants.append((string("ال", from: 2), 1))
        }
        if letters.count >= 6, first == waw, letters[1] == lam, letters[2] == lam {
            variants.append((string("ال", from: 3), 2))
        }
        return variants
    }

    /// The longest match starting at `index`, if any.
    func match(_ words: [String], at index: Int, boundaries: [Bool], variants: [(String, Int)]? = nil) -> Match? {
        for (variant, clitics) in variants ?? Self.cliticVariants(words[index]) {
            guard let forms = formsByFirstWord[WordKey(variant)] else { continue }
            for form in forms where index + form.words.count <= words.count {
                var matches = true
                for offset in 1..<max(form.words.count, 1) {
                    // A name does not run across punctuation.
                    if boundaries[index + offset - 1] || !words[index + offset].utf8.elementsEqual(form.words[offset].utf8) {
                        matches = false
                        break
                    }
                }
                if matches {
                    return Match(tokens: index..<(index + form.words.count), entry: form.entry,
                                 isAdjective: form.isAdjective, cliticLetters: clitics)
                }
            }
        }
        return nil
    }
}
