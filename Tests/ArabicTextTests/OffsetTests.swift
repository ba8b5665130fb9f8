import Testing
@testable import ArabicText

@Suite("Token offsets and hostile input")
struct OffsetTests {
    static let samples = [
        "وشدَّد ريابكوف في تصريحات لوكالة «نوفوستي» أنَّ التعاون",
        "emoji 😀 between كلمات 👨‍👩‍👧 and flags 🇪🇬 here",
        "combining e\u{0301}te\u{0301} and ا\u{0654}حمد",
        "line one\r\nالسطر الثاني\r\n",
        "mixed العربية123 and ١٢٣ and Ｆｕｌｌ",
        "\u{200F}RTL mark\u{200E} ال\u{200C}عربية",
    ]

    @Test("slicing the original at each offset kind returns the token's original text", arguments: samples)
    func offsets(text: String) {
        for profile in AnalyzerProfile.allCases {
            let tokens = Analyzer(profile: profile).tokens(text)
            #expect(!tokens.isEmpty)
            let utf8 = Array(text.utf8)
            let utf16 = Array(text.utf16)
            let scalars = Array(text.unicodeScalars)
            for token in tokens {
                let original = String(token.original)
                #expect(String(decoding: utf8[token.utf8Range], as: UTF8.self) == original)
                #expect(String(decoding: utf16[token.utf16Range], as: UTF16.self) == original)
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[token.scalarRange])
                #expect(String(view) == original)
                #expect(String(text[token.range(in: text)]) == original)
            }
        }
    }

    @Test("empty text, punctuation only, lone marks: no tokens, no crash")
    func degenerate() {
        let analyzer = Analyzer()
        #expect(analyzer.tokens("").isEmpty)
        #expect(analyzer.tokens("«»“”،؛؟!?.,:;()[]{} \n\t").isEmpty)
        #expect(analyzer.tokens("\u{064E}\u{0651}\u{0301}").isEmpty)
        #expect(analyzer.terms("ـــ ـ") == [])
        #expect(analyzer.tokens("\u{0000}\u{0001}").isEmpty)
    }

    @Test("a 100 KB word is split into pieces of at most 255 UTF-16 units")
    func hugeWord() {
        let word = String(repeating: "ب", count: 100_000)
        for profile in AnalyzerProfile.allCases {
            let tokens = Analyzer(profile: profile).tokens(word)
            #expect(tokens.count == (100_000 + 254) / 255)
            #expect(tokens.allSatisfy { $0.utf16Range.count <= 255 })
            #expect(tokens.last?.utf8Range.upperBound == word.utf8.count)
        }
    }
}
