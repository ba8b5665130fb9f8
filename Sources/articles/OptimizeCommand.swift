import ArgumentParser
import ArticleStore

/// `articles optimize`: merge the full-text index, refresh statistics, optionally VACUUM.
struct OptimizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Merge the full-text index into one segment, refresh query statistics; --vacuum also rebuilds the file to its smallest size."
    )

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Rebuild the file without free pages (needs free space about the file's size; locks the store meanwhile).")
    var vacuum = false

    func run() throws {
        let store = try options.openStore(.readWrite)
        let report = try store.optimize(vacuum: vacuum)
        if !options.quiet {
            StandardError.write("optimized: \(report.bytesBefore / 1024) KB → \(report.bytesAfter / 1024) KB\n")
        }
    }
}
