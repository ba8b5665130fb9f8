import ArgumentParser
import ArticleStore

/// The options that select articles, shared by search, list and export (and mapped onto the
/// library's one ``ArticleSelection``), so the same options select the same articles everywhere.
struct SelectionOptions: ParsableArguments {
    @Option(name: .long, help: "Only articles from this source: its name in any spelling, or its domain (repeat for any of several).")
    var source: [String] = []

    @Option(name: .long, help: "Only articles with this tag, in any spelling (repeat for any of several).")
    var tag: [String] = []

    @Flag(name: .long, help: "--tag and tag: also match the keyword tags computed from the text, not only the source's own tags.")
    var keywords = false

    @Option(name: .long, help: "Only articles that mention this entity, by name or alias (repeat for any of several).")
    var entity: [String] = []

    @Option(name: .long, help: "Only articles of this kind: article, embedded or related (repeat for several).")
    var kind: [ArticleKind] = []

    @Option(name: .customLong("lang"), help: "Only articles in this language (ar also matches ar-EG).")
    var language: [String] = []

    @Option(name: [.long, .customLong("after")], help: "Only articles published on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).")
    var since: String?

    @Option(name: [.long, .customLong("before")], help: "Only articles published before this date (YYYY-MM-DD, YYYY-MM or YYYY).")
    var until: String?

    /// The selection these options make, added to `base` (a parsed query, or everything).
    func selection(adding base: ArticleSelection = .all) -> ArticleSelection {
        var filters = ArticleSelection(sources: source, tags: tag, entities: entity, kinds: kind,
                                       languages: language.map { $0.lowercased() }, after: since, before: until)
        filters.includeKeywordTags = keywords
        return base.adding(filtersOf: filters)
    }

    /// The selection for an optional query text plus these options.
    func selection(query: String?, mode: ArticleSelection.Mode = .all) throws -> ArticleSelection {
        guard let query, !query.allSatisfy(\.isWhitespace) else { return selection() }
        return selection(adding: try ArticleSelection(parsing: query, mode: mode))
    }
}

extension ArticleKind: ExpressibleByArgument {}
