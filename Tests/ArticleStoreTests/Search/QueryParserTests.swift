import Testing
@testable import ArticleStore

@Suite("Query parser")
struct QueryParserTests {
    private func parse(_ text: String) throws -> ArticleSelection { try QueryParser().parse(text) }

    /// The error message and position a malformed query gets from the strict parser.
    private func failure(_ text: String) -> (message: String, position: Int?)? {
        do {
            _ = try QueryParser(strict: true).parse(text)
            return nil
        } catch let ArticleStoreError.invalidQuery(message, position) {
            return (message, position)
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test("words combine with AND; OR binds looser; NOT and - exclude")
    func structure() throws {
        #expect(try parse("إيران روسيا").expression == .and([.word("إيران"), .word("روسيا")]))
        #expect(try parse("إيران OR روسيا").expression == .or([.word("إيران"), .word("روسيا")]))
        #expect(try parse("إيران روسيا OR طهران").expression
                == .or([.and([.word("إيران"), .word("روسيا")]), .word("طهران")]))
        #expect(try parse("إيران -روسيا").expression == .and([.word("إيران"), .not(.word("روسيا"))]))
        #expect(try parse("إيران NOT روسيا").expression == .and([.word("إيران"), .not(.word("روسيا"))]))
        #expect(try parse("إيران (روسيا OR موسكو)").expression
                == .and([.word("إيران"), .or([.word("روسيا"), .word("موسكو")])]))
        #expect(try parse("إيران AND روسيا").expression == .and([.word("إيران"), .word("روسيا")]))
    }

    @Test("phrases in straight, guillemet and curly quotes; prefixes; text fields")
    func phrasesAndFields() throws {
        #expect(try parse("\"التعاون العسكري\"").expression == .phrase("التعاون العسكري"))
        #expect(try parse("«التعاون العسكري»").expression == .phrase("التعاون العسكري"))
        #expect(try parse("“التعاون العسكري”").expression == .phrase("التعاون العسكري"))
        #expect(try parse("تعاو*").expression == .term("تعاو", prefix: true, field: nil))
        #expect(try parse("title:إيران").expression == .term("إيران", prefix: false, field: .title))
        #expect(try parse("tags:\"التعاون العسكري\"").expression == .phrase("التعاون العسكري", field: .tags))
    }

