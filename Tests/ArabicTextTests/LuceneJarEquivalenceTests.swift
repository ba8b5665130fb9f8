import Foundation
import Testing
import ArabicText

/// Runs real Lucene (Debian liblucene8-java) over the seed pages, with its ArabicAnalyzer and
/// with the chain `articles export --es-index-settings` configures, and compares every token to
/// ours (`lucene` and `lucene-persian` profiles). Skipped when Java or the jars are missing
/// (`bash Benchmarks/setup-lucene.sh` installs them).
@Suite("Lucene jars: token equivalence on the seeds")
struct LuceneJarEquivalenceTests {
    static let jars: [String]? = {
        let directory = "/usr/share/java"
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/javac"),
              let files = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        let core = files.filter { $0.hasPrefix("lucene-core") && $0.hasSuffix(".jar") }.sorted().first
        let common = files.filter { $0.hasPrefix("lucene-analyzers-common") && $0.hasSuffix(".jar") }.sorted().first
        guard let core, let common else { return nil }
        return ["\(directory)/\(core)", "\(directory)/\(common)"]
    }()

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(executable) \(arguments)")
        return String(decoding: data, as: UTF8.self)
    }

    @Test("ArabicAnalyzer and the exported chain produce exactly our lucene and lucene-persian tokens",
          .enabled(if: jars != nil, "Java or liblucene8-java missing: run Benchmarks/setup-lucene.sh"))
    func seeds() throws {
        let jars = try #require(Self.jars)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("lucene-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let classpath = jars.joined(separator: ":")
        _ = try run("/usr/bin/javac", ["-nowarn", "-d", work.path, "-cp", classpath,
                                       Self.packageRoot.appendingPathComponent("Benchmarks/Lucene/TokenDump.java").path])
        var lines: [String] = []
        let seeds = Self.packageRoot.appendingPathComponent("seeds")
        for file in try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted() {
            let text = try String(contentsOf: seeds.appendingPathComponent(file), encoding: .utf8)
            lines += text.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        let input = work.appendingPathComponent("seeds.txt")
        try lines.joined(separator: "\n").write(to: input, atomically: false, encoding: .utf8)
        for (chain, profile) in [("arabic", AnalyzerProfile.lucene), ("es", .lucenePersian)] {
            let lucene = try run("/usr/bin/java", ["-cp", classpath + ":" + work.path, "TokenDump", chain, input.path])
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let analyzer = Analyzer(profile: profile)
            var same = 0, tokens = 0
            for (index, line) in lines.enumerated() {
                let ours = analyzer.terms(line)
                let theirs = index < lucene.count ? lucene[index].split(separator: " ").map(String.init) : []
                tokens += theirs.count
                if ours == theirs { same += 1 } else { Issue.record("\(chain) line \(index + 1): ours \(ours) vs Lucene \(theirs)") }
            }
            print("Lucene \(chain) chain vs \(profile.rawValue): \(same)/\(lines.count) lines, \(tokens) tokens identical")
            #expect(same == lines.count)
        }
    }
}
