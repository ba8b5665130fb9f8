import Testing
@testable import ArticleStore

@Suite("Query parser")
struct QueryParserTests {
    private func parse(_ text: String) throws -> ArticleSelection { try QueryParser().parse(text) }

    /// The error message and position a malformed query gets.
    private func failure(_ text: String) -> (message: String, position: Int?)? {
        do {
            _ = try parse(text)
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

    @Test("malformed queries point at the position of the problem", arguments: [
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

    @Test("an empty query is an error, not an empty result")
    func empty() {
        #expect(failure("")?.message == "the query is empty")
        #expect(failure("   ")?.message == "the query is empty")
    }

    @Test("the error text names the 1-based character position")
    func errorDescription() {
        let error = ArticleStoreError.invalidQuery(message: "unclosed (", position: 4)
        #expect(error.description == "unclosed ( (at character 5)")
    }
}
