import ArabicText

/// `articles_forms`: the full-text index of every word's normalized form (see
/// `Schema/0014_word_forms_index.sql`), which answers quoted words and phrases and the
/// preference for a query word's own form. Contentless: entries are written and removed with
/// the terms of `articles_fts` (``IndexEntry``).
enum FormsIndex {
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
    static let procliticPrefixes = ["", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل",
                             "وب", "فب", "ول", "فل", "وك", "فك", "وبال", "فبال", "وكال", "فكال", "ولل", "فلل"]

    /// An FTS5 expression for a word written as one of `forms`, alone or after proclitics.
    static func withProclitics(_ forms: [String]) -> String {
        var seen = Set<String>()
        let variants = forms.flatMap { form in procliticPrefixes.map { $0 + form } }.filter { seen.insert($0).inserted }
        return "(" + variants.map(FTSQueryBuilder.quote).joined(separator: " OR ") + ")"
    }

    /// Indexes the forms of every stored article (applying the migration to a store that has
    /// articles).
    static func fill(_ connection: Connection, analyzer: Analyzer) throws {
        let keys = TextKey(analyzer: analyzer)
        try IndexEntry.forEachStoredArticle(in: connection) { id, title, body in
            let tags = try IndexEntry.storedTags(of: id, connection: connection)
            try IndexEntry(id: id, title: title, body: body, tags: tags, keys: keys).insertForms(into: connection)
        }
    }
}
