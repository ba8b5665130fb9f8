import ArgumentParser
import ArticleStore
import Foundation

/// `articles ingest`: read pages and scraper JSON into the store.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest aggregator pages and scraper JSON / JSON Lines from files, directories or stdin (-).",
        discussion: """
            Formats are detected from the extension (.txt page, .json, .jsonl/.ndjson) and the content.
            Re-ingesting adds nothing: articles are identified by a hash of their normalized text and URL.
            Exit status: 0 when every input was ingested, 2 when some inputs failed (the rest was
            ingested; each failure is printed), 1 on an error that stopped the run.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .customLong("input-format"), help: "Force the input format: page, json or jsonl.")
    var inputFormat: InputFormat?

    @Flag(name: .long, help: "Update articles that are already stored instead of skipping them.")
    var replace = false

    @Flag(name: .customLong("no-entities"), help: "Skip entity extraction (faster bulk loads; run `articles entities rebuild` later).")
    var noEntities = false

    @Flag(name: .customLong("no-keywords"), help: "Skip keyword tags (faster bulk loads; `articles check --repair` computes them later).")
    var noKeywords = false

    @Option(name: .customLong("skip-near-duplicates"), help: "Skip articles at least this similar (0...1, e.g. 0.9) to a stored one.")
    var skipNearDuplicates: Double?

    @Option(name: .long, help: "Articles per transaction.")
    var batchSize = 10_000

    @Option(name: .long, help: "Largest JSON record (one JSON Lines line) accepted, in bytes.")
    var maxRecordBytes = 2 << 20

    @Flag(name: .long, help: "List every path left out (hidden files, SQLite files, FIFOs and devices in a directory walk).")
    var verbose = false

    @Argument(help: "Files, directories and '-' for stdin.")
    var paths: [String]

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
        if let skipNearDuplicates, !(0...1).contains(skipNearDuplicates) { throw ValidationError("--skip-near-duplicates takes a similarity between 0 and 1") }
        guard maxRecordBytes > 0 else { throw ValidationError("--max-record-bytes must be positive") }
    }

    func run() throws {
        let store = try options.openStore(.readWriteCreate)
        let onTerminal = !options.quiet && StandardError.isTerminal
        let ingestOptions = IngestOptions(format: inputFormat, replace: replace, batchSize: batchSize,
                                          maximumRecordBytes: maxRecordBytes, extractEntities: !noEntities,
                                          skipNearDuplicates: skipNearDuplicates, computeKeywords: !noKeywords)
        let display = ProgressDisplay(mode: options.quiet ? .silent : onTerminal ? .inPlace : .lines)
        // Ctrl-C: say what is stored and that running the same command again continues.
        let interrupt = InterruptNotice { display.interruptMessage() }
        defer { interrupt.cancel() }
        let summary = try store.ingest(paths, options: ingestOptions) { display.update($0) }
        display.finish()
        if options.format == .json {
            // The summary as JSON on stdout (the library's encoding of IngestSummary).
            StandardOutput.write(try JSONValueEncoder().string(summary) + "\n")
        }
        for failure in summary.failures {
            StandardError.write("error: \(TerminalText.visible(failure.message).replacingOccurrences(of: "\n", with: "\\n"))\n")
        }
        if summary.unreadableDates > 0 && !options.quiet {
            StandardError.write("warning: \(summary.unreadableDates) date\(summary.unreadableDates == 1 ? "" : "s") could not be read; stored as given in published_raw/modified_raw, with no normalized date\n")
        }
        if summary.failureCount > summary.failures.count {
            StandardError.write("error: \(summary.failureCount - summary.failures.count) more failures not listed\n")
        }
        if verbose {
            for skip in summary.skipped {
                StandardError.write("skipped: \(TerminalText.visible(skip.path).replacingOccurrences(of: "\n", with: "\\n")): \(skip.message)\n")
            }
            if summary.skippedCount > summary.skipped.count {
                StandardError.write("skipped: \(summary.skippedCount - summary.skipped.count) more not listed\n")
            }
        }
        if !options.quiet {
            var line = "ingested \(summary.files) input\(summary.files == 1 ? "" : "s"): \(summary.added) added, "
            line += "\(summary.duplicates) duplicate\(summary.duplicates == 1 ? "" : "s"), "
            if skipNearDuplicates != nil { line += "\(summary.nearDuplicates) near-duplicates skipped, " }
            if replace { line += "\(summary.replaced) replaced, " }
            line += "\(summary.failureCount) failed"
            if summary.skippedCount > 0 { line += ", \(summary.skippedCount) path\(summary.skippedCount == 1 ? "" : "s") skipped" + (verbose ? "" : " (--verbose lists them)") }
            line += " in " + String(format: "%.2f", summary.seconds) + " s"
            StandardError.write(line + "\n")
        }
        if !summary.succeeded { throw ExitCode(2) }
    }
}

extension InputFormat: ExpressibleByArgument {}
