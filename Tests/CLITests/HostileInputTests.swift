import Foundation
import Testing

/// What hostile-input testing found at the command line (reliability round two): overflowing
/// numbers, control characters in stored text, odd database paths, the exit-2 message.
@Suite("hostile input at the command line (built binary)")
struct HostileInputTests {
    let directory: TemporaryDirectory
    let db: String

    init() throws {
        directory = try TemporaryDirectory()
        db = directory.path("store.sqlite")
        let records = [
            #"{"title": "عنوان \u001b]0;pwned\u0007 \u001b[2J مع تحكم\r", "maintext": "نص عن التعاون العسكري \u001b[31m أحمر", "sitename": "مصدر\u001b[1m"}"#,
            #"{"title": "خبر ثان عن التعاون", "maintext": "نص ثان عن التعاون العسكري"}"#,
        ]
        let input = directory.path("input.jsonl")
        try (records.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let ingest = try ArticlesBinary.run(["ingest", "--db", db, "--quiet", input])
        #expect(ingest.status == 0, "\(ingest.stderr)")
    }

    @Test("control characters in stored text are shown as visible escapes in tables and text, kept in JSON")
    func terminalEscapes() throws {
        for arguments in [["list", "--format", "table"], ["search", "--format", "table", "--color", "never", "التعاون"],
                          ["show", "--format", "table", "1"]] {
            let result = try ArticlesBinary.run([arguments[0], "--db", db] + arguments.dropFirst())
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x0D }, "\(arguments)")
            #expect(result.stdout.contains("\\x1B"), "\(arguments): \(result.stdout)")
        }
        let json = try ArticlesBinary.run(["show", "--db", db, "--format", "json", "1"])
        let title = try #require((try parseJSON(json.stdout) as? [String: Any])?["title"] as? String)
        #expect(title.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test("offsets and limits at the integer limits give empty pages, not a trap", arguments: [
        ["--offset", "9223372036854775797"], ["--limit", "9223372036854775807"],
        ["--offset", "9223372036854775797", "--collapse"], ["--limit", "9223372036854775807", "--facets"],
    ])
    func integerLimits(options: [String]) throws {
        let result = try ArticlesBinary.run(["search", "--db", db, "--format", "json"] + options + ["التعاون"])
        #expect(result.status == 0, "\(options): \(result.stderr)")
        #expect(try parseJSON(result.stdout) is [Any] || (try parseJSON(result.stdout) as? [String: Any])?["results"] != nil)
    }

    @Test("--db must name a regular file: empty, a device or a directory is refused, the path quoted when odd")
    func databasePaths() throws {
        for path in ["", "/dev/null", directory.url.path] {
            let result = try ArticlesBinary.run(["stats", "--db", path])
            #expect(result.status == 1, "\(path)")
            #expect(result.stderr.hasPrefix("error: "), "\(path): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(path): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: "/dev/null-journal"))
        let odd = directory.path("new\nline.sqlite")
        let result = try ArticlesBinary.run(["stats", "--db", odd])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("\\n"), "\(result.stderr)")
    }

    @Test("a run with failed inputs exits 2 with the failures said once, and no empty error line")
    func exitTwo() throws {
        let bad = directory.path("bad.json")
        try "{ not json".write(toFile: bad, atomically: true, encoding: .utf8)
        let result = try ArticlesBinary.run(["ingest", "--db", db, bad])
        #expect(result.status == 2)
        #expect(!result.stderr.contains("error:  "), "\(result.stderr)")
        #expect(!result.stderr.contains("see `articles help`"), "\(result.stderr)")
    }

    @Test("a store in a directory the user cannot write is still read (immutable open)")
    func readOnlyDirectory() throws {
        let root = directory.path("readonly")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let copy = root + "/store.sqlite"
        let checkpoint = try ArticlesBinary.run(["optimize", "--db", db, "--quiet"])
        #expect(checkpoint.status == 0, "\(checkpoint.stderr)")
        try FileManager.default.copyItem(atPath: db, toPath: copy)
        #expect(chmod(copy, 0o444) == 0 && chmod(root, 0o555) == 0)
        defer { chmod(root, 0o755) }
        // As root every directory is writable: run as nobody when we are root.
        let asNobody = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
        for command in [["search", "--format", "json", "التعاون"], ["list", "--format", "json"], ["stats", "--format", "json"]] {
            let arguments = [command[0], "--db", copy] + command.dropFirst()
            let result = asNobody
                ? try ArticlesBinary.run(["--reuid=65534", "--regid=65534", "--clear-groups", ArticlesBinary.url.path] + arguments,
                                         executable: "/usr/bin/setpriv")
                : try ArticlesBinary.run(arguments)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(!result.stdout.isEmpty, "\(command)")
        }
        #expect(!FileManager.default.fileExists(atPath: copy + "-shm"))
    }

    @Test("a UNIQUE index another tool added to articles blocks writes with the SQL to drop it; reads work")
    func foreignUniqueIndex() throws {
        let python = "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('CREATE UNIQUE INDEX one_title ON articles(title)'); c.commit()"
        let added = try ArticlesBinary.run([ "-c", python, db], executable: "/usr/bin/python3")
        guard added.status == 0 else {
            Issue.record("python3 could not add the index: \(added.stderr)")
            return
        }
        let input = directory.path("more.jsonl")
        try #"{"title": "خبر ثان عن التعاون", "maintext": "نص آخر تماما"}"#.write(toFile: input, atomically: true, encoding: .utf8)
        let ingest = try ArticlesBinary.run(["ingest", "--db", db, input])
        #expect(ingest.status == 1)
        #expect(ingest.stderr.contains("unique index one_title on articles") && ingest.stderr.contains("DROP INDEX \"one_title\";"), "\(ingest.stderr)")
        let search = try ArticlesBinary.run(["search", "--db", db, "--format", "json", "التعاون"])
        #expect(search.status == 0, "\(search.stderr)")
    }

    @Test("an unreadable directory in a walk is a failure (exit 2), tested as nobody",
          .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root to switch to nobody"))
    func unreadableDirectoryAsNobody() throws {
        let root = directory.path("shared-inputs")
        try FileManager.default.createDirectory(atPath: root + "/closed", withIntermediateDirectories: true)
        try #"{"title": "خبر", "maintext": "نص عن الطقس"}"#.write(toFile: root + "/open.jsonl", atomically: true, encoding: .utf8)
        try #"{"title": "سر", "maintext": "نص مخفي"}"#.write(toFile: root + "/closed/secret.jsonl", atomically: true, encoding: .utf8)
        #expect(chmod(root, 0o777) == 0 && chmod(root + "/closed", 0o700) == 0)
        let result = try ArticlesBinary.run(["--reuid=65534", "--regid=65534", "--clear-groups", ArticlesBinary.url.path,
                                             "ingest", "--db", root + "/store.sqlite", root], executable: "/usr/bin/setpriv")
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("closed: directory cannot be read"), "\(result.stderr)")
        #expect(result.stderr.contains("1 added"), "\(result.stderr)")
    }
}
