import ArabicText

/// Finds people, places and organizations in an article: gazetteer names, aliases and nisba
/// adjectives (with clitics); people introduced by a title or role (وزير الخارجية الإيراني، عباس
/// عرقجي) or standing in apposition after a reporting verb (أكد سيرجي ريابكوف نائب وزير ...);
/// later mentions of those people by their last name (ريابكوف); the dateline city and agency.
public struct EntityExtractor: Sendable {
    /// The names it knows.
    public let gazetteer: Gazetteer

    /// An extractor over `gazetteer` (by default the built-in one).
    ///
    /// ```swift
    /// let mentions = EntityExtractor().mentions(in: Article(body: "قال وزير الخارجية الإيراني عباس عرقجي ..."))
    /// ```
    public init(gazetteer: Gazetteer = Gazetteer()) {
        self.gazetteer = gazetteer
    }

    /// The mentions in an article's title, body, dateline and agency, in text order per field.
    public func mentions(in article: Article) -> [EntityMention] {
        mentions(in: article, title: article.title.map(gazetteer.analyzer.analyze), body: article.body.isEmpty ? nil : gazetteer.analyzer.analyze(article.body))
    }

    /// The mentions in an article whose title and body are already analyzed (by the gazetteer's
    /// analyzer): ingest analyzes each text once for the index, the content hash and this.
    func mentions(in article: Article, title: AnalyzedText?, body: AnalyzedText?) -> [EntityMention] {
        var found: [EntityMention] = []
        var people: [String: [String]] = [:]     // canonical name → its words, for later mentions
        var fields: [(String, Words)] = []
        for (field, text) in [("title", title), ("body", body)] {
            guard let text, !text.words.isEmpty else { continue }
            fields.append((field, Words(text, gazetteer: gazetteer)))
        }
        for (field, words) in fields {
            found += mentions(in: words, field: field, people: &people)
        }
        // Last names of people found anywhere in the article, everywhere in it.
        for (field, words) in fields {
            found += laterMentions(in: words, field: field, people: people, existing: found.filter { $0.field == field })
        }
        if let dateline = article.dateline, !dateline.isEmpty {
            found += wholeField(dateline, field: "dateline", type: .location)
        }
        if let agency = article.agency, !agency.isEmpty {
            found += wholeField(agency, field: "agency", type: .organization)
        }
        return found.sorted { ($0.field, $0.start) < ($1.field, $1.start) }
    }

    private func mentions(in words: Words, field: String, people: inout [String: [String]]) -> [EntityMention] {
        var result: [EntityMention] = []
        var covered = [Bool](repeating: false, count: words.count)
        func add(_ name: String, _ type: EntityType, tokens: Range<Int>, clitics: Int, adjective: Bool) {
            let start = words.start(of: tokens.lowerBound, skippingLetters: clitics)
            let end = words.scalarRange(tokens.upperBound - 1).upperBound
            guard end > start else { return }
            result.append(EntityMention(name: name, type: type, field: field, start: start, end: end,
                                        surface: words.surface(start..<end), isAdjective: adjective))
            for index in tokens { covered[index] = true }
        }
        // 1. Gazetteer names, longest first from each position.
        var matches: [Gazetteer.Match?] = Array(repeating: nil, count: words.count)
        var index = 0
        while index < words.count {
            if let match = gazetteer.match(words, at: index) {
                matches[index] = match
                index = match.tokens.upperBound
            } else {
                index += 1
            }
        }
        // 2. People by role or apposition (before gazetteer mentions are committed, so a known
        //    name inside a role phrase still counts as the phrase's modifier).
        for person in peopleByRules(in: words, matches: matches) {
            let canonical = canonicalPerson(tokens: person, words: words)
            people[canonical] = person.map { words.string($0) }
            add(canonical, .person, tokens: person, clitics: 0, adjective: false)
        }
        // 3. Organizations by pattern: وزارة الخارجية [الروسية], وكالة الأنباء القطرية, الجيش الإسرائيلي.
        for (range, clitics) in organizationsByPattern(in: words, matches: matches) where !range.contains(where: { covered[$0] }) {
            let start = words.start(of: range.lowerBound, skippingLetters: clitics)
            let end = words.scalarRange(range.upperBound - 1).upperBound
            let name = gazetteerName(words.surface(start..<end), type: .organization) ?? Normalizer.strippingMarks(words.surface(start..<end))
            add(name, .organization, tokens: range, clitics: clitics, adjective: false)
        }
        for match in matches.compactMap({ $0 }) where !match.tokens.contains(where: { covered[$0] }) {
            let entry = gazetteer.entries[match.entry]
            if entry.type == .person { people[entry.name] = match.tokens.map { words.string($0) } }
            add(entry.name, entry.type, tokens: match.tokens, clitics: match.cliticLetters, adjective: match.isAdjective)
        }
        return result
    }

