import Testing
@testable import ArabicText

/// Property test: spelling variation never changes the default profile's analysis.
@Suite("Orthographic invariance (property test)")
struct OrthographicInvarianceTests {
    /// SplitMix64: deterministic, so a failure reproduces.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let letters = Array("ابتثجحخدذرزسشصضطظعغفقكلمنهويءؤئةى".unicodeScalars)
    static let harakat: [Unicode.Scalar] = (0x064B...0x0652).map { Unicode.Scalar($0)! } + ["\u{0670}"]
    static let variants: [Unicode.Scalar: [String]] = [
        "ا": ["أ", "إ", "آ", "ٱ", "ا\u{0654}", "ا\u{0655}"],
        "أ": ["ا", "إ", "ا\u{0654}"],
        "ي": ["ى", "ی", "ے"],
        "ى": ["ي", "ی"],
        "ة": ["ه", "ۀ", "ہ"],
        "ه": ["ة", "ہ"],
        "ك": ["ک"],
        "ؤ": ["و\u{0654}"],
        "ئ": ["ي\u{0654}"],
        "٠": ["0", "۰"], "١": ["1", "۱"], "٢": ["2", "۲"], "٣": ["3", "۳"],
    ]

    /// Isolated presentation forms of letters, read from the folding table.
    static let presentationForms: [Unicode.Scalar: Unicode.Scalar] = {
        var forms: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (index, key) in CompatibilityFoldingTable.keys.enumerated() where key >= 0xFE70 && key <= 0xFEFC {
            let range = Int(CompatibilityFoldingTable.starts[index])..<Int(CompatibilityFoldingTable.starts[index + 1])
            if range.count == 1, let letter = Unicode.Scalar(CompatibilityFoldingTable.scalars[range.lowerBound]),
               forms[letter] == nil {
                forms[letter] = Unicode.Scalar(key)!
            }
        }
        return forms
    }()

    /// A spelling variant of `word`: random harakat, tatweel, letter-form swaps, presentation forms.
    static func vary(_ word: String, using generator: inout Generator) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(word.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let choice = Int.random(in: 0..<10, using: &generator)
            if choice < 3, let options = variants[scalar] {
                out.append(contentsOf: options.randomElement(using: &generator)!.unicodeScalars)
            } else if choice == 3, let form = presentationForms[scalar] {
                out.append(form)
            } else {
                out.append(scalar)
            }
            if Bool.random(using: &generator) { out.append(harakat.randomElement(using: &generator)!) }
            if index < scalars.count - 1, Int.random(in: 0..<6, using: &generator) == 0 {
                out.append("\u{0640}")
            }
        }
        return String(out)
    }

    @Test("random words: variants keep the normalized form and the terms")
    func randomWords() {
        var generator = Generator(state: 20261123)
        let analyzer = Analyzer()
        var checked = 0
        for _ in 0..<3000 {
            let length = Int.random(in: 2...9, using: &generator)
            var word = String.UnicodeScalarView()
            for _ in 0..<length { word.append(Self.letters.randomElement(using: &generator)!) }
            let base = String(word)
            let variant = Self.vary(base, using: &generator)
            #expect(analyzer.normalize(variant) == analyzer.normalize(base), "\(base) vs \(variant)")
            #expect(analyzer.terms(variant) == analyzer.terms(base), "\(base) vs \(variant)")
            checked += 1
        }
        #expect(checked == 3000)
    }

    @Test("seed words: variants keep the normalized form and the terms", .enabled(if: SharedData.has("arabic/lucene_seed_words.tsv"), "needs ../shared/arabic/lucene_seed_words.tsv"))
    func seedWords() throws {
        let rows = try #require(SharedData.arabicTSV("lucene_seed_words.tsv"))
        var generator = Generator(state: 717)
        let analyzer = Analyzer()
        for row in rows {
            for _ in 0..<5 {
                let variant = Self.vary(row[0], using: &generator)
                #expect(analyzer.normalize(variant) == analyzer.normalize(row[0]), "\(row[0]) vs \(variant)")
                #expect(analyzer.terms(variant) == analyzer.terms(row[0]), "\(row[0]) vs \(variant)")
            }
        }
        print("orthographic invariance: \(rows.count * 5) seed-word variants checked")
    }

    @Test("Arabic-Indic and Persian digits analyze like ASCII digits")
    func digits() {
        let analyzer = Analyzer()
        #expect(analyzer.terms("عام ٢٠٢٤") == analyzer.terms("عام 2024"))
        #expect(analyzer.terms("عام ۲۰۲۴") == analyzer.terms("عام 2024"))
    }
}
