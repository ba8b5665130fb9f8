import ArabicText
import Foundation
import Testing
@testable import ArticleStore

@Suite("Schema migrations and opening files")
struct MigrationTests {
    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    @Test("the embedded migrations are exactly the files in Schema/")
    func embeddedMatchesSchemaDirectory() throws {
        let schema = packageRoot.appendingPathComponent("Schema")
        let files = try FileManager.default.contentsOfDirectory(atPath: schema.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(files.count == Migration.all.count)
        for (file, migration) in zip(files, Migration.all) {
            #expect(file == String(format: "%04d_%@.sql", migration.version, migration.name))
            let text = try String(contentsOf: schema.appendingPathComponent(file), encoding: .utf8)
            #expect(text == migration.sql)
        }
        #expect(Migration.all.map(\.version) == Array(1...Migration.all.count))
    }

    @Test("creating applies every migration once; reopening changes nothing")
    func appliedOnce() throws {
        let path = directory.path("store.sqlite")
        let store = try ArticleStore(path: path)
        #expect(try store.schemaVersion() == Migration.currentVersion)
        let applied = try store.connection.rows("SELECT version, applied_at FROM schema_migrations")
        #expect(applied.count == Migration.all.count)
        #expect(try store.connection.scalar("PRAGMA application_id") == .integer(Migrator.applicationID))
        #expect(try store.connection.scalar("PRAGMA user_version") == .integer(Int64(Migration.currentVersion)))
        #expect(try store.connection.scalar("PRAGMA journal_mode") == .text("wal"))

        let reopened = try ArticleStore(path: path)
        #expect(try reopened.migrate().isEmpty)
        #expect(try reopened.connection.rows("SELECT version, applied_at FROM schema_migrations") == applied)
        #expect(try reopened.migrationStatus().allSatisfy { $0.state == .applied })
        #expect(reopened.warnings.isEmpty)
    }

    @Test("a version-7 store with mentions upgrades to the rowid-less mentions table, keeping every mention")
    func mentionsLayoutUpgrade() throws {
        let path = directory.path("v7.sqlite")
        do {
            let connection = try Connection(path: path, mode: .readWriteCreate)
            try Migrator(migrations: Array(Migration.all.prefix(7))).migrate(connection)
            try connection.execute("""
                INSERT INTO articles(id, body, kind, content_hash) VALUES (1, 'قال سيرجي ريابكوف في موسكو', 'article', 'h1');
                INSERT INTO entities(id, type, name, name_key) VALUES (1, 'PERSON', 'سيرجي ريابكوف', 'سيرج ريابكوف'),
                                                                (2, 'LOCATION', 'موسكو', 'موسكو');
                INSERT INTO mentions(article_id, entity_id, field, start_offset, end_offset, surface)
                    VALUES (1, 1, 'body', 4, 17, 'سيرجي ريابكوف'), (1, 2, 'body', 21, 26, 'موسكو');
                """)
        }
        let store = try ArticleStore(path: path)
        #expect(try store.schemaVersion() == Migration.currentVersion)
        let rows = try store.connection.rows("""
            SELECT article_id, field, start_offset, end_offset, type, surface, entity FROM entity_mentions ORDER BY start_offset
            """)
        #expect(rows.map { $0[5].string } == ["سيرجي ريابكوف", "موسكو"])
        #expect(rows.map { $0[6].string } == ["سيرجي ريابكوف", "موسكو"])
        #expect(try store.connection.scalar("SELECT count(*) FROM pragma_index_list('mentions') WHERE name = 'mentions_article'") == .integer(0))
        #expect(try store.connection.scalar("PRAGMA integrity_check") == .text("ok"))
        // Deleting the article still removes its mentions (the primary key serves the cascade).
        try store.connection.run("DELETE FROM articles WHERE id = 1")
        #expect(try store.connection.scalar("SELECT count(*) FROM mentions") == .integer(0))
    }

    @Test("a version-8 store keeps its band rows and starts its watermark after them")
    func bandIndexUpgrade() throws {
        let path = directory.path("v8.sqlite")
        let signature = MinHashSignature(terms: "تعاون عسكر ايران روسيا صواريخ جديد طهران")
        do {
            let connection = try Connection(path: path, mode: .readWriteCreate)
            try Migrator(migrations: Array(Migration.all.prefix(8))).migrate(connection)
            try connection.run("INSERT INTO articles(id, body, kind, content_hash) VALUES (5, 'نص', 'article', 'h5')")
            try connection.run("INSERT INTO article_signatures(article_id, minhash) VALUES (5, ?)", [DatabaseValue.blob(signature.bytes)])
            try connection.insertRows("INSERT INTO signature_bands(band_key, article_id)", columns: 2, signature.bandKeys.map { [$0, 5] })
        }
        let store = try ArticleStore(path: path)
        #expect(try store.connection.scalar("SELECT count(*) FROM signature_bands WHERE article_id = 5") == .integer(Int64(MinHashSignature.bands)))
        #expect(try SignatureBandIndex(connection: store.connection).watermark() == 5)
        #expect(try store.connection.scalar("SELECT count(*) FROM pragma_index_list('signature_bands') WHERE name = 'signature_bands_article'") == .integer(0))
        #expect(try store.connection.scalar("PRAGMA integrity_check") == .text("ok"))
    }

    @Test("a version-9 store's full-text index is rebuilt with the ascii tokenizer and still finds its articles")
    func asciiTokenizerUpgrade() throws {
        let path = directory.path("v9.sqlite")
        let analyzer = Analyzer()
        let body = "أكد وزير الخارجية أن التعاون العسكري مستمر"
        do {
            let connection = try Connection(path: path, mode: .readWriteCreate)
            try Migrator(migrations: Array(Migration.all.prefix(9))).migrate(connection)
            try connection.run("INSERT INTO articles(id, body, kind, content_hash, body_terms) VALUES (3, ?, 'article', 'h3', ?)",
                               [body, analyzer.termsText(body)])
            try connection.run("INSERT INTO articles_fts(rowid, title_terms, body_terms, tags_terms) VALUES (3, '', ?, '')",
                               [analyzer.termsText(body)])
        }
        let store = try ArticleStore(path: path)
        #expect(try store.connection.scalar("SELECT sql FROM sqlite_schema WHERE name = 'articles_fts'").string?.contains("tokenize=\"ascii\"") == true)
        #expect(try store.search("العسكري").hits.map(\.id) == [3])
        #expect(try store.search("\"التعاون العسكري\"").hits.map(\.id) == [3])
        try store.connection.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        // Migration 12: the terms live in the contentless index only, the words as written in
        // articles_words, and both indexes kept the article.
        #expect(try store.connection.scalar("SELECT count(*) FROM pragma_table_info('articles') WHERE name LIKE '%\\_terms' ESCAPE '\\'") == .integer(0))
        #expect(try store.connection.scalar("SELECT rowid FROM articles_words WHERE articles_words MATCH ?", ["التعاون"]) == .integer(3))
        try store.connection.execute("INSERT INTO articles_words(articles_words) VALUES ('integrity-check')")
        try store.deleteArticles(ids: [3])
        #expect(try store.search("العسكري").hits.isEmpty)
        try store.connection.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    }

    @Test("a version-13 store gets the forms index of every stored article, so quoted words still find them")
    func formsIndexUpgrade() throws {
        let path = directory.path("v13.sqlite")
        do {
            let store = try ArticleStore(path: path)
            try store.add(Article(title: "هجوم في الكاميرون", body: "قال ديفيد كاميرون إن الحكومة ستعرض خطة جديدة", tags: ["سياسة"]))
            try store.add(Article(title: "كاميرات المراقبة", body: "ركبت البلدية كاميرات جديدة في الشوارع"))
            // Back to version 13: no forms index.
            try store.connection.execute("""
                DROP TABLE articles_forms;
                DELETE FROM schema_migrations WHERE version = 14;
                PRAGMA user_version = 13;
                """)
        }
        let store = try ArticleStore(path: path)
        #expect(try store.schemaVersion() == Migration.currentVersion)
        #expect(try store.connection.scalar("SELECT count(*) FROM articles_forms_docsize") == .integer(2))
        #expect(try store.search("\"كاميرون\"").total == 1)
        #expect(try store.search("title:\"الكاميرون\"").total == 1)
        #expect(try store.search("tags:\"سياسة\"").total == 1)
        try store.connection.execute("INSERT INTO articles_forms(articles_forms, rank) VALUES ('integrity-check', 1)")
        #expect(try store.check().findings.isEmpty)
    }

    @Test("a database from a newer binary is refused, naming both versions, and left untouched")
    func newerSchemaRefused() throws {
        let path = directory.path("newer.sqlite")
        do {
            let store = try ArticleStore(path: path)
            try store.connection.run(
                "INSERT INTO schema_migrations(version, name, checksum, applied_at) VALUES (?, 'future', 'x', 'now')",
                [Migration.currentVersion + 5])
            try store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        let before = fileBytes(path)
        for mode in [OpenMode.readOnly, .readWrite, .readWriteCreate] {
            #expect(throws: ArticleStoreError.schemaTooNew(path: path, found: Migration.currentVersion + 5,
                                                            supported: Migration.currentVersion)) {
                _ = try ArticleStore(path: path, mode: mode)
            }
        }
        let message = ArticleStoreError.schemaTooNew(path: path, found: 6, supported: 1).description
        #expect(message.contains("6") && message.contains("(1)"))
        #expect(fileBytes(path) == before)
    }

