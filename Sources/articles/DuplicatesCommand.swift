import ArgumentParser
import ArticleStore

/// `articles duplicates`: clusters of near-duplicate articles.
struct DuplicatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duplicates",
        abstract: "List clusters of near-duplicate articles (the same story from several sources with small edits), with their similarity."
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "Estimated similarity (0...1) from which two articles are near-duplicates.")
    var threshold = 0.8

    @Option(name: .long, help: "Only near-duplicates of this article.")
    var article: Int64?

    @OptionGroup(title: "Selection") var selection: SelectionOptions

    @Option(name: .long, help: "Only articles matching this search query take part.")
    var query: String?

    @Option(name: .long, help: "How many clusters to list.")
    var limit = 50

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1") }
    }

    func run() throws {
        let store = try options.openStore(.readOnly)
        var table = OutputTable(columns: ["cluster", "id", "similarity", "source", "published", "title"])
        func add(_ cluster: Int, _ id: Int64, _ similarity: Double) throws {
            let article = try store.article(id: id)
            table.rows.append([.int(Int64(cluster)), .int(id), .double((similarity * 1000).rounded() / 1000), JSONValue(article?.source),
                               JSONValue(article?.published),
                               .string(article.map { $0.title ?? ArticleListing.openingWords($0.body) } ?? "")])
        }
        if let article {
            try add(1, article, 1)
            for (id, similarity) in try store.nearDuplicates(of: article, threshold: threshold) { try add(1, id, similarity) }
        } else {
            for (number, cluster) in try store.nearDuplicateClusters(threshold: threshold, in: selection.selection(query: query)).prefix(limit).enumerated() {
                for member in cluster.members { try add(number + 1, member.id, member.similarity) }
            }
        }
        table.print(options.outputFormat, bom: options.bom)
    }
}
