import Testing
@testable import ArticleStore

@Suite("Aggregator page parser")
struct AggregatorPageParserTests {
    let parser = AggregatorPageParser()

    @Test("seed 000: source, dateline, agency, tag, related, similar headlines")
    func seedMoscow() throws {
        let page = try parser.parse(Seeds.moscow)
        #expect(page.title == nil)
        #expect(page.source == "جريدة الوطن")
        #expect(page.dateline == "موسكو")
        #expect(page.agency == "د.ب.ا")
        #expect(page.tags == ["التعاون العسکری التقنی"])
        #expect(page.body.hasPrefix("موسكو ـ د.ب.ا: أكد سيرجي ريابكوف"))
        #expect(page.body.hasSuffix("بين روسيا وإيران."))
        #expect(page.body.split(separator: "\n").count == 5)
        #expect(page.embedded.isEmpty)
        #expect(page.related.map(\.title) == ["الأمين العام لـ “التعاون الإسلامي” يؤكد مجدداً موقف المنظمة بشأن قضية القدس"])
        #expect(page.related[0].body.hasPrefix("كد معالي الأمين العام"))
        #expect(page.related[0].isPartial)
        #expect(page.related[0].body.split(separator: "\n").count == 4)
        #expect(page.similarHeadlines.count == 10)
        #expect(page.similarHeadlines.first == "الأمين العام لـ “التعاون الإسلامي” يؤكد مجدداً موقف المنظمة بشأن قضية القدس")
        #expect(page.similarHeadlines.last == "وزير الأشغال اللبناني يؤكد انفتاح موسكو على التعاون مع بيروت")
        #expect(page.rest == nil)
    }

