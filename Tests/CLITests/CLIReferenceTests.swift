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

    /// The subcommands a help text lists (lines indented by exactly two spaces in its SUBCOMMANDS
    /// section; wrapped abstracts are indented further), and theirs, depth first.
    static func subcommands(in text: String, prefix: [String] = [], help: ([String]) throws -> String) throws -> [[String]] {
        guard text.contains("SUBCOMMANDS:"), let section = text.components(separatedBy: "SUBCOMMANDS:").last else { return [] }
        var result: [[String]] = []
        for line in section.split(separator: "\n") {
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let first = line.split(separator: " ").first,
                  first.first?.isLetter == true, first != "See" else { continue }
            // "check, reindex": a command and its aliases.
            let name = first.hasSuffix(",") ? String(first.dropLast()) : String(first)
            let command = prefix + [name]
            result.append(command)
            let text = try help(command)
            // Descend only into a real command's own help (an unknown one prints the top level).
            if prefix.count < 2, text.contains("USAGE: articles " + command.joined(separator: " ")) {
                result += try subcommands(in: text, prefix: command, help: help)
            }
        }
        return result
    }

    @Test("the README's CLI reference matches every subcommand's --help")
    func reference() throws {
        let root = try help([])
        let commands = try Self.subcommands(in: root, help: help).filter { $0 != ["help"] }
        #expect(commands.count >= 15)
        var generated = Self.begin + "\n\n```text\n$ articles --help\n" + root + "\n```\n"
        for command in commands {
            let text = try help(command)
            // Every section is a real command's help, not the top-level help repeated.
            #expect(text.contains("USAGE: articles " + command.joined(separator: " ")), "\(command)")
            generated += "\n```text\n$ articles \(command.joined(separator: " ")) --help\n" + text + "\n```\n"
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
