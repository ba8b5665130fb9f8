import Foundation
import Testing

/// The command line in a terminal: the progress bar (under a pseudo-terminal, through
/// `script`), the interrupt message, and tables whose columns line up with harakat, wide
/// characters and emoji in them.
@Suite("terminal output (built binary)")
struct TerminalTests {
    let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory() }

    private func feed(_ count: Int) throws -> String {
        let lines = (0..<count).map {
            #"{"title": "تقرير الطقس رقم \#($0)", "maintext": "نص تقرير الطقس رقم \#($0) عن الأمطار والرياح في المنطقة الشرقية", "url": "https://example.org/\#($0)", "date_publish": "2024-09-0\#(1 + $0 % 9)"}"#
        }
        let path = directory.path("feed-\(count).jsonl")
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("on a terminal, ingest draws a bar with percentage, rate and ETA in place",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1)"))
    func progressBar() throws {
        let input = try feed(3000)
        let log = directory.path("typescript")
        let command = "\(ArticlesBinary.url.path) ingest --db \(directory.path("p.sqlite")) --no-entities --batch-size 500 \(input)"
        let result = try ArticlesBinary.run(["-qfec", command, log], executable: "/usr/bin/script")
        #expect(result.status == 0, "\(result.stderr)")
        let screen = try String(contentsOfFile: log, encoding: .utf8)
        #expect(screen.contains("\r\u{1B}[K["), "\(screen.suffix(400))")
        #expect(screen.contains("%") && screen.contains("articles/s") && screen.contains(" MB"), "\(screen.suffix(400))")
        #expect(screen.contains("ingested 1 input: 3000 added"))
    }

    @Test("Ctrl-C says what is stored and that running again continues; the store holds exactly that")
    func interrupt() throws {
        let input = try feed(20_000)
        let db = directory.path("i.sqlite")
        let process = Process()
        process.executableURL = ArticlesBinary.url
        process.arguments = ["ingest", "--db", db, "--batch-size", "1000", input]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 2.5)
        kill(process.processIdentifier, SIGINT)
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 130 else {
            // Finished before the signal (a fast machine): nothing to check.
            #expect(process.terminationStatus == 0, "\(text)")
            return
        }
        let said = try #require(text.split(separator: "\n").first { $0.contains("interrupted:") }, "\(text)")
        #expect(said.contains("run the same command again to continue"))
        let number = Int(said.split(separator: " ").first { Int($0) != nil } ?? "") ?? -1
        let stats = try ArticlesBinary.run(["stats", "--db", db, "--format", "json"])
        let stored = (try parseJSON(stats.stdout) as? [String: Any])?["articles"] as? Int
        #expect(stored == number, "\(said) vs \(String(describing: stored))")
        let again = try ArticlesBinary.run(["ingest", "--db", db, "--quiet", input])
        #expect(again.status == 0)
        #expect(((try parseJSON(try ArticlesBinary.run(["stats", "--db", db, "--format", "json"]).stdout) as? [String: Any])?["articles"] as? Int) == 20_000)
    }

    @Test("table columns line up with harakat, tanween, wide characters and emoji in the cells")
    func alignment() throws {
        let db = directory.path("a.sqlite")
        let titles = ["العَرَبِيَّةُ لُغَةٌ جَمِيلَةٌ", "خبر بلا تشكيل", "中文新闻标题 عن الصين", "خبر مع رمز 🙂 تعبيري"]
        let lines = titles.enumerated().map { #"{"title": "\#($1)", "maintext": "نص رقم \#($0) عن الموضوع", "sitename": "مصدر", "date_publish": "2024-09-0\#($0 + 1)"}"# }
        let input = directory.path("titles.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        #expect(try ArticlesBinary.run(["ingest", "--db", db, "--quiet", input]).status == 0)
        let table = try ArticlesBinary.run(["list", "--db", db, "--format", "table"])
        let rows = table.stdout.split(separator: "\n").map(String.init)
        #expect(rows.count == 6)
        // The published column starts at the same display column on every line.
        let starts = rows.compactMap { row -> Int? in
            guard let range = row.range(of: "2024-09-0") ?? row.range(of: "published") ?? row.range(of: "----------", options: .backwards) else { return nil }
            return Self.displayWidth(String(row[..<range.lowerBound]))
        }
        #expect(Set(starts.dropFirst(2)).count == 1, "\(starts)\n\(table.stdout)")
        #expect(starts.first == starts.last, "\(starts)")
    }

    /// Display columns, as a terminal counts them.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format, .control: return width
            default:
                let wide = scalar.properties.isEmojiPresentation || (0x4E00...0x9FFF).contains(scalar.value)
                return width + (wide ? 2 : 1)
            }
        }
    }

    @Test("ingest --format json prints the summary as JSON on stdout; exports carry extra as a JSON object")
    func jsonSummary() throws {
        let db = directory.path("j.sqlite")
        let input = directory.path("extra.jsonl")
        try #"{"title": "خبر", "maintext": "نص عن الطقس", "score": 7, "section": {"name": "محليات"}}"#.write(toFile: input, atomically: true, encoding: .utf8)
        let result = try ArticlesBinary.run(["ingest", "--db", db, "--format", "json", input])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try parseJSON(result.stdout) as? [String: Any])
        #expect(summary["added"] as? Int == 1 && summary["failureCount"] as? Int == 0 && summary["seconds"] != nil, "\(summary)")
        let export = try ArticlesBinary.run(["export", "--db", db, "--quiet"])
        let record = try #require(try parseJSON(export.stdout) as? [String: Any])
        let extra = try #require(record["extra"] as? [String: Any], "\(record["extra"] ?? "nil")")
        #expect(extra["score"] as? Int == 7)
        #expect((extra["section"] as? [String: Any])?["name"] as? String == "محليات")
        // And it ingests back.
        let copy = directory.path("copy.sqlite")
        #expect(try ArticlesBinary.run(["ingest", "--db", copy, "--quiet", "--input-format", "jsonl", "-"], stdin: Data(export.stdout.utf8)).status == 0)
    }

    @Test("a list wider than the terminal is cut to fit, the widest column ending in an ellipsis",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1)"))
    func fitsTheTerminal() throws {
        let db = try ArticlesBinary.seededDatabase(in: directory)
        let command = "stty cols 60; \(ArticlesBinary.url.path) list --db \(db) --format table"
        let result = try ArticlesBinary.run(["-qec", command, "/dev/null"], executable: "/usr/bin/script")
        #expect(result.status == 0, "\(result.stdout)")
        let lines = result.stdout.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        #expect(lines.count >= 3)
        #expect(lines.allSatisfy { Self.displayWidth($0) <= 60 }, "\(lines.map { Self.displayWidth($0) })")
        #expect(result.stdout.contains("…"))
    }
}
