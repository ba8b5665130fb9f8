import Testing
@testable import ArticleStore

@Suite("Scraper JSON")
struct ScraperJSONReaderTests {
    let reader = ScraperJSONReader()

    static let newsPlease = """
        {"authors": ["سامي أحمد", "Jane Doe"], "date_download": "2024-10-02 08:00:00", "date_modify": null,
         "date_publish": "2024-10-01 18:30:00", "description": "ملخص الخبر", "filename": "x.json",
         "image_url": "https://example.com/a.jpg", "language": "ar", "localpath": null,
         "maintext": "قال وزير الخارجية الإيراني إن التعاون مستمر.\\nفقرة ثانية.", "source_domain": "www.alwatan.com",
         "title": "إيران وروسيا: تعاون مستمر", "title_page": null, "title_rss": null, "url": "https://www.alwatan.com/news/1"}
        """

    static let trafilatura = """
        {"title": "لبنان: دعوة إلى الحل الدبلوماسي", "author": "مراسل; محرر", "hostname": "alwafd.news",
         "date": "2024-10-03", "categories": "سياسة;عربي", "tags": "لبنان,البنتاغون", "fingerprint": "abc",
         "id": null, "license": null, "comments": "", "raw_text": "...", "text": "دعا البنتاغون إلى الانتقال إلى الحل الدبلوماسي.",
         "language": "ar", "image": null, "pagetype": "article", "source": "https://alwafd.news/123",
         "source-hostname": "بوابة الوفد", "excerpt": "دعوة", "sitename": "بوابة الوفد"}
        """

    @Test("news-please fields map onto the model; unknown fields are kept")
    func newsPleaseRecord() throws {
        let article = try reader.article(fromLine: Self.newsPlease.replacingOccurrences(of: "\n", with: " "), origin: "np.jsonl", line: 3)
        #expect(article.title == "إيران وروسيا: تعاون مستمر")
        #expect(article.body == "قال وزير الخارجية الإيراني إن التعاون مستمر.\nفقرة ثانية.")
        #expect(article.authors == ["سامي أحمد", "Jane Doe"])
        #expect(article.published == "2024-10-01 18:30:00") // as given; stored as 2024-10-01T18:30:00 (DateNormalizer)
        #expect(article.url == "https://www.alwatan.com/news/1")
        #expect(article.source == "www.alwatan.com" && article.sourceDomain == "www.alwatan.com")
        #expect(article.language == "ar")
        #expect(article.description == "ملخص الخبر")
        #expect(article.originLine == 3)
        let extra = try #require(article.extra)
        #expect(extra.contains("\"image_url\":\"https://example.com/a.jpg\""))
        #expect(extra.contains("\"date_download\""))
        #expect(!extra.contains("maintext"))
    }

    @Test("trafilatura fields map onto the model")
    func trafilaturaRecord() throws {
        let articles = try reader.articles(fromDocument: Self.trafilatura, origin: "t.json") { Issue.record("\($0)") }
        let article = try #require(articles.first)
        #expect(article.title == "لبنان: دعوة إلى الحل الدبلوماسي")
        #expect(article.body == "دعا البنتاغون إلى الانتقال إلى الحل الدبلوماسي.")
        #expect(article.authors == ["مراسل", "محرر"])
        #expect(article.published == "2024-10-03")
        #expect(article.url == "https://alwafd.news/123")
        #expect(article.source == "بوابة الوفد" && article.sourceDomain == "alwafd.news")
        #expect(article.tags == ["لبنان", "البنتاغون", "سياسة", "عربي"])
        #expect(article.description == "دعوة")
        #expect(article.extra?.contains("\"fingerprint\":\"abc\"") == true)
    }

    @Test("arrays: bad elements are reported, good ones kept")
    func arrays() throws {
        var failures: [String] = []
        let articles = try reader.articles(fromDocument: "[\(Self.trafilatura), 42, {\"title\": \"\"}]", origin: "a.json") { failures.append($0) }
        #expect(articles.count == 1)
        #expect(failures.count == 2)
        #expect(failures[0].contains("element 1"))
    }

    @Test("malformed JSON reports line and column")
    func malformed() {
        do {
            _ = try reader.articles(fromDocument: "{\"title\": \"x\",\n \"text\": }", origin: "bad.json") { _ in }
            Issue.record("expected an error")
        } catch let ArticleStoreError.invalidInput(message) {
            #expect(message.hasPrefix("bad.json:2:"))
            #expect(message.contains("malformed JSON"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
