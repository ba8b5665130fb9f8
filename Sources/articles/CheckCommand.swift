import ArgumentParser
import ArticleStore

/// `articles check`: what is wrong with the store, and `--repair` to fix what is derived.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the store (integrity, full-text index against rows, stale or missing derived data, orphans, tag counts, dates) and list what other tools added; --repair recomputes what is wrong.",
        discussion: """
            Exit status: 0 when all is well (or was repaired), 1 when something is wrong. Run --repair after
            changing rows with other tools (sqlite3, sqlite-utils, Datasette): it recomputes analyzed terms, index
            rows, signatures and mentions of changed rows and rebuilds the full-text index, like
            `sqlite-utils rebuild-fts` does for its own tables.
            """,
        aliases: ["reindex"]
    )

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Repair what is wrong (opens the store for writing).")
    var repair = false

    func run() throws {
        let store = try options.openStore(repair ? .readWrite : .readOnly)
        let report = try store.check(repair: repair)
        var table = OutputTable(columns: ["problem", "count", "repaired", "detail"])
        for finding in report.findings {
            table.rows.append([.string(finding.kind), .int(Int64(finding.count)), .bool(finding.repaired), .string(finding.detail)])
        }
        table.print(options.outputFormat, bom: options.bom)
        if !options.quiet {
            for addition in report.userAdditions { StandardError.write("note: added by another tool (tolerated): \(addition)\n") }
            StandardError.write("checked \(report.articles) articles: " + (report.findings.isEmpty ? "no problems" :
                report.isHealthy ? "\(report.findings.count) problems repaired" : "\(report.findings.count) problems (run with --repair)") + "\n")
        }
        if !report.isHealthy { throw ExitCode(1) }
    }
}
