import Foundation
import Testing

@Suite("articles init, migrate, stats (built binary)")
struct FoundationCommandTests {
    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    /// The schema version a new store has: one migration per file in Schema/.
    var schemaFileCount: Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Schema").path)) ?? [])
            .filter { $0.hasSuffix(".sql") }.count
    }

    @Test("init creates a store that stats and migrate --status describe")
    func initStatsMigrate() throws {
        let db = directory.path("a.sqlite")
        let initResult = try ArticlesBinary.run(["init", "--db", db])
        #expect(initResult.status == 0, "\(initResult.stderr)")
        #expect(FileManager.default.fileExists(atPath: db))

        let stats = try ArticlesBinary.run(["stats", "--db", db, "--format", "json"])
        #expect(stats.status == 0)
        let object = try #require(try parseJSON(stats.stdout) as? [String: Any])
        #expect(object["articles"] as? Int == 0)
        #expect(object["schema_version"] as? Int == schemaFileCount)
        #expect((object["file_bytes"] as? Int ?? 0) > 0)

        let status = try ArticlesBinary.run(["migrate", "--status", "--db", db, "--format", "json"])
        #expect(status.status == 0)
        let rows = try #require(try parseJSON(status.stdout) as? [[String: Any]])
        #expect(rows.first?["version"] as? Int == 1)
        #expect(rows.first?["state"] as? String == "applied")

        let migrate = try ArticlesBinary.run(["migrate", "--db", db])
        #expect(migrate.status == 0)
        #expect(migrate.stderr.contains("up to date"))
    }

    @Test("--db defaults to $ARTICLES_DB, then ./articles.sqlite")
    func defaultDatabase() throws {
        let viaEnvironment = try ArticlesBinary.run(["init", "--quiet"], in: directory.url, environment: ["ARTICLES_DB": "env.sqlite"])
        #expect(viaEnvironment.status == 0)
        #expect(FileManager.default.fileExists(atPath: directory.path("env.sqlite")))
        let viaDefault = try ArticlesBinary.run(["init", "--quiet"], in: directory.url)
        #expect(viaDefault.status == 0)
        #expect(viaDefault.stderr.isEmpty)
        #expect(FileManager.default.fileExists(atPath: directory.path("articles.sqlite")))
    }

    @Test("stats prints csv and table")
    func otherFormats() throws {
        let db = directory.path("f.sqlite")
        _ = try ArticlesBinary.run(["init", "--db", db])
        let csv = try ArticlesBinary.run(["stats", "--db", db, "--format", "csv"])
        #expect(csv.stdout.hasPrefix("articles,sources,tags,entities,mentions,schema_version"))
        let table = try ArticlesBinary.run(["stats", "--db", db, "--format", "table"])
        // Cells are isolated (FSI ... PDI) so right-to-left text keeps its place.
        #expect(table.stdout.contains("\u{2068}schema_version\u{2069}  \u{2068}\(schemaFileCount)\u{2069}"), "\(table.stdout)")
    }

    @Test("errors are one line starting with error: and a non-zero status")
    func errors() throws {
        let missing = try ArticlesBinary.run(["stats", "--db", directory.path("missing.sqlite")])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("error: no database at"))
        #expect(missing.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: directory.path("missing.sqlite")))

        let notDatabase = directory.path("text.sqlite")
        try Data("just some text\n".utf8).write(to: URL(fileURLWithPath: notDatabase))
        let refused = try ArticlesBinary.run(["init", "--db", notDatabase])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("error: ") && refused.stderr.contains("not an SQLite database"))
        #expect(try String(contentsOfFile: notDatabase, encoding: .utf8) == "just some text\n")

        let usage = try ArticlesBinary.run(["stats", "--format", "yaml"])
        #expect(usage.status == 64)
        #expect(usage.stderr.hasPrefix("error: "))
        #expect(usage.stderr.split(separator: "\n").count == 1)
    }

    @Test("a binary copied elsewhere carries its schema (no resource bundle)")
    func copiedBinary() throws {
        let copy = directory.url.appendingPathComponent("bin/articles")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ArticlesBinary.url, to: copy)
        let process = Process()
        process.executableURL = copy
        process.arguments = ["init", "--quiet", "--db", directory.path("copied.sqlite")]
        process.currentDirectoryURL = directory.url
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: directory.path("copied.sqlite")))
    }

    @Test("the created file opens in the sqlite3 shell: every table and view, and an FTS MATCH")
    func sqlite3Shell() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else {
            print("skipping: /usr/bin/sqlite3 is not installed (apt-get install sqlite3)")
            return
        }
        let db = directory.path("shell.sqlite")
        _ = try ArticlesBinary.run(["init", "--db", db])
        let names = try shell(["/usr/bin/sqlite3", db, "SELECT name FROM sqlite_schema WHERE type IN ('table','view') ORDER BY name"])
        let objects = names.split(separator: "\n").map(String.init)
        #expect(objects.contains("articles") && objects.contains("article_overview") && objects.contains("articles_fts"))
        for object in objects {
            _ = try shell(["/usr/bin/sqlite3", db, "SELECT * FROM \"\(object)\" LIMIT 1"])
        }
        _ = try shell(["/usr/bin/sqlite3", db, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'تعاون'"])
    }

    @Test("the created file opens in Python's sqlite3")
    func pythonSqlite3() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/env") else { return }
        let db = directory.path("python.sqlite")
        _ = try ArticlesBinary.run(["init", "--db", db])
        let script = """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            names = [n for (n,) in c.execute("select name from sqlite_master where type in ('table','view')")]
            for n in names: c.execute('select * from "%s" limit 1' % n).fetchall()
            c.execute("select rowid from articles_fts where articles_fts match ?", ("تعاون",)).fetchall()
            print(len(names))
            """
        let output = try shell(["/usr/bin/env", "python3", "-c", script, db])
        #expect((Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 10)
    }

    private func shell(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(arguments) failed")
        return String(decoding: data, as: UTF8.self)
    }
}