    @Test("a file that is not SQLite is refused and left untouched")
    func notADatabase() throws {
        let path = directory.path("text.sqlite")
        let content = Data(String(repeating: "هذا ليس قاعدة بيانات\n", count: 300).utf8)
        try content.write(to: URL(fileURLWithPath: path))
        for mode in [OpenMode.readOnly, .readWrite, .readWriteCreate] {
            #expect(throws: ArticleStoreError.notADatabase(path: path)) { _ = try ArticleStore(path: path, mode: mode) }
        }
        #expect(fileBytes(path) == content)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("an SQLite file that is not ours is refused and left untouched")
    func notOurs() throws {
        let path = directory.path("other.sqlite")
        do {
            let other = try Connection(path: path, mode: .readWriteCreate)
            try other.execute("CREATE TABLE people(name TEXT); INSERT INTO people VALUES ('x')")
        }
        let before = fileBytes(path)
        #expect(throws: ArticleStoreError.self) { _ = try ArticleStore(path: path) }
        do {
            _ = try ArticleStore(path: path)
        } catch let ArticleStoreError.notAnArticleStore(errorPath, _) {
            #expect(errorPath == path)
        }
        #expect(fileBytes(path) == before)
    }

    @Test("read-only and read-write opens do not create missing files")
    func missingFile() throws {
        let path = directory.path("missing.sqlite")
        #expect(throws: ArticleStoreError.databaseNotFound(path: path)) { _ = try ArticleStore(path: path, mode: .readOnly) }
        #expect(throws: ArticleStoreError.databaseNotFound(path: path)) { _ = try ArticleStore(path: path, mode: .readWrite) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("an empty file becomes a store on create, and is refused read-only")
    func emptyFile() throws {
        let path = directory.path("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(throws: ArticleStoreError.self) { _ = try ArticleStore(path: path, mode: .readOnly) }
        let store = try ArticleStore(path: path, mode: .readWrite)
        #expect(try store.schemaVersion() == Migration.currentVersion)
    }

    @Test("a changed checksum of an applied migration is reported")
    func checksumMismatch() throws {
        let path = directory.path("modified.sqlite")
        do {
            let store = try ArticleStore(path: path)
            try store.connection.run("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1")
        }
        let store = try ArticleStore(path: path)
        #expect(store.warnings.count == 1)
        #expect(store.warnings.first?.contains("migration 1") == true)
        #expect(try store.migrationStatus().first?.state == .modified)
        #expect(throws: ArticleStoreError.migrationChecksumMismatch(version: 1, name: Migration.all[0].name)) {
            try store.migrate()
        }
    }

    @Test("the FTS table accepts rows and answers MATCH")
    func ftsWorks() throws {
        let store = try ArticleStore(path: directory.path("fts.sqlite"))
        let db = store.connection
        try db.run("INSERT INTO articles(body, content_hash) VALUES (?, ?)", ["التعاون العسكري", "h1"])
        try db.run("INSERT INTO articles_fts(rowid, title_terms, body_terms, tags_terms) VALUES (?, '', ?, '')", [db.lastInsertRowID, "تعاون عسكر"])
        #expect(try db.scalar("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", ["عسكر"]) == .integer(1))
        #expect(try db.scalar("SELECT count(*) FROM article_overview") == .integer(1))
    }

    @Test("statistics count rows")
    func statistics() throws {
        let store = try ArticleStore(path: directory.path("stats.sqlite"))
        try store.connection.run("INSERT INTO sources(name, name_key) VALUES ('جريدة الوطن', 'جريد وطن')")
        let stats = try store.statistics()
        #expect(stats.sources == 1)
        #expect(stats.articles == 0)
        #expect(stats.schemaVersion == Migration.currentVersion)
        #expect(stats.databaseBytes > 0)
    }
}
