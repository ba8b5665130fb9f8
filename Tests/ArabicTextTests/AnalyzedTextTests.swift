import Testing
@testable import ArabicText

@Suite("AnalyzedText and lazy tokens agree with the other analysis entry points")
struct AnalyzedTextTests {
    static let samples = [
        "وشدَّد ريابكوف في تصريحات لوكالة «نوفوستي» أنَّ التعاون العسکری مع إيران مستمر",
        "emoji 😀 between كلمات، و١٢٣ and Ｆｕｌｌ width ـ tatweel",
        "",
        "،،، ؟",
    ]

    @Test("analyze(): words, normalized forms, stems and texts match tokens(), termsText and normalizedAndTermsText", arguments: samples)
    func analyzeMatches(text: String) {
        for profile in AnalyzerProfile.allCases {
            let analyzer = Analyzer(profile: profile)
            let analyzed = analyzer.analyze(text)
            let tokens = analyzer.tokens(text)
            #expect(analyzed.words.count == tokens.count)
            for (index, (word, token)) in zip(analyzed.words, tokens).enumerated() {
                #expect(word.scalarRange == token.scalarRange)
                #expect(word.utf8Range == token.utf8Range)
                #expect(word.isStopword == token.isStopword)
                #expect(analyzed.normalizedString(index) == token.normalized)
                #expect(String(String.UnicodeScalarView(analyzed.normalizedScalars[word.stemRange])) == token.stem)
                #expect(analyzed.original(word.scalarRange) == String(token.original))
            }
            #expect(analyzed.termsText == analyzer.termsText(text))
            #expect(analyzed.stemsText(includingStopwords: true) == analyzer.termsText(text, includingStopwords: true))
            #expect(analyzed.normalizedText == analyzer.normalizedAndTermsText(text).normalized)
            #expect(analyzed.scalars == Array(text.unicodeScalars))
        }
    }

    @Test("analyzeWords(stemmingOnly:) gives the words the filter accepts exactly as analyze() does, and leaves the others unstemmed", arguments: samples)
    func filteredAnalysis(text: String) {
        for profile in AnalyzerProfile.allCases {
            let analyzer = Analyzer(profile: profile)
            let full = analyzer.analyze(text)
            // Accept the forms with an even number of scalars.
            let filtered = analyzer.analyzeWords(text) { $0.count % 2 == 0 }
            #expect(filtered.words.count == full.words.count)
            #expect(filtered.normalizedScalars == full.normalizedScalars)
            for (word, expected) in zip(filtered.words, full.words) {
                #expect(word.scalarRange == expected.scalarRange && word.utf8Range == expected.utf8Range)
                #expect(word.normalizedRange == expected.normalizedRange)
                if word.normalizedRange.count % 2 == 0 {
                    #expect(word.stemRange == expected.stemRange && word.isStopword == expected.isStopword)
                } else {
                    #expect(word.stemRange.isEmpty && !word.isStopword)
                }
            }
        }
    }

    @Test("a token's strings are made on access and agree with its stem length; the public initializer keeps what it is given", arguments: samples)
    func lazyTokens(text: String) {
        let analyzer = Analyzer()
        for token in analyzer.tokens(text) {
            #expect(token.stemLength == token.stem.unicodeScalars.count)
            #expect(token.stem == analyzer.stem(normalized: token.normalized))
            let copy = Token(original: token.original, utf8Range: token.utf8Range, utf16Range: token.utf16Range,
                             scalarRange: token.scalarRange, position: token.position, normalized: token.normalized,
                             stem: token.stem, isStopword: token.isStopword)
            #expect(copy == token)
            #expect(copy.stemLength == token.stemLength)
            #expect(copy.range(in: text) == token.range(in: text))
        }
    }
}
