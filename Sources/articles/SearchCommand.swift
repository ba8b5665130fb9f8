import ArgumentParser
import ArticleStore
import Foundation

/// `articles search`: full-text search with highlighted snippets, filters and facets.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search articles: words (all must match), \"phrases\", OR, -word, prefix*, (groups), title: body: tags:, and filters source: tag: entity: lang: after: before:.",
        discussion: """
            Words match in any spelling: harakat, tatweel, hamza and alef forms, ى/ي, ة/ه, Persian letters,
            digits and clitic prefixes are folded the same way as at indexing.
            --format json prints a list of results (id, title, source, published, score, snippet,
            highlights as code-point ranges in the snippet); with --facets, an object with results, total
            and facets.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Any word may match (ranked); for pasted questions and sentences.")
    var any = false

    @Flag(name: .long, help: "Pass QUERY to FTS5 as an expression over analyzed terms (see `articles analyze`).")
    var raw = false

    @Option(name: .long, help: "relevance (default) or date.")
    var sort: SearchOptions.Sort = .relevance

    @Option(name: .long, help: "Results per page.")
    var limit = 10

    @Option(name: .long, help: "Results to skip.")
    var offset = 0

    @Flag(name: .long, help: "Show one article per group of near-duplicates (similarity ≥ 0.8).")
    var collapse = false

    @Flag(name: .long, help: "Also count matches by source, tag and entity.")
    var facets = false

    @Flag(name: .long, help: "Print the FTS5 expression and SQL that run (on stderr).")
    var explain = false

    @Option(name: .long, help: "Highlight markers for plain output, as OPEN,CLOSE (default [,]).")
    var marker = "[,]"

    @Option(name: .long, help: "Colour highlights: auto (on a terminal), always or never.")
    var color: ColorMode = .auto

    @OptionGroup(title: "Selection") var selection: SelectionOptions

    @Argument(help: "The query.")
    var query: [String]

    enum ColorMode: String, ExpressibleByArgument {
        case auto, always, never
    }

    func validate() throws {
        guard limit >= 0, offset >= 0 else { throw ValidationError("--limit and --offset must not be negative") }
        guard marker.split(separator: ",", omittingEmptySubsequences: false).count == 2 else {
            throw ValidationError("--marker takes OPEN,CLOSE, e.g. '<<,>>'")
        }
        guard !query.joined().trimmingCharacters(in: " \t\n").isEmpty else { throw ValidationError("the query is empty") }
    }

    func run() throws {
        let store = try options.openStore(.readOnly)
        let searchOptions = SearchOptions(limit: limit, offset: offset, sort: sort, facets: facets,
                                          collapseNearDuplicates: collapse ? 0.8 : nil)
        let text = query.joined(separator: " ")
        let results = raw
            ? try store.searchRaw(text, filters: selection.selection(), options: searchOptions)
            : try store.search(selection.selection(adding: ArticleSelection(parsing: text, mode: any ? .any : .all)), options: searchOptions)
        if explain {
            for note in results.explanation.notes { StandardError.write("read: \(note)\n") }
            StandardError.write("match: \(results.explanation.matchExpression ?? "(none: filters only)")\n")
            StandardError.write("sql: \(results.explanation.sql.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))\n")
            StandardError.write("arguments: \(try JSONValueEncoder().string(results.explanation.arguments))\n")
        }
        let format = options.outputFormat
        switch format {
        case .json:
            // With facets, the results object (total, results, facets); else the list of hits.
            let json = facets ? try JSONValueEncoder().string(results) : try JSONValueEncoder().string(results.hits)
            StandardOutput.write(json + "\n")
        case .ndjson:
            for hit in results.hits { StandardOutput.write(try JSONValueEncoder().string(hit) + "\n") }
        case .csv:
            let (open, close) = markers
            var table = OutputTable(columns: ["id", "title", "source", "published", "score", "snippet"])
            for hit in results.hits {
                table.rows.append([.int(hit.id), .string(hit.displayTitle), JSONValue(hit.source), JSONValue(hit.published),
                                   hit.score.map(JSONValue.double) ?? .null,
                                   .string(Self.mark(hit.snippet, hit.highlights, open, close))])
            }
            table.print(.csv)
        case .table:
            printTable(results)
        }
        if format != .json && !options.quiet {
            let shown = results.hits.isEmpty ? "no matches" : "\(offset + 1)–\(offset + results.hits.count) of \(results.total)"
            StandardError.write("\(shown)\n")
        }
    }

    private var markers: (String, String) {
        let parts = marker.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return (parts[0], parts[1])
    }

    private func printTable(_ results: SearchResults) {
        // https://no-color.org: a set, non-empty NO_COLOR turns automatic colour off.
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let useColor = color == .always || (color == .auto && StandardOutput.isTerminal && !noColor)
        let (open, close) = useColor ? ("\u{1B}[1;33m", "\u{1B}[0m") : markers
        var out = ""
        for hit in results.hits {
            var facts = ["#\(hit.id)"]
            if let source = hit.source { facts.append(TerminalText.visible(source)) }
            if let published = hit.published { facts.append(published) }
            if let score = hit.score { facts.append(String(format: "%.2f", score)) }
            out += facts.joined(separator: " · ") + "\n"
            out += Self.mark(hit.displayTitle, hit.titleHighlights, open, close) + "\n"
            out += "  " + Self.mark(hit.snippet, hit.highlights, open, close) + "\n\n"
        }
        if let facets = results.facets {
            for (name, values) in [("sources", facets.sources), ("tags", facets.tags), ("entities", facets.entities), ("keywords", facets.keywords)] where !values.isEmpty {
                out += "\(name): " + values.map { "\(TerminalText.visible($0.value)) (\($0.count))" }.joined(separator: ", ") + "\n"
            }
        }
        StandardOutput.write(out)
    }

    /// Wraps the code-point ranges of `text` in markers.
    static func mark(_ text: String, _ ranges: [Range<Int>], _ open: String, _ close: String) -> String {
        guard !ranges.isEmpty else { return TerminalText.visible(text) }
        var out = ""
        var starts = Set<Int>(), ends = Set<Int>()
        for range in ranges { starts.insert(range.lowerBound); ends.insert(range.upperBound) }
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if ends.contains(index) { out += close }
            if starts.contains(index) { out += open }
            TerminalText.append(scalar, to: &out.unicodeScalars)
        }
        if ends.contains(text.unicodeScalars.count) { out += close }
        return out
    }
}

extension SearchOptions.Sort: ExpressibleByArgument {}

extension String {
    fileprivate func trimmingCharacters(in characters: String) -> String {
        var text = Substring(self)
        while let first = text.first, characters.contains(first) { text = text.dropFirst() }
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
