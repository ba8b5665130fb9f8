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
        #expect(csv.stderr == "exported 1 articles\n")
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
}
