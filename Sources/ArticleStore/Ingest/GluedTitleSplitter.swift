import ArabicText

/// Splits a line made of several link titles glued together without spaces, as aggregator pages
/// produce (`... ليست في مصلحة أحدفرنسا.. منافسة ماكرون ... حساسةتوتر دبلوماسي ...`).
///
/// A word is cut where Arabic spelling cannot continue a word: after ة followed by a letter
/// (`حساسةتوتر`), and between ا and a following ال (`فرنساالرئاسة`); or where a word unknown to the
/// page ends with a word the page uses (`أحدفرنسا` → `أحد` + `فرنسا`). The pieces, rejoined in
/// order, are exactly the line.
struct GluedTitleSplitter {
    let analyzer: Analyzer
    /// How often each normalized word occurs on the page (the glued line included).
    private let vocabulary: [String: Int]

    /// Clitic combinations that legitimately precede a word (وب, ول ...): never split after them.
    private static let clitics: Set<String> = ["وب", "ول", "وك", "فب", "فل", "فك", "ال", "وال", "بال", "كال", "فال", "لل", "ولل", "سي", "ست", "وس", "لي", "ان"]

    init(analyzer: Analyzer, context: String) {
        self.analyzer = analyzer
        var counts: [String: Int] = [:]
        for token in analyzer.tokens(context) { counts[token.normalized, default: 0] += 1 }
        vocabulary = counts
    }

    /// The titles in `line`, in order; one element when nothing is glued.
    func split(_ line: String) -> [String] {
        var titles: [String] = []
        var current = ""
        var index = line.startIndex
        while index < line.endIndex {
            // Copy white space as is; handle one word at a time.
            if line[index].isWhitespace {
                current.append(line[index])
                index = line.index(after: index)
                continue
            }
            var end = index
            while end < line.endIndex, !line[end].isWhitespace { end = line.index(after: end) }
            let pieces = splitWord(String(line[index..<end]))
            current += pieces[0]
            for piece in pieces.dropFirst() {
                titles.append(current)
                current = piece
            }
            index = end
        }
        titles.append(current)
        let trimmed = titles.map(TextLines.trim).filter { !$0.isEmpty }
        return trimmed.isEmpty ? [line] : trimmed
    }

    private func splitWord(_ word: String) -> [String] {
        let characters = Array(word)
        // Spelling rules: ة then a letter; ا then ال.
        for offset in 1..<max(characters.count, 1) {
            let before = characters[offset - 1], here = characters[offset]
            let afterTehMarbuta = before == "ة" && here.isLetter
            let alefThenArticle = (before == "ا" || before == "ى") && here == "ا"
                && offset + 1 < characters.count && characters[offset + 1] == "ل"
            if afterTehMarbuta || alefThenArticle {
                let head = String(characters[..<offset]), tail = String(characters[offset...])
                return [head] + splitWord(tail)
            }
        }
        // Vocabulary rule: a word seen once on the page (here) ending in a word seen elsewhere
        // too. Trailing punctuation (`أحدفرنسا..`) stays with the second piece.
        let letterCount = characters.prefix(while: \.isLetter).count
        let letters = String(characters[..<letterCount])
        guard letterCount >= 6, vocabulary[analyzer.normalize(letters), default: 0] <= 1 else { return [word] }
        for offset in 2..<(letterCount - 3) {
            let head = String(characters[..<offset]), tail = String(characters[offset..<letterCount])
            let tailKey = analyzer.normalize(tail)
            guard tailKey.unicodeScalars.count >= 4, vocabulary[tailKey, default: 0] >= 2,
                  !Self.clitics.contains(analyzer.normalize(head)) else { continue }
            return [head, String(characters[offset...])]
        }
        return [word]
    }
}
