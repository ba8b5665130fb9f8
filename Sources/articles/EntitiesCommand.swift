import ArgumentParser
import ArticleStore

/// `articles entities`: list entities; rebuild extraction; import a gazetteer; merge two entities.
struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "List people, places and organizations with mention and article counts; or --rebuild, --import FILE, --merge ID --into ID.",
        discussion: """
            --import reads TSV (name<TAB>type<TAB>alias|alias...) or a JSON array of {"name", "type", "aliases"};
            types are PERSON, LOCATION, ORGANIZATION. Imported names are found by later extractions: run
            --rebuild to apply them to stored articles. --merge moves one entity's mentions and names to another.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "Only this type: PERSON, LOCATION or ORGANIZATION.")
    var type: EntityType?

    @Option(name: .long, help: "Only entities mentioned in this article.")
    var article: Int64?

    @Option(name: .long, help: "How many to list.")
    var limit = 100

    @Flag(name: .long, help: "Extract entities again from every stored article.")
    var rebuild = false

    @Option(name: .customLong("import"), help: "Add the entities of a gazetteer file (TSV or JSON).")
    var importPath: String?

    @Option(name: .long, help: "Merge this entity (id) ...")
    var merge: Int64?

    @Option(name: .long, help: "... into this one (id).")
    var into: Int64?

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must not be negative") }
        guard (merge == nil) == (into == nil) else { throw ValidationError("--merge and --into go together") }
    }

    func run() throws {
        let writes = rebuild || importPath != nil || merge != nil
        let store = try options.openStore(writes ? .readWrite : .readOnly)
        if let importPath {
            let count = try store.importGazetteer(at: importPath)
            if !options.quiet { StandardError.write("imported \(count) entities from \(importPath)\n") }
        }
        if let merge, let into {
            try store.mergeEntities(merge, into: into)
            if !options.quiet { StandardError.write("merged entity \(merge) into \(into)\n") }
        }
        if rebuild {
            let mentions = try store.rebuildEntities { done, total in
                if !options.quiet && StandardError.isTerminal { StandardError.write("\r\(done)/\(total) articles") }
            }
            if !options.quiet { StandardError.write("\(StandardError.isTerminal ? "\n" : "")extracted \(mentions) mentions\n") }
        }
        if writes && type == nil && article == nil { return }
        var table = OutputTable(columns: ["id", "name", "type", "mentions", "articles", "origin"])
        for entity in try store.entities(type: type, article: article, limit: limit) {
            table.rows.append([.int(entity.id), .string(entity.name), .string(entity.type.rawValue), .int(Int64(entity.mentions)),
                               .int(Int64(entity.articles)), .string(entity.origin)])
        }
        table.print(options.outputFormat)
    }
}

extension EntityType: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.uppercased() {
        case "PERSON", "PER": self = .person
        case "LOCATION", "LOC": self = .location
        case "ORGANIZATION", "ORG": self = .organization
        default: return nil
        }
    }
}
