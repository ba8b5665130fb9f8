import ArabicText
import ArgumentParser
import ArticleStore
import Foundation

/// `articles analyze`: show how the analyzer sees text, one row per token.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Print each token of TEXT (or stdin): original, offsets, normalized form, stem, stopword flag.",
        discussion: "Offsets are UTF-8 bytes, UTF-16 units and code points into the original text. Needs no database."
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "Analyzer profile: default, lucene or lucene-persian.")
    var profile: AnalyzerProfile = .default

    @Argument(help: "Text to analyze; reads stdin when omitted or '-'.")
    var text: [String] = []

    func run() throws {
        let input: String
        if text.isEmpty || text == ["-"] {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard let decoded = String(validatingUTF8Bytes: data) else {
                throw ArticleStoreError.invalidInput("stdin is not valid UTF-8")
            }
            input = decoded
        } else {
            input = text.joined(separator: " ")
        }
        var table = OutputTable(columns: ["position", "original", "utf8_start", "utf8_end", "utf16_start", "utf16_end",
                                          "start", "end", "normalized", "stem", "stopword"])
        for token in Analyzer(profile: profile).tokens(input) {
            table.rows.append([
                .int(Int64(token.position)), .string(String(token.original)),
                .int(Int64(token.utf8Range.lowerBound)), .int(Int64(token.utf8Range.upperBound)),
                .int(Int64(token.utf16Range.lowerBound)), .int(Int64(token.utf16Range.upperBound)),
                .int(Int64(token.scalarRange.lowerBound)), .int(Int64(token.scalarRange.upperBound)),
                .string(token.normalized), .string(token.stem), .bool(token.isStopword),
            ])
        }
        table.print(options.outputFormat, bom: options.bom)
    }
}

extension AnalyzerProfile: ExpressibleByArgument {}

extension String {
    /// Decodes UTF-8, or nil when the bytes are not valid UTF-8 (instead of repairing them).
    init?(validatingUTF8Bytes data: Data) {
        guard let text = String(validating: data, as: UTF8.self) else { return nil }
        self = text
    }
}
