import ArabicText
import Testing
@testable import ArticleStore

@Suite("Search: a snippet found in a long text's opening is the one the whole text gives")
struct SnippetOpeningTests {
    let analyzer = Analyzer()

    /// Long texts made of the seed pages' lines in shifting orders, so that query words fall
    /// early, late, on the opening's edge or nowhere.
    private func texts() -> [String] {
        let lines = (Seeds.moscow + "\n" + Seeds.araghchi).split(separator: "\n").map(String.init).filter { $0.count > 20 }
        var result: [String] = []
        for shift in stride(from: 0, to: lines.count, by: max(1, lines.count / 12)) {
            let rotated = Array(lines[shift...] + lines[..<shift])
            result.append(rotated.joined(separator: "\n"))
            result.append(rotated.reversed().joined(separator: " "))
        }
        return result
    }

    /// Query words taken from the text at spread positions (a deterministic sample), some
    /// alone, some in pairs and threes, plus a word no text has.
    private func queries(from text: String) -> [[String]] {
        let words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init).filter { !analyzer.termsText($0).isEmpty }
        guard words.count > 10 else { return [] }
        var result: [[String]] = []
        for step in [7, 131, 613, 1301, 2203] {
            let first = words[step % words.count]
            let second = words[(step * 3 + 11) % words.count]
            let third = words[(step * 7 + 5) % words.count]
            result += [[first], [first, second], [first, second, third], [first, "زنجبيلستان"]]
        }
        return result
    }

    @Test("the opening shortcut picks the same passage and highlights as the whole text")
    func sameAsWhole() throws {
        var compared = 0
        var shortcut = 0
        for text in texts() {
            for words in queries(from: text) {
                let terms = Set(words.flatMap { analyzer.termsText($0).split(separator: " ").map(String.init) })
                let builder = SnippetBuilder(analyzer: analyzer, terms: terms, prefixes: [], queryWords: words.count)
                for width in [12, 30] {
                    let whole = builder.passage(of: text, words: width, openingBytes: nil)
                    let opening = builder.passage(of: text, words: width)
                    #expect(opening.text == whole.text, "\(words)")
                    #expect(opening.highlights == whole.highlights, "\(words)")
                    #expect(whole.analyzedBytes == text.utf8.count)
                    compared += 1
                    if opening.analyzedBytes < text.utf8.count { shortcut += 1 }
                }
            }
        }
        #expect(compared > 100)
        // Both paths were compared: passages found in an opening and in the whole text.
        #expect(shortcut > 10)
        #expect(shortcut < compared)
    }

    @Test("a single word's passage is its first match, a quarter of the width before it")
    func firstMatch() throws {
        let filler = Array(repeating: "كلام عام عن الطقس والرياضة والفن", count: 200).joined(separator: " ")
        let text = "بدأ " + filler + " ثم زار الوزير موسكو أمس. " + filler + " موسكو موسكو موسكو موسكو."
        let builder = SnippetBuilder(analyzer: analyzer, terms: [analyzer.termsText("موسكو")], prefixes: [], queryWords: 1)
        let snippet = builder.passage(of: text, words: 12)
        #expect(snippet.text.contains("زار الوزير موسكو أمس"))
        #expect(snippet.highlights.count == 1)
        let whole = builder.passage(of: text, words: 12, openingBytes: nil)
        #expect(snippet.text == whole.text && snippet.highlights == whole.highlights)
    }
}
