import Foundation
import Testing

/// README's CLI reference is the `--help` output of every subcommand. This test fails when they
/// differ; run it with UPDATE_CLI_REFERENCE=1 to rewrite the README section.
@Suite("README CLI reference")
struct CLIReferenceTests {
    static let begin = "<!-- cli-reference:begin (generated from --help; see Tests/CLITests/CLIReferenceTests.swift) -->"
    static let end = "<!-- cli-reference:end -->"

    private func help(_ arguments: [String]) throws -> String {
        let result = try ArticlesBinary.run(arguments + ["--help"], environment: ["COLUMNS": "100"])
        #expect(result.status == 0)
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("the README's CLI reference matches every subcommand's --help")
    func reference() throws {
        let root = try help([])
        guard let section = root.components(separatedBy: "SUBCOMMANDS:").last else {
            Issue.record("no SUBCOMMANDS in --help")
            return
        }
        let commands = section.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("  "), let name = trimmed.split(separator: " ").first, !trimmed.hasPrefix("See ") else { return nil }
            return String(name)
        }
        #expect(commands.count >= 15)
        var generated = Self.begin + "\n\n```text\n$ articles --help\n" + root + "\n```\n"
        for command in commands {
            generated += "\n```text\n$ articles \(command) --help\n" + (try help([command])) + "\n```\n"
        }
        generated += "\n" + Self.end
        let readmeURL = packageRoot.appendingPathComponent("README.md")
        let readme = try String(contentsOf: readmeURL, encoding: .utf8)
        guard let start = readme.range(of: Self.begin), let stop = readme.range(of: Self.end) else {
            Issue.record("README.md has no CLI reference markers")
            return
        }
        let current = String(readme[start.lowerBound..<stop.upperBound])
        if ProcessInfo.processInfo.environment["UPDATE_CLI_REFERENCE"] == "1" {
            try readme.replacingCharacters(in: start.lowerBound..<stop.upperBound, with: generated)
                .write(to: readmeURL, atomically: false, encoding: .utf8)
            return
        }
        #expect(current == generated, "README CLI reference is out of date: run UPDATE_CLI_REFERENCE=1 swift test --filter CLIReference")
    }
}
