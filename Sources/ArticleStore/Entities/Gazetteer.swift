import ArabicText

/// A compiled gazetteer: every name, alias and adjective as a sequence of normalized words,
/// looked up word by word from any position of an analyzed text. The first word may carry
/// clitics (و ف ب ل ك وال بال كال فال لل), which are not part of the mention.
///
/// Every word the gazetteer or the extraction rules know is in one lexicon (``WordTable``):
/// a text's words are looked up there once each, and names are then compared as word numbers.
package final class Gazetteer: Sendable {
    /// One name form that leads to an entry, as lexicon word numbers.
    struct Form: Sendable {
        let words: [Int32]
        let entry: Int
        let isAdjective: Bool
    }

    /// Every entry, built-in first, then the extra ones.
    package let entries: [GazetteerEntry]
    /// Every word of every form, and every rule word.
    let lexicon: WordTable
    /// Rule flags per lexicon word.
    private let flags: [WordFlags]
    /// Forms by the lexicon number of their first word, longest first.
    private let formsByFirstWord: [[Form]]
    package let analyzer: Analyzer

    /// The built-in gazetteer plus `extra` entries (a user's, or entities curated in the store).
    package convenience init(extra: [GazetteerEntry] = [], analyzer: Analyzer = Analyzer()) {
        self.init(entries: BuiltInGazetteer.entries + extra, analyzer: analyzer)
    }

    init(entries: [GazetteerEntry], analyzer: Analyzer) {
        self.entries = entries
        self.analyzer = analyzer
        var formWords: [(words: [String], entry: Int, isAdjective: Bool)] = []
        var seen = Set<[String]>()
        // Later entries (users') win over earlier ones for the same words.
        for (index, entry) in entries.enumerated().reversed() {
            let names = [(entry.name, false)] + entry.aliases.map { ($0, false) } + entry.adjectives.map { ($0, true) }
            for (name, isAdjective) in names where !BuiltInGazetteer.unmatchableNames.contains(name) {
                let words = analyzer.tokens(name).map(\.normalized).filter { !$0.isEmpty }
                guard !words.isEmpty, seen.insert(words).inserted else { continue }
                formWords.append((words, index, isAdjective))
            }
        }
        let lexicon = WordTable(RuleWords.all.flatMap(\.1) + formWords.flatMap(\.words))
        var flags = [WordFlags](repeating: [], count: lexicon.count)
        for (flag, words) in RuleWords.all {
            for word in words { flags[lexicon.index(of: word)!].insert(flag) }
        }
        var forms = [[Form]](repeating: [], count: lexicon.count)
        for form in formWords {
            let ids = form.words.map { Int32(lexicon.index(of: $0)!) }
            forms[Int(ids[0])].append(Form(words: ids, entry: form.entry, isAdjective: form.isAdjective))
        }
        self.lexicon = lexicon
        self.flags = flags
        formsByFirstWord = forms.map { $0.sorted { $0.words.count > $1.words.count } }
    }

    /// A gazetteer match in a text's words.
    struct Match {
        /// Word range covered.
        let tokens: Range<Int>
        let entry: Int
        let isAdjective: Bool
        /// Letters of the first word that are clitics, not part of the name.
        let cliticLetters: Int
    }

    /// The rule flags of lexicon word `id` (none for a word outside the lexicon, -1).
    func flags(_ id: Int32) -> WordFlags { id < 0 ? [] : flags[Int(id)] }

    /// Calls `body` with each form `word` may stand for with its clitics removed: the letters to
    /// put before (`ال` or none), the rest of the word, and how many letters of the original
    /// are clitics. The word itself comes first. Stops when `body` returns true.
    static func forEachCliticVariant(of word: ArraySlice<Unicode.Scalar>,
                                     _ body: (_ prefix: [Unicode.Scalar], _ rest: ArraySlice<Unicode.Scalar>, _ clitics: Int) -> Bool) {
        if body([], word, 0) { return }
        let count = word.count
        guard count >= 3 else { return }
        let start = word.startIndex
        let first = word[start], second = word[start + 1], third = word[start + 2]
        let waw: Unicode.Scalar = "و", feh: Unicode.Scalar = "ف", beh: Unicode.Scalar = "ب", lam: Unicode.Scalar = "ل"
        let kaf: Unicode.Scalar = "ك", alef: Unicode.Scalar = "ا"
        if first == waw || first == feh {
            if body([], word[(start + 1)...], 1) { return }
            if count >= 4, second == beh || second == lam || second == kaf {
                if body([], word[(start + 2)...], 2) { return }
            }
        }
        if first == beh || first == lam || first == kaf {
            if body([], word[(start + 1)...], 1) { return }
        }
        if count >= 5, first == waw || first == beh || first == kaf || first == feh, second == alef, third == lam {
            if body(Self.definiteArticle, word[(start + 3)...], 1) { return }
        }
        if count >= 4, first == lam, second == lam {
            if body(Self.definiteArticle, word[(start + 2)...], 1) { return }
        }
        if count >= 6, first == waw, second == lam, third == lam {
            if body(Self.definiteArticle, word[(start + 3)...], 2) { return }
        }
    }

    private static let definiteArticle: [Unicode.Scalar] = ["ا", "ل"]

    /// The longest match starting at word `index`, if any. With `allForms`, a stopword's clitic
    /// forms are tried too.
    func match(_ words: EntityExtractor.Words, at index: Int, allForms: Bool = false) -> Match? {
        for variant in words.variants(index, allForms: allForms) {
            for form in formsByFirstWord[Int(variant.id)] where index + form.words.count <= words.count {
                var matches = true
                for offset in 1..<max(form.words.count, 1) {
                    // A name does not run across punctuation.
                    if words.boundaries[index + offset - 1] || words.ids[index + offset] != form.words[offset] {
                        matches = false
                        break
                    }
                }
                if matches {
                    return Match(tokens: index..<(index + form.words.count), entry: form.entry,
                                 isAdjective: form.isAdjective, cliticLetters: Int(variant.clitics))
                }
            }
        }
        return nil
    }

    /// The longest match starting at each word, scanning left to right (nil inside a match or
    /// where none starts): what both the recognizer's features and the extractor read.
    func longestMatches(in words: EntityExtractor.Words) -> [Match?] {
        var matches: [Match?] = Array(repeating: nil, count: words.count)
        var index = 0
        while index < words.count {
            if let match = match(words, at: index) {
                matches[index] = match
                index = match.tokens.upperBound
            } else {
                index += 1
            }
        }
        return matches
    }
}
