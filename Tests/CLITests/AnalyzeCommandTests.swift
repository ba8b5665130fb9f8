import Foundation
import Testing

@Suite("articles analyze (built binary)")
struct AnalyzeCommandTests {
    @Test("prints one JSON row per token with offsets, normalized form, stem and stopword flag")
    func json() throws {
        let result = try ArticlesBinary.run(["analyze", "--format", "json", "وشدَّد على إيران"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try parseJSON(result.stdout) as? [[String: Any]])
        #expect(rows.map { $0["original"] as? String } == ["وشدَّد", "على", "إيران"])
        #expect(rows.map { $0["normalized"] as? String } == ["وشدد", "علي", "ايران"])
        #expect(rows.map { $0["stopword"] as? Bool } == [false, true, false])
        #expect(rows[2]["stem"] as? String == "ايران")
        #expect(rows[2]["utf8_start"] as? Int == "وشدَّد على ".utf8.count)
    }

    @Test("--profile lucene reproduces Lucene's stems; stdin works")
    func luceneFromStdin() throws {
        let result = try ArticlesBinary.run(["analyze", "--profile", "lucene", "--format", "ndjson"], stdin: Data("إيران".utf8))
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"stem\":\"اير\""))
    }

    @Test("invalid UTF-8 on stdin is a one-line error")
    func invalidUTF8() throws {
        let result = try ArticlesBinary.run(["analyze"], stdin: Data([0x61, 0xFF, 0xFE]))
        #expect(result.status == 1)
        #expect(result.stderr == "error: stdin is not valid UTF-8\n")
    }
}
