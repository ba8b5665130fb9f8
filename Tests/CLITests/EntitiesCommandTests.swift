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
        let imported = try ArticlesBinary.run(["entities", "--db", db, "--import", tsv, "--rebuild"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("imported 1 entities"))
        let organizations = try #require(try json(["entities", "--type", "ORGANIZATION"]) as? [[String: Any]])
        let cooperation = try #require(organizations.first { $0["name"] as? String == "التعاون العسكري التقني" })
        #expect((cooperation["mentions"] as? Int ?? 0) >= 1)
        #expect(cooperation["origin"] as? String == "user")

        let places = try #require(try json(["entities", "--type", "LOCATION"]) as? [[String: Any]])
        let moscow = try #require(places.first { $0["name"] as? String == "موسكو" }?["id"] as? Int)
        let russia = try #require(places.first { $0["name"] as? String == "روسيا" })
        let russiaID = try #require(russia["id"] as? Int)
        let before = (russia["mentions"] as? Int ?? 0) + (places.first { $0["id"] as? Int == moscow }?["mentions"] as? Int ?? 0)
        let merged = try ArticlesBinary.run(["entities", "--db", db, "--merge", String(moscow), "--into", String(russiaID)])
        #expect(merged.status == 0, "\(merged.stderr)")
        let after = try #require(try json(["entities", "--type", "LOCATION"]) as? [[String: Any]])
        #expect(!after.contains { $0["name"] as? String == "موسكو" })
        #expect(after.first { $0["id"] as? Int == russiaID }?["mentions"] as? Int == before)
        // A rebuild keeps the merge: موسكو is now a name of روسيا.
        _ = try ArticlesBinary.run(["entities", "--db", db, "--rebuild"])
        let rebuilt = try #require(try json(["entities", "--type", "LOCATION"]) as? [[String: Any]])
        #expect(!rebuilt.contains { $0["name"] as? String == "موسكو" })
        #expect(rebuilt.first { $0["id"] as? Int == russiaID }?["mentions"] as? Int == before)
    }

    @Test("a malformed gazetteer is one error line and changes nothing")
    func badImport() throws {
        let bad = directory.path("bad.tsv")
        try Data("عباس\tPRESIDENT\n".utf8).write(to: URL(fileURLWithPath: bad))
        let result = try ArticlesBinary.run(["entities", "--db", db, "--import", bad])
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
