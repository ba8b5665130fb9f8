import Foundation
import Testing

@Suite("articles entities, entity, tags (built binary, on seeds/)")
struct EntitiesCommandTests {
    let directory: TemporaryDirectory
    let db: String

    init() throws {
        directory = try TemporaryDirectory()
        db = try ArticlesBinary.seededDatabase(in: directory)
    }

    private func json(_ arguments: [String]) throws -> Any {
        let result = try ArticlesBinary.run(arguments + ["--db", db, "--format", "json"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try parseJSON(result.stdout)
    }

    @Test("entities lists people, places and organizations with counts; --type filters")
    func list() throws {
        let rows = try #require(try json(["entities"]) as? [[String: Any]])
        let names = Set(rows.compactMap { $0["name"] as? String })
        #expect(names.isSuperset(of: ["إيران", "روسيا", "عباس عرقجي", "سيرجي ريابكوف", "نوفوستي", "الاتحاد الأوروبي"]))
        let iran = try #require(rows.first { $0["name"] as? String == "إيران" })
        #expect((iran["mentions"] as? Int ?? 0) > (iran["articles"] as? Int ?? 0))
        let people = try #require(try json(["entities", "--type", "PERSON"]) as? [[String: Any]])
        #expect(!people.isEmpty && people.allSatisfy { $0["type"] as? String == "PERSON" })
    }

    @Test("entity NAME finds by alias in any spelling, with articles and co-occurring entities")
    func show() throws {
        let entity = try #require(try json(["entity", "ريابكوف"]) as? [String: Any])
        #expect(entity["name"] as? String == "سيرجي ريابكوف")
        #expect((entity["articles"] as? [[String: Any]])?.first?["source"] as? String == "جريدة الوطن")
        let cooccurring = try #require(entity["cooccurring"] as? [[String: Any]])
        #expect(cooccurring.contains { $0["name"] as? String == "إيران" })
        let missing = try ArticlesBinary.run(["entity", "--db", db, "لا أحد"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("error: "))
    }

    @Test("search filters and facets by extracted entities")
    func searchByEntity() throws {
        let hits = try #require(try json(["search", "التعاون entity:عرقجي"]) as? [[String: Any]])
        #expect(hits.count == 1)
        #expect(hits.first?["source"] as? String == "بوابة الوفد")
        let faceted = try #require(try json(["search", "--facets", "التعاون"]) as? [String: Any])
        let entities = try #require((faceted["facets"] as? [String: Any])?["entities"] as? [[String: Any]])
        #expect(entities.contains { $0["value"] as? String == "إيران" && $0["type"] as? String == "LOCATION" })
    }

    @Test("import a gazetteer, rebuild, and merge two entities")
    func importRebuildMerge() throws {
        let tsv = directory.path("gazetteer.tsv")
        try Data("# name\ttype\taliases\nالتعاون العسكري التقني\tORGANIZATION\tالتعاون العسكرى\n".utf8).write(to: URL(fileURLWithPath: tsv))
        let imported = try ArticlesBinary.run(["entities", "import", "--db", db, "--rebuild", tsv])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("imported 1 entity from"))
        let organizations = try #require(try json(["entities", "--type", "ORGANIZATION"]) as? [[String: Any]])
        let cooperation = try #require(organizations.first { $0["name"] as? String == "التعاون العسكري التقني" })
        #expect((cooperation["mentions"] as? Int ?? 0) >= 1)
        #expect(cooperation["origin"] as? String == "user")

        let places = try #require(try json(["entities", "--type", "LOCATION"]) as? [[String: Any]])
        let moscow = try #require(places.first { $0["name"] as? String == "موسكو" }?["id"] as? Int)
        let russia = try #require(places.first { $0["name"] as? String == "روسيا" })
        let russiaID = try #require(russia["id"] as? Int)
        let before = (russia["mentions"] as? Int ?? 0) + (places.first { $0["id"] as? Int == moscow }?["mentions"] as? Int ?? 0)
        let merged = try ArticlesBinary.run(["entities", "merge", "--db", db, String(moscow), "--into", String(russiaID)])
        #expect(merged.status == 0, "\(merged.stderr)")
        let after = try #require(try json(["entities", "--type", "LOCATION"]) as? [[String: Any]])
        #expect(!after.contains { $0["name"] as? String == "موسكو" })
        #expect(after.first { $0["id"] as? Int == russiaID }?["mentions"] as? Int == before)
        // A rebuild keeps the merge: موسكو is now a name of روسيا.
        _ = try ArticlesBinary.run(["entities", "rebuild", "--db", db])
        let rebuilt = try #require(try json(["entities", "--type", "LOCATION"]) as? [[String: Any]])
        #expect(!rebuilt.contains { $0["name"] as? String == "موسكو" })
        #expect(rebuilt.first { $0["id"] as? Int == russiaID }?["mentions"] as? Int == before)
    }

    @Test("a malformed gazetteer is one error line and changes nothing")
    func badImport() throws {
        let bad = directory.path("bad.tsv")
        try Data("عباس\tPRESIDENT\n".utf8).write(to: URL(fileURLWithPath: bad))
        let result = try ArticlesBinary.run(["entities", "import", "--db", db, bad])
        #expect(result.status == 1)
        #expect(result.stderr == "error: \(bad):1: unknown type PRESIDENT (PERSON, LOCATION or ORGANIZATION)\n")
    }

    @Test("tags: one tag per spelling family with counts; --related lists co-occurring tags")
    func tags() throws {
        let rows = try #require(try json(["tags"]) as? [[String: Any]])
        let cooperation = try #require(rows.first { ($0["tag"] as? String)?.hasPrefix("التعاون العس") == true })
        #expect(cooperation["articles"] as? Int == 1)
        let unknown = try ArticlesBinary.run(["tags", "--db", db, "--related", "غير موجود"])
        #expect(unknown.status == 1)
    }
}

extension EntitiesCommandTests {
    @Test("names that are not found suggest the closest: entity, tag, and mistyped subcommands")
    func suggestions() throws {
        let entity = try ArticlesBinary.run(["entity", "--db", db, "ريابكف"])
        #expect(entity.status == 1)
        #expect(entity.stderr == "error: no entity named ريابكف; did you mean سيرجي ريابكوف?\n", "\(entity.stderr)")
        let tag = try ArticlesBinary.run(["tags", "--db", db, "--related", "التعاون العسكرب"])
        #expect(tag.status == 1)
        #expect(tag.stderr.hasPrefix("error: no tag named التعاون العسكرب; did you mean "), "\(tag.stderr)")
        let typo = try ArticlesBinary.run(["serch", "--db", db, "x"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("unknown command 'serch'; did you mean 'search'?"), "\(typo.stderr)")
        let version = try ArticlesBinary.run(["--version"])
        #expect(version.status == 0 && version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1.0.0")
    }

    @Test("an empty tag list says so; NO_COLOR turns automatic colour off; stats sizes are human on a table, exact in JSON; CSV can start with a BOM")
    func smallOnes() throws {
        let empty = directory.path("empty.sqlite")
        _ = try ArticlesBinary.run(["init", "--db", empty])
        let tags = try ArticlesBinary.run(["tags", "--db", empty, "--format", "table"])
        #expect(tags.stderr.contains("no tags in this store"), "\(tags.stderr)")
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/script") {
            // On a terminal (script's pseudo-terminal) colour is automatic, unless NO_COLOR is set.
            let command = "\(ArticlesBinary.url.path) search --db \(db) --format table ريابكوف"
            let colored = try ArticlesBinary.run(["-qec", command, "/dev/null"], environment: ["NO_COLOR": ""], executable: "/usr/bin/script")
            let escape = Data("\u{1B}[1;33m".utf8)
            #expect(Data(colored.stdout.utf8).range(of: escape) != nil, "\(colored.stdout.debugDescription.prefix(300))")
            let plain = try ArticlesBinary.run(["-qec", command, "/dev/null"], environment: ["NO_COLOR": "1"], executable: "/usr/bin/script")
            #expect(Data(plain.stdout.utf8).range(of: escape) == nil, "\(plain.stdout.debugDescription.prefix(300))")
        }
        let table = try ArticlesBinary.run(["stats", "--db", db, "--format", "table"])
        #expect(table.stdout.contains(" KB") || table.stdout.contains(" MB"), "\(table.stdout)")
        let json = try #require(try parseJSON(try ArticlesBinary.run(["stats", "--db", db, "--format", "json"]).stdout) as? [String: Any])
        #expect(json["file_bytes"] is Int)
        let bom = try ArticlesBinary.run(["list", "--db", db, "--format", "csv", "--bom"])
        #expect(bom.stdout.hasPrefix("\u{FEFF}id,"))
        let export = try ArticlesBinary.run(["export", "--db", db, "--format", "csv", "--bom", "--quiet"])
        #expect(export.stdout.hasPrefix("\u{FEFF}id,"))
    }
}
