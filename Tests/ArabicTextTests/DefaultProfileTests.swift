import Testing
@testable import ArabicText

@Suite("Default profile: normalization, stopwords, stemming")
struct DefaultProfileTests {
    let analyzer = Analyzer()

    @Test("harakat, tatweel, dagger alef and Quranic marks disappear")
    func marks() {
        #expect(analyzer.normalize("الْعَرَبِيَّةُ") == "العربيه")
        #expect(analyzer.normalize("العــربية") == "العربيه")
        #expect(analyzer.normalize("هٰذا") == "هذا")
        #expect(analyzer.normalize("ٱلرَّحْمَٰنِ") == "الرحمن")
        #expect(analyzer.normalize("وشدَّد") == "وشدد")
        #expect(analyzer.normalize("مُحَمَّدۖ") == "محمد")
    }

    @Test("letter forms fold: hamza and alef, ى, ة, Persian and Urdu letters")
    func letterForms() {
        for variant in ["أحمد", "إحمد", "آحمد", "ٱحمد", "احمد", "ا\u{0654}حمد", "ا\u{0655}حمد", "ا\u{0653}حمد"] {
            #expect(analyzer.normalize(variant) == "احمد", "\(variant)")
        }
        #expect(analyzer.normalize("على") == analyzer.normalize("علي"))
        #expect(analyzer.normalize("فاطمة") == "فاطمه")
        #expect(analyzer.terms("التعاون العسکری التقنی") == analyzer.terms("التعاون العسكري التقني"))
        #expect(analyzer.normalize("كتابۀ") == "كتابه")
        #expect(analyzer.normalize("زادہ") == "زاده")
        #expect(analyzer.normalize("هاے") == "هاي")
        #expect(analyzer.normalize("و\u{0654}") == "ؤ")
        #expect(analyzer.normalize("ي\u{0654}") == "ئ")
    }

    @Test("digits fold to ASCII; Latin is lower-cased without diacritics")
    func digitsAndLatin() {
        #expect(analyzer.normalize("١٢٣٤") == "1234")
        #expect(analyzer.normalize("۲۰۲۴") == "2024")
        #expect(analyzer.normalize("Café") == "cafe")
        #expect(analyzer.normalize("Cafe\u{0301}") == "cafe")
        #expect(analyzer.normalize("ＡＢＣ") == "abc")
        #expect(analyzer.normalize("Straße") == "strasse")
    }

    @Test("presentation forms and ligatures fold (NFKC)")
    func presentationForms() {
        #expect(analyzer.normalize("\u{FEE3}\u{FEAE}\u{FEA3}\u{FE92}\u{FE8E}") == "مرحبا")
        #expect(analyzer.normalize("\u{FEFB}") == "لا")
        #expect(analyzer.normalize("\u{FDF2}") == "الله")
    }

    @Test("format controls inside words are removed")
    func formatControls() {
        #expect(analyzer.normalize("ال\u{200C}عربية") == "العربيه")
        #expect(analyzer.normalize("\u{200F}العربية\u{200E}") == "العربيه")
        #expect(analyzer.terms("ال\u{200D}عربية") == analyzer.terms("العربية"))
    }

    @Test("stopwords are recognized in every spelling")
    func stopwords() {
        for word in ["في", "فى", "فی", "فِي", "على", "إلى", "الى", "أنَّ", "ان"] {
            #expect(analyzer.tokens(word).first?.isStopword == true, "\(word)")
        }
        #expect(analyzer.tokens("ريابكوف").first?.isStopword == false)
        #expect(analyzer.terms("في عن مع") == [])
    }

    @Test("proper nouns and و-initial roots are protected from over-stemming")
    func protections() {
        let stems = { (word: String) in analyzer.tokens(word).first?.stem }
        #expect(stems("إيران") == "ايران")
        #expect(stems("وإيران") == "ايران")
        #expect(stems("الإيرانية") == "ايران")
        #expect(stems("الإيراني") == "ايران")
        #expect(stems("التعاون") == "تعاون")
        #expect(stems("لبنان") == "لبنان")
        #expect(stems("فلسطين") == "فلسطين")
        #expect(stems("الفلسطيني") == "فلسطين")
        #expect(stems("وزير") == "وزير")
        #expect(stems("ووزير") == "وزير")
        #expect(stems("الوزير") == "وزير")
        #expect(stems("الروسي") == stems("الروسية"))
        #expect(stems("مشروبات") == "مشروب")
        #expect(stems("المهندسون") == "مهندس")
        #expect(stems("والمهندسين") == "مهندس")
    }

    @Test("acronyms with dots are one word; colons and other punctuation split")
    func segmentation() {
        let words = analyzer.tokens("موسكو ـ د.ب.ا: أكد لـ“التعاون الإسلامي” (العسكري التقني).. 2024")
        #expect(words.map(\.original) == ["موسكو", "ـ", "د.ب.ا", "أكد", "لـ", "التعاون", "الإسلامي", "العسكري", "التقني", "2024"])
        #expect(words[2].normalized == "دبا")
        #expect(words[1].normalized == "")
        #expect(!analyzer.terms("موسكو ـ د.ب.ا").contains(""))
        #expect(analyzer.tokens("فرنسا:التوترات").map(\.original) == ["فرنسا", "التوترات"])
        #expect(analyzer.tokens("1,000").map(\.normalized) == ["1", "000"])
    }

    @Test("positions count every word, stopwords included")
    func positions() {
        let tokens = analyzer.tokens("التعاون مع إيران")
        #expect(tokens.map(\.position) == [0, 1, 2])
        #expect(tokens[1].isStopword)
    }
}
