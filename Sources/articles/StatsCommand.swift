import ArgumentParser
import ArticleStore
import Foundation

/// `articles stats`: counts and sizes.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show counts of articles, sources, tags, entities and mentions, the schema version and the file size."
    )

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let store = try options.openStore(.readOnly)
        let stats = try store.statistics()
        let pairs: [(String, JSONValue)] = [
            ("articles", .int(Int64(stats.articles))),
            ("sources", .int(Int64(stats.sources))),
            ("tags", .int(Int64(stats.tags))),
            ("entities", .int(Int64(stats.entities))),
            ("mentions", .int(Int64(stats.mentions))),
            ("schema_version", .int(Int64(stats.schemaVersion))),
            ("database_bytes", .int(stats.databaseBytes)),
            ("file_bytes", .int(stats.fileBytes)),
            ("sqlite_version", .string(stats.sqliteVersion)),
            ("warnings", .array(stats.warnings.map(JSONValue.string))),
        ]
        if !options.quiet { for warning in stats.warnings { StandardError.write("warning: \(warning)\n") } }
        switch options.outputFormat {
        case .json:
            StandardOutput.write(JSONValue.object(pairs).serialized() + "\n")
        case .ndjson:
            StandardOutput.write(JSONValue.object(pairs).serialized() + "\n")
        case .csv:
            OutputTable(columns: pairs.map(\.0), rows: [pairs.map(\.1)]).print(.csv)
        case .table:
            // Sizes for people on a terminal; JSON and CSV keep exact byte counts.
            OutputTable(columns: ["statistic", "value"], rows: pairs.map { name, value in
                if name.hasSuffix("_bytes"), case let .int(bytes) = value { return [.string(name), .string(Self.humanSize(bytes))] }
                return [.string(name), value]
            }).print(.table)
        }
    }

    /// `1.2 MB`-style sizes (powers of 1024, one decimal below 10).
    static func humanSize(_ bytes: Int64) -> String {
        let units = ["bytes", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) bytes" }
        return (value < 10 ? String(format: "%.1f", value) : String(format: "%.0f", value)) + " " + units[unit]
    }
}
