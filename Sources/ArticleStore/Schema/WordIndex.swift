/// `articles_words`: the full-text index of titles and bodies as written, which Datasette's
/// search box and `sqlite-utils search` use (see `Schema/0012_contentless_index.sql`). A store
/// may go without it (``ArticleStore/setWordIndex(_:)``): it costs about a fifth of ingest time
/// and a few percent of the file, and ArticleStore's own search does not read it.
enum WordIndex {
    static let table = "articles_words"

    /// Whether `name` is the index or one of its FTS5 shadow tables (objects a store may lack).
    static func contains(objectNamed name: String) -> Bool {
        name == table || name.hasPrefix(table + "_")
    }

    static func exists(in connection: Connection) throws -> Bool {
        try connection.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).int64 == 1
    }

    /// Creates the index exactly as the migrations do and fills it from the stored articles.
    static func create(in connection: Connection, version: Int) throws {
        guard try !exists(in: connection) else { return }
        let expected = try SchemaVerifier(migrations: Migration.all).expectedSchema(version: version)
        guard let sql = try expected.scalar("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).string else {
            throw ArticleStoreError.invalidInput("schema version \(version) has no word index; migrate the store first")
        }
        try connection.execute(sql)
        try connection.execute("INSERT INTO articles_words(articles_words) VALUES ('rebuild')")
    }

    static func drop(in connection: Connection) throws {
        try connection.execute("DROP TABLE IF EXISTS articles_words")
    }
}
