import ArabicText

/// `articles_forms`: the full-text index of every word's normalized form (see
/// `Schema/0014_word_forms_index.sql`), which answers quoted words and phrases and the
/// preference for a query word's own form. Contentless: entries are written and removed with
/// the terms of `articles_fts` (``IndexEntry``).
enum FormsIndex {
    static let table = "articles_forms"
    /// The migration that creates it (empty: ``fill(_:analyzer:)`` indexes what is stored).
    static let migrationVersion = 14

    /// The column of `field`'s forms.
    static func column(_ field: SearchField) -> String {
        switch field {
        case .title: "title_forms"
        case .body: "body_forms"
        case .tags: "tags_forms"
        }
    }

    /// An FTS5 expression for consecutive words with these normalized forms, in `field` or in
    /// any field.
    static func phrase(_ forms: [[Unicode.Scalar]], field: SearchField?) -> String {
        let words = forms.map { String(String.UnicodeScalarView($0)) }
        let quoted = FTSQueryBuilder.quote(words.joined(separator: " "))
        return field.map { "\(column($0)) : \(quoted)" } ?? quoted
    }

    /// The proclitic combinations a word takes in writing (conjunction, preposition, article),
    /// for finding a word's form inside longer written words: لكاميرون، والكاميرون.
    static let proclitics = ["", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل",
                             "وب", "فب", "ول", "فل", "وك", "فك", "وبال", "فبال", "وكال", "فكال", "ولل", "فلل"]

    /// An FTS5 expression for a word written as one of `forms`, alone or after proclitics.
    static func withProclitics(_ forms: [String]) -> String {
        var seen = Set<String>()
        let variants = forms.flatMap { form in proclitics.map { $0 + form } }.filter { seen.insert($0).inserted }
        return "(" + variants.map(FTSQueryBuilder.quote).joined(separator: " OR ") + ")"
    }

    /// Indexes the forms of every stored article (applying the migration to a store that has
    /// articles), a thousand at a time.
    static func fill(_ connection: Connection, analyzer: Analyzer) throws {
        let keys = TextKey(analyzer: analyzer)
        var lastID: Int64 = 0
        while true {
            let rows = try connection.rows("SELECT id, title, body FROM articles WHERE id > ? ORDER BY id LIMIT 1000", [lastID])
            guard let last = rows.last?["id"].int64 else { return }
            for row in rows {
                guard let id = row["id"].int64 else { continue }
                let tags = try IndexEntry.storedTags(of: id, connection: connection)
                try IndexEntry(id: id, title: row["title"].string, body: row["body"].string ?? "", tags: tags, keys: keys)
                    .insertForms(into: connection)
            }
            lastID = last
        }
    }
}
