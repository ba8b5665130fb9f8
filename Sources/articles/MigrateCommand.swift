import ArgumentParser
import ArticleStore

/// `articles migrate`: apply pending schema migrations, or show their state.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending schema migrations; --status lists every migration and its state."
    )

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "List migrations (version, name, state, applied time) without changing anything.")
    var status = false

    func run() throws {
        if status {
            let store = try options.openStore(.readOnly, migrations: .inspect)
            var table = OutputTable(columns: ["version", "name", "state", "applied_at", "checksum"])
            for migration in try store.migrationStatus() {
                table.rows.append([.int(Int64(migration.version)), .string(migration.name), .string(migration.state.rawValue),
                                   JSONValue(migration.appliedAt), .string(migration.checksum)])
            }
            table.print(options.outputFormat, bom: options.bom)
            return
        }
        let store = try options.openStore(.readWrite, migrations: .inspect)
        let pending = try store.migrationStatus().filter { $0.state == .pending }
        if let last = pending.last, let articles = try? store.statistics().articles, articles > 0 {
            // Some migrations index the stored text again (14: the word forms): say so first.
            options.note("applying \(pending.count) migration\(pending.count == 1 ? "" : "s") up to version \(last.version) to \(articles) articles;"
                         + " those that index the stored text again take about a minute per 150,000 articles")
        }
        let applied = try store.migrate()
        if applied.isEmpty {
            options.note("\(store.path) is up to date at schema version \(try store.schemaVersion())")
        } else {
            for migration in applied { options.note("applied \(migration.version) \(migration.name)") }
        }
    }
}