    @Test("seed 001: embedded story, tag split, glued related titles, similar headlines")
    func seedAraghchi() throws {
        let page = try parser.parse(Seeds.araghchi)
        #expect(page.title == nil)
        #expect(page.source == "بوابة الوفد")
        #expect(page.dateline == nil && page.agency == nil)
        #expect(page.tags == ["وزير الخارجية الإيراني", "التعاون العسكري", "إيران وروسيا", "طهران", "صواريخ باليستية لروسيا",
                              "الأطراف الدولية", "بین إیران وروسیا", "التعاون العسکری", "فی لبنان"])
        #expect(page.body.split(separator: "\n").count == 7)
        #expect(!page.body.contains("البنتاغون"))
        #expect(page.embedded.count == 1)
        #expect(page.embedded[0].title == "البنتاغون يدعو للانتقال من الحل العسكري إلى الدبلوماسي في لبنان")
        #expect(page.embedded[0].kind == .embedded)
        #expect(page.embedded[0].source == "بوابة الوفد")
        #expect(page.embedded[0].body.split(separator: "\n").count == 5)
        #expect(page.embedded[0].body.hasPrefix("دعا وزير الدفاع الأمريكي لويد أوستن"))
        #expect(page.related.map(\.title) == [
            "فرنسا: المواجهة العسكرية مع إيران شبه حتمية في هذه الحالة",
            "وزير خارجية فرنسا: التوترات بين باريس والجزائر ليست في مصلحة أحد",
            "فرنسا.. منافسة ماكرون تترقب الحكم في قضية اختلاس حساسة",
            "توتر دبلوماسي ..الجزائر تمنع دبلوماسييها وأفراد عائلاتهم من السفر إلى فرنسا",
            "الرئاسة السورية تكشف عن 6 ملفات ناقشتها قمة فرنسا",
            "البحث العلمي تعلن تفاصيل التقديم لحضور مؤتمر القمة الدولي في فرنسا",
            "فرنسا والجزائر",
        ])
        #expect(page.related[0].body.split(separator: "\n").count == 3)
        #expect(page.related[1].body.hasPrefix("وكان قال وزير الخارجية الفرنسي"))
        #expect(page.related[2].body.isEmpty)
        #expect(page.similarHeadlines.count == 10)
        #expect(page.similarHeadlines[2] == "فرنسا: المواجهة العسكرية مع إيران تبدو شبه محتومة")
    }

    @Test("no line of either seed is lost", arguments: [Seeds.moscow, Seeds.araghchi])
    func lossless(text: String) throws {
        let page = try parser.parse(text)
        var stored: [String] = [page.body, page.source ?? "", page.rest ?? ""] + page.tags + page.similarHeadlines
        for child in page.embedded + page.related { stored += [child.title ?? "", child.body] }
        let relatedTitles = page.related.compactMap(\.title)
        for line in TextLines.split(text) where !TextLines.isBlank(line) {
            let trimmed = TextLines.trim(line)
            let marker = ["المصدر:", "كلمات دلالية:", "إقرأ أيضاً:", "مقالات مشابهة"].first { trimmed.hasPrefix($0) }
            var content = trimmed
            if let marker { content = TextLines.trim(trimmed.dropFirst(marker.count)) }
            if content.isEmpty { continue }
            if marker == "كلمات دلالية:" {
                // The tag line is the tags, in order, separated by single spaces.
                #expect(page.tags.joined(separator: " ") == content)
                continue
            }
            let found = stored.contains { $0.contains(content) }
                || content.filter { !$0.isWhitespace } == joinedRun(of: relatedTitles, matching: content)
                || stored.contains { $0.contains(ArticleHeadline.strip(content)) }
            #expect(found, "line not stored: \(content)")
        }
    }

    /// The consecutive related titles that, glued, make up `line` (ignoring white space).
    private func joinedRun(of titles: [String], matching line: String) -> String {
        let target = line.filter { !$0.isWhitespace }
        for start in titles.indices {
            var glued = ""
            for title in titles[start...] {
                glued += title.filter { !$0.isWhitespace }
                if glued == target { return glued }
                if !target.hasPrefix(glued) { break }
            }
        }
        return ""
    }

    @Test("variations: CRLF, BOM, no tags line, no source, extra sections")
    func variations() throws {
        let crlf = "\u{FEFF}" + Seeds.moscow.replacingOccurrences(of: "\n", with: "\r\n")
        let fromCRLF = try parser.parse(crlf)
        let plain = try parser.parse(Seeds.moscow)
        #expect(fromCRLF.body == plain.body)
        #expect(fromCRLF.tags == plain.tags && fromCRLF.source == plain.source)
        #expect(fromCRLF.similarHeadlines == plain.similarHeadlines)

        let minimal = try parser.parse("القاهرة - أ ش أ: خبر قصير عن الطقس.\n\nفقرة ثانية.\n")
        #expect(minimal.source == nil && minimal.tags.isEmpty && minimal.related.isEmpty)
        #expect(minimal.dateline == "القاهرة" && minimal.agency == "أ ش أ")
        #expect(minimal.body == "القاهرة - أ ش أ: خبر قصير عن الطقس.\nفقرة ثانية.")

        let parenthesized = try parser.parse("بيروت (رويترز) - قال مسؤول إن الاجتماع انتهى.\n")
        #expect(parenthesized.dateline == "بيروت" && parenthesized.agency == "رويترز")

        let extra = try parser.parse("نص الخبر الأساسي هنا.\n\nالمصدر: جريدة الأهرام\nسطر غير متوقع بعد المصدر\n\nكلمات دلالية: مصر القاهرة\n")
        #expect(extra.source == "جريدة الأهرام")
        #expect(extra.rest == "سطر غير متوقع بعد المصدر")
        #expect(extra.tags == ["مصر", "القاهرة"])
    }

    @Test("a page with no text is an error")
    func empty() {
        #expect(throws: ArticleStoreError.self) { try parser.parse("\n\u{00A0}\n  \n") }
    }

    @Test("tags split on delimiters when the line has them")
    func delimitedTags() throws {
        let page = try parser.parse("خبر عن التعاون.\n\nكلمات دلالية: روسيا، إيران، التعاون العسكري\n")
        #expect(page.tags == ["روسيا", "إيران", "التعاون العسكري"])
    }
}

/// Headline bullets as the parser strips them.
enum ArticleHeadline {
    static func strip(_ line: String) -> String { AggregatorPageParser.headline(line) }
}
