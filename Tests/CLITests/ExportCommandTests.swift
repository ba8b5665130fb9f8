import Foundation
import Testing

@Suite("articles export and sql (built binary, on seeds/)")
struct ExportCommandTests {
    let directory: TemporaryDirectory
    let db: String

    init() throws {
        directory = try TemporaryDirectory()
        db = try ArticlesBinary.seededDatabase(in: directory)
    }

    @Test("export | ingest into a new store gives the same articles; stdin works")
    func roundTrip() throws {
        let export = try ArticlesBinary.run(["export", "--db", db])
        #expect(export.status == 0)
        #expect(export.stderr == "exported 11 articles\n")
        #expect(export.stdout.split(separator: "\n").count == 11)
        let copy = directory.path("copy.sqlite")
        let ingest = try ArticlesBinary.run(["ingest", "--db", copy, "--input-format", "jsonl", "-"], stdin: Data(export.stdout.utf8))
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let hashes = "SELECT group_concat(content_hash) FROM (SELECT content_hash FROM articles ORDER BY 1)"
        let original = try ArticlesBinary.run(["sql", "--db", db, "--format", "csv", hashes])
        let copied = try ArticlesBinary.run(["sql", "--db", copy, "--format", "csv", hashes])
        #expect(original.status == 0)
        #expect(original.stdout == copied.stdout)
    }

    @Test("export --query and --format csv; --es-index-settings")
    func filtered() throws {
        let csv = try ArticlesBinary.run(["export", "--db", db, "--format", "csv", "--query", "ريابكوف"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("id,title,body,"))
        #expect(csv.stderr == "exported 1 article\n")
        let settings = try ArticlesBinary.run(["export", "--es-index-settings"])
        #expect((try parseJSON(settings.stdout) as? [String: Any])?["mappings"] != nil)
        // An unbalanced bracket is read as text, as in search.
        let pasted = try ArticlesBinary.run(["export", "--db", db, "--query", "(إيران"])
        #expect(pasted.status == 0)
        #expect(pasted.stderr == "exported 3 articles\n")
    }

    @Test("sql prints rows in every format and refuses writes")
    func sql() throws {
        let rows = try ArticlesBinary.run(["sql", "--db", db, "--format", "json", "SELECT kind, count(*) AS n FROM articles GROUP BY kind ORDER BY kind"])
        let parsed = try #require(try parseJSON(rows.stdout) as? [[String: Any]])
        #expect(parsed.map { $0["kind"] as? String } == ["article", "embedded", "related"])
        #expect(parsed.map { $0["n"] as? Int } == [2, 1, 8])
        let write = try ArticlesBinary.run(["sql", "--db", db, "DELETE FROM articles"])
        #expect(write.status == 1)
        #expect(write.stderr.hasPrefix("error: only read-only statements"))
        let syntax = try ArticlesBinary.run(["sql", "--db", db, "SELEC 1"])
        #expect(syntax.status == 1)
        #expect(syntax.stderr.hasPrefix("error: SQLite error 1"))
        #expect(syntax.stderr.split(separator: "\n").count == 1)
    }

    @Test("sql guards do not read the text: comments before ATTACH, trailing statements, runaway CTEs, huge allocations")
    func sqlGuards() throws {
        let other = directory.path("other.sqlite")
        let attach = try ArticlesBinary.run(["sql", "--db", db, "/* x */ ATTACH '\(other)' AS o"])
        #expect(attach.status == 1)
        #expect(attach.stderr.hasPrefix("error: only read-only statements"), "\(attach.stderr)")
        #expect(!FileManager.default.fileExists(atPath: other))
        let trailing = try ArticlesBinary.run(["sql", "--db", db, "SELECT 1; DELETE FROM articles"])
        #expect(trailing.status == 1)
        #expect(trailing.stderr.contains("only one statement"), "\(trailing.stderr)")
        let count = try ArticlesBinary.run(["sql", "--db", db, "--format", "csv", "SELECT count(*) AS n FROM articles; -- a comment"])
        #expect(count.stdout == "n\r\n11\r\n", "\(count.stderr)")
        let forever = try ArticlesBinary.run(["sql", "--db", db, "--timeout", "1",
                                              "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"])
        #expect(forever.status == 1)
        #expect(forever.stderr.contains("longer than 1 s") && forever.stderr.contains("--timeout"), "\(forever.stderr)")
        let huge = try ArticlesBinary.run(["sql", "--db", db, "--memory-limit", "64", "SELECT length(randomblob(200000000))"])
        #expect(huge.status == 1)
        #expect(huge.stderr.contains("more than 64 MB") && huge.stderr.contains("--memory-limit"), "\(huge.stderr)")
    }

    @Test("csv cells that start like a formula get a leading quote unless --raw-csv")
    func formulaInjection() throws {
        let guarded = try ArticlesBinary.run(["sql", "--db", db, "--format", "csv", "SELECT '=HYPERLINK(\"x\")' AS a, '-1' AS b, '@x' AS c, 'plain' AS d"])
        #expect(guarded.stdout == "a,b,c,d\r\n\"'=HYPERLINK(\"\"x\"\")\",'-1,'@x,plain\r\n", "\(guarded.stdout)")
        let raw = try ArticlesBinary.run(["sql", "--db", db, "--format", "csv", "--raw-csv", "SELECT '=1+1' AS a"])
        #expect(raw.stdout == "a\r\n=1+1\r\n")
    }
}
