import ArgumentParser
import ArticleStore

/// `articles entities`: list entities (the default), import a gazetteer, merge two entities,
/// rebuild extraction: one verb per subcommand, as swift-argument-parser's examples nest them.
struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "People, places and organizations: list (the default), import a gazetteer, merge two, rebuild extraction.",
        subcommands: [List.self, Import.self, Merge.self, Rebuild.self],
        defaultSubcommand: List.self
    )

    /// `articles entities list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List entities with mention and article counts, most mentioned first."
        )

        @OptionGroup var options: GlobalOptions

        @Option(name: .long, help: "Only this type: PERSON, LOCATION or ORGANIZATION.")
        var type: EntityType?

        @Option(name: .long, help: "Only entities mentioned in this article.")
        var article: Int64?

        @Option(name: .long, help: "How many to list.")
        var limit = 100

        func validate() throws {
            guard limit >= 0 else { throw ValidationError("--limit must not be negative") }
        }

        func run() throws {
            let store = try options.openStore(.readOnly)
            var table = OutputTable(columns: ["id", "name", "type", "mentions", "articles", "origin"])
            for entity in try store.entities(type: type, article: article, limit: limit) {
                table.rows.append([.int(entity.id), .string(entity.name), .string(entity.type.rawValue), .int(Int64(entity.mentions)),
                                   .int(Int64(entity.articles)), .string(entity.origin)])
            }
            table.print(options.outputFormat, bom: options.bom)
        }
    }

    /// `articles entities import FILE`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add the entities of a gazetteer file; later extractions find them (run `entities rebuild` for stored articles).",
            discussion: """
                The file is TSV (name<TAB>type<TAB>alias|alias...) or a JSON array of {"name", "type", "aliases"};
                types are PERSON, LOCATION and ORGANIZATION.
                """
        )

        @OptionGroup var options: GlobalOptions

        @Flag(name: .long, help: "Also extract entities again from every stored article.")
        var rebuild = false

        @Argument(help: "The gazetteer file.")
        var file: String

        func run() throws {
            let store = try options.openStore(.readWrite)
            let count = try store.importGazetteer(at: file)
            options.note("imported \(count) entit\(count == 1 ? "y" : "ies") from \(file)")
            if rebuild { try Rebuild.rebuild(store, options) }
        }
    }

    /// `articles entities merge ID --into ID`.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move one entity's mentions and names to another, which later extractions then use."
        )

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The entity to merge away (id).")
        var entity: Int64

        @Option(name: .long, help: "The entity to keep (id).")
        var into: Int64

        func run() throws {
            let store = try options.openStore(.readWrite)
            try store.mergeEntities(entity, into: into)
            options.note("merged entity \(entity) into \(into)")
        }
    }

    /// `articles entities rebuild`.
    struct Rebuild: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract entities again from every stored article, in one transaction."
        )

        @OptionGroup var options: GlobalOptions

        func run() throws {
            try Self.rebuild(try options.openStore(.readWrite), options)
        }

        static func rebuild(_ store: ArticleStore, _ options: GlobalOptions) throws {
            let mentions = try store.rebuildEntities { done, total in
                if !options.quiet && StandardError.isTerminal { StandardError.write("\r\(done)/\(total) articles") }
            }
            options.note("\(StandardError.isTerminal && !options.quiet ? "\n" : "")extracted \(mentions) mentions")
        }
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