    @Test("filters are taken out of the expression, with quoted values")
    func filters() throws {
        let query = try parse("إيران source:\"جريدة الوطن\" tag:\"التعاون العسكري\" entity:روسيا lang:AR after:2024-01-01 before:2025")
        #expect(query.expression == .word("إيران"))
        #expect(query == ArticleSelection(expression: .word("إيران"), sources: ["جريدة الوطن"], tags: ["التعاون العسكري"],
                                          entities: ["روسيا"], languages: ["ar"], after: "2024-01-01", before: "2025"))
        // Filters alone are a valid query: list what matches.
        let only = try parse("source:الوطن")
        #expect(only.expression == nil)
        #expect(only.sources == ["الوطن"])
        // A colon in an ordinary word is just text.
        #expect(try parse("الساعة:10").expression == .word("الساعة:10"))
    }

    @Test("strict: malformed queries point at the position of the problem", arguments: [
        ("إيران \"روسيا", "unterminated quote", 6),
        ("إيران «روسيا", "unterminated quote", 6),
        ("(إيران روسيا", "unclosed (", 0),
        ("إيران روسيا)", "unmatched )", 11),
        ("إيران OR", "OR needs a word on both sides", 6),
        ("OR إيران", "OR needs a word on both sides", 0),
        ("إيران OR OR روسيا", "OR needs a word on both sides", 6),
        ("إيران AND", "AND needs a word on both sides", 6),
        ("إيران NOT", "NOT needs a word after it", 6),
        ("إيران ()", "empty parentheses", 6),
        ("source: إيران", "source: needs a value", 0),
        ("after:2024-13-01", "after: takes a date", 0),
        ("before:yesterday", "before: takes a date", 0),
        ("(إيران source:الوطن)", "filters such as source: or tag: must be at the top level", 0),
        ("إيران -source:الوطن", "filters such as source: cannot be negated", 6),
    ])
    func malformed(text: String, message: String, position: Int) {
        let error = failure(text)
        #expect(error?.message.hasPrefix(message) == true, "\(text): \(String(describing: error))")
        #expect(error?.position == position, "\(text): \(String(describing: error))")
    }

    @Test("strict: an empty query is an error, not an empty result")
    func empty() {
        #expect(failure("")?.message == "the query is empty")
        #expect(failure("   ")?.message == "the query is empty")
    }

    @Test("forgiving (the default): what is not syntax is read as text, with a note; pasted text never fails", arguments: [
        ("إيران \"روسيا", QueryExpression.and([.word("إيران"), .word("روسيا")]), "unterminated quote"),
        ("«صراع جيلنا", .and([.word("صراع"), .word("جيلنا")]), "unterminated quote"),
        ("\"صراع جيلنا“", .and([.word("صراع"), .word("جيلنا")]), "unterminated quote"),
        ("“صراع جيلنا”", .phrase("صراع جيلنا"), nil),
        ("صراع (جيلنا", .and([.word("صراع"), .word("جيلنا")]), "unclosed ("),
        ("إيران روسيا)", .and([.word("إيران"), .word("روسيا")]), "unmatched )"),
        ("ماذا تعنى الكلمة الايطالية)JOCUND)", .and([.word("ماذا"), .word("تعنى"), .word("الكلمة"), .word("الايطالية"), .word("JOCUND")]), "unmatched )"),
        ("إيران OR", .word("إيران"), "OR needs a word"),
        ("OR إيران", .word("إيران"), "OR needs a word"),
        ("إيران OR OR روسيا", .or([.word("إيران"), .word("روسيا")]), "OR needs a word"),
        ("إيران AND", .word("إيران"), "AND needs a word"),
        ("إيران NOT", .word("إيران"), "NOT needs a word"),
        ("إيران ()", .word("إيران"), "empty parentheses"),
        ("source: إيران", .and([.word("source:"), .word("إيران")]), "source: needs a value"),
        ("إيران before:yesterday", .and([.word("إيران"), .phrase("yesterday")]), "before: takes a date"),
        ("(إيران source:الوطن)", .and([.word("إيران"), .phrase("الوطن")]), "must be at the top level"),
        ("إيران -source:الوطن", .and([.word("إيران"), .not(.phrase("الوطن"))]), "cannot be negated"),
    ] as [(String, QueryExpression, String?)])
    func forgiving(text: String, expected: QueryExpression, note: String?) throws {
        let query = try parse(text)
        #expect(query.expression == expected, "\(text)")
        if let note {
            #expect(query.notes.contains { $0.contains(note) }, "\(text): \(query.notes)")
        } else {
            #expect(query.notes.isEmpty, "\(text): \(query.notes)")
        }
    }

    @Test("forgiving: deep nesting, huge and wordy queries are cut with a note instead of crashing or failing")
    func limits() throws {
        let deep = String(repeating: "(", count: 8000) + "إيران" + String(repeating: ")", count: 8000)
        let nested = try parse(deep)
        #expect(nested.expression == .word("إيران"))
        #expect(nested.notes.contains { $0.contains("nested deeper") })
        #expect(throws: ArticleStoreError.self) { try QueryParser(strict: true).parse(deep) }
        let many = try parse(Array(repeating: "كلمة", count: 20_000).joined(separator: " "))
        #expect(many.notes.contains { $0.contains("more than \(QueryParser.maximumTerms) words") })
        let long = try parse(String(repeating: "ا", count: 30_000))
        #expect(long.notes.contains { $0.contains("longer than") })
        let quotes = try parse(String(repeating: "«ا ", count: 5000))
        #expect(quotes.notes.count >= 1)
    }

    @Test("the error text names the 1-based character position")
    func errorDescription() {
        let error = ArticleStoreError.invalidQuery(message: "unclosed (", position: 4)
        #expect(error.description == "unclosed ( (at character 5)")
    }
}
