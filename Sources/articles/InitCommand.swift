import ArgumentParser
import ArticleStore

/// `articles init`: create a new store (or bring an existing one up to date), and choose
/// whether it keeps the word index other tools search.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a database (applies every schema migration).",
        discussion: """
        --word-index off drops articles_words, the index of words as written that Datasette's \
        search box and sqlite-utils search use: ingest gets about a fifth faster and the file a \
        few percent smaller, and `articles search` works as before. --word-index on builds it \
        again from the stored articles.
        """
    )

    enum Switch: String, ExpressibleByArgument, CaseIterable {
        case on, off
    }

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "Keep the index of words as written for other tools (on: the default for new stores) or drop it (off).")
    var wordIndex: Switch?

    func run() throws {
        let store = try options.openStore(.readWriteCreate)
        if let wordIndex { try store.setWordIndex(wordIndex == .on) }
        let words = try store.hasWordIndex ? "with" : "without"
        options.note("initialized \(store.path) at schema version \(try store.schemaVersion()), \(words) the word index for other tools")
    }
}