    /// The display name of a person found by a rule: the gazetteer's name when it knows them
    /// under these words, else the words as written (without clitics or harakat changes).
    private func canonicalPerson(tokens: Range<Int>, words: Words) -> String {
        if let match = gazetteer.match(words, at: tokens.lowerBound, allForms: true),
           match.tokens == tokens, gazetteer.entries[match.entry].type == .person {
            return gazetteer.entries[match.entry].name
        }
        let start = words.scalarRange(tokens.lowerBound).lowerBound
        let end = words.scalarRange(tokens.upperBound - 1).upperBound
        return Normalizer.strippingMarks(words.surface(start..<end))
    }

    /// The canonical name of the gazetteer entry of `type` whose name or alias is `text`.
    private func gazetteerName(_ text: String, type: EntityType) -> String? {
        let words = Words(text, gazetteer: gazetteer)
        guard words.count > 0, let match = gazetteer.match(words, at: 0, allForms: true),
              match.tokens.count == words.count, gazetteer.entries[match.entry].type == type else { return nil }
        return gazetteer.entries[match.entry].name
    }

    /// Ministries, news agencies and armies named by a pattern, with the clitic letters to skip.
    private func organizationsByPattern(in words: Words, matches: [Gazetteer.Match?]) -> [(Range<Int>, Int)] {
        var found: [(Range<Int>, Int)] = []
        let count = words.count
        /// A country or its adjective at `index`: its end, else nil.
        func place(at index: Int) -> Int? {
            guard index < count, let match = matches[index], gazetteer.entries[match.entry].type == .location else { return nil }
            return match.tokens.upperBound
        }
        var index = 0
        while index < count {
            // A gazetteer organization here wins (وزارة الخارجية الروسية is an entry).
            if let match = matches[index], gazetteer.entries[match.entry].type == .organization {
                index = match.tokens.upperBound
                continue
            }
            guard words.variantFlags[index].contains(.organizationHead),
                  let head = words.variants(index).first(where: { gazetteer.flags($0.id).contains(.organizationHead) }) else {
                index += 1
                continue
            }
            var end: Int?
            let headFlags = gazetteer.flags(head.id), clitics = Int(head.clitics)
            if headFlags.contains(.ministryHead), index + 1 < count, !words.boundaries[index], words.flags[index + 1].contains(.ministry) {
                end = index + 2
                if !words.boundaries[index + 1], let placeEnd = place(at: index + 2) { end = placeEnd }
            } else if headFlags.contains(.agencyHead), index + 1 < count, !words.boundaries[index],
                      words.flags[index + 1].contains(.newsWord),
                      !words.boundaries[index + 1], let placeEnd = place(at: index + 2) {
                end = placeEnd
            } else if headFlags.contains(.armyWord), !words.boundaries[index], let placeEnd = place(at: index + 1) {
                end = placeEnd
            }
            if let end {
                found.append((index..<end, clitics))
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    /// Token ranges of people introduced by roles or in apposition.
    private func peopleByRules(in words: Words, matches: [Gazetteer.Match?]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        let count = words.count
        func isRole(_ index: Int) -> Bool { words.variantFlags[index].contains(.role) }
        func nameLike(_ index: Int, position: Int) -> Bool {
            let word = words.normalized(index), flags = words.flags[index]
            guard word.count >= 2, !words.isStopword(index) || flags.contains(.connector),
                  !flags.contains(.notName), !isRole(index) else { return false }
            if word.allSatisfy({ $0.properties.numericType != nil }) { return false }
            // A place or organization is not a name part (a known person is), except a nisba as
            // a family name after two names (محمد شياع السوداني).
            if let match = matches[index], gazetteer.entries[match.entry].type != .person,
               !(match.isAdjective && position >= 2 && match.tokens.count == 1) { return false }
            if position == 0, word.starts(with: ["ا", "ل"]), !flags.contains(.connector) { return false }
            return true
        }
        /// A name of 2–4 words (connectors such as بن، عبد، آل not counted) starting at `start`,
        /// stopping at punctuation or a non-name word, and after a nisba family name.
        func name(from start: Int) -> Range<Int>? {
            var end = start
            var parts = 0
            while end < count, parts < 4, nameLike(end, position: end - start) {
                if !words.flags[end].contains(.connector) { parts += 1 }
                end += 1
                if words.boundaries[end - 1] { break }
                if end - start >= 3, let match = matches[end - 1], match.isAdjective { break }
            }
            // A trailing connector (عبد, بن) is not a name's end.
            while end > start, words.flags[end - 1].contains(.connector) { end -= 1 }
            return end - start >= 2 ? start..<end : nil
        }
        var index = 0
        // After an apposition (name, then role) the role phrase describes that name.
        var roleDescribesPrevious = false
        while index < count {
            if isRole(index) {
                // The role phrase: the role, then offices, qualifiers and known names.
                var cursor = index + 1
                var boundary = words.boundaries[index]
                while !boundary, cursor < count {
                    if let match = matches[cursor], gazetteer.entries[match.entry].type != .person {
                        cursor = match.tokens.upperBound
                        boundary = words.boundaries[cursor - 1]
                    } else if words.flags[cursor].contains(.roleModifier) || isRole(cursor) {
                        boundary = words.boundaries[cursor]
                        cursor += 1
                    } else {
                        break
                    }
                }
                if roleDescribesPrevious {
                    roleDescribesPrevious = false
                    index = max(cursor, index + 1)
                    continue
                }
                if cursor < count, let range = name(from: cursor) {
                    found.append(range)
                    index = range.upperBound
                    continue
                }
            }
            roleDescribesPrevious = false
            // Apposition: a reporting verb, a name, then a role.
            if words.flags[index].contains(.reportingVerb), !words.boundaries[index], index + 1 < count,
               let range = name(from: index + 1), range.upperBound < count, isRole(range.upperBound) {
                found.append(range)
                index = range.upperBound
                roleDescribesPrevious = true
                continue
            }
            index += 1
        }
        return found
    }

    /// Mentions of known people by their last name alone (or with a clitic).
    private func laterMentions(in words: Words, field: String, people: [String: [String]], existing: [EntityMention]) -> [EntityMention] {
        var lastNames: [String] = []
        var names: [String] = []
        // In name order, first one wins: dictionary order changes from run to run, results must not.
        for (name, nameWords) in people.sorted(by: { $0.key < $1.key }) where nameWords.count >= 2 {
            guard let last = nameWords.last, last.unicodeScalars.count >= 3,
                  !gazetteer.flags(gazetteer.lexicon.index(of: last).map(Int32.init) ?? -1).contains(.notName),
                  !lastNames.contains(last) else { continue }
            lastNames.append(last)
            names.append(name)
        }
        guard !lastNames.isEmpty else { return [] }
        let table = WordTable(lastNames)
        var result: [EntityMention] = []
        for index in 0..<words.count {
            var found: (name: String, clitics: Int)?
            let isStopword = words.isStopword(index)
            Gazetteer.forEachCliticVariant(of: words.normalized(index)) { prefix, rest, clitics in
                if let entry = table.index(of: rest, after: prefix) {
                    found = (names[entry], clitics)
                    return true
                }
                return isStopword
            }
            guard let (name, clitics) = found else { continue }
            let start = words.start(of: index, skippingLetters: clitics)
            let end = words.scalarRange(index).upperBound
            if existing.contains(where: { $0.start < end && start < $0.end }) { continue }
            result.append(EntityMention(name: name, type: .person, field: field, start: start, end: end,
                                        surface: words.surface(start..<end), isAdjective: false))
        }
        return result
    }

    /// A dateline or agency field: the gazetteer entity it names, else the field itself.
    private func wholeField(_ text: String, field: String, type: EntityType) -> [EntityMention] {
        let words = Words(text, gazetteer: gazetteer)
        guard words.count > 0 else { return [] }
        let count = text.unicodeScalars.count
        if let match = gazetteer.match(words, at: 0, allForms: true), match.tokens.count == words.count {
            let entry = gazetteer.entries[match.entry]
            return [EntityMention(name: entry.name, type: entry.type, field: field, start: 0, end: count, surface: text, isAdjective: false)]
        }
        return [EntityMention(name: Normalizer.strippingMarks(text), type: type, field: field, start: 0, end: count,
                              surface: text, isAdjective: false)]
    }
}
