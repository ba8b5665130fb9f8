import ArabicText

/// Finds people, places and organizations in an article with a trained sequence labeller
/// (``EntityRecognizer``: an averaged perceptron over BIO tags, trained on Arabic newswire
/// gold; the gazetteer and trigger words are its evidence, not its decisions). Around the
/// model: spans lose titles, prepositions and verbs at their edges; a name's proclitics (و ب ل
/// ك ف) are left out of the mention when the gazetteer or the article itself shows the bare
/// form; names are canonical (gazetteer name, عبدالفتاح → عبد الفتاح); a person's last name
/// alone later in the article joins that person; nisba adjectives (الروسي) are flagged
/// mentions of their country; the dateline names a place and the agency an organization.
package struct EntityExtractor: Sendable {
    /// The names it knows.
    package let gazetteer: Gazetteer
    /// The trained labeller.
    let recognizer: EntityRecognizer

    /// An extractor over `gazetteer` (by default the built-in one) with the built-in model.
    ///
    /// ```swift
    /// let mentions = EntityExtractor().mentions(in: Article(body: "قال وزير الخارجية الإيراني عباس عرقجي ..."))
    /// ```
    package init(gazetteer: Gazetteer = Gazetteer()) {
        self.gazetteer = gazetteer
        let model = EmbeddedEntityModel.shared
        recognizer = EntityRecognizer(model: model, featureExtractor: EntityFeatureExtractor(gazetteer: gazetteer, statistics: model.statistics))
    }

    /// The mentions in an article's title, body, dateline and agency, in text order per field.
    package func mentions(in article: Article) -> [EntityMention] {
        mentions(in: article, title: article.title.map(gazetteer.analyzer.analyze), body: article.body.isEmpty ? nil : gazetteer.analyzer.analyze(article.body))
    }

    /// A span the model found, after trimming: word range, type, clitic letters to skip.
    private struct Found {
        var field: MentionField
        var words: Words
        var range: Range<Int>
        var type: EntityType
        var clitics: Int
        /// The gazetteer entry the span is exactly a form of.
        var entry: Int?
    }

    /// The mentions in an article whose title and body are already analyzed (by the gazetteer's
    /// analyzer): ingest analyzes each text once for the index, the content hash and this.
    package func mentions(in article: Article, title: AnalyzedText?, body: AnalyzedText?) -> [EntityMention] {
        var fields: [(MentionField, Words)] = []
        for (field, text) in [(MentionField.title, title), (MentionField.body, body)] {
            guard let text, !text.words.isEmpty else { continue }
            fields.append((field, Words(text, gazetteer: gazetteer)))
        }
        var spans: [Found] = []
        var adjectives: [EntityMention] = []
        for (field, words) in fields {
            let matches = gazetteer.longestMatches(in: words)
            var covered = [Bool](repeating: false, count: words.count)
            // Two people side by side with nothing between are one name the model cut in two.
            var modelSpans: [EntityRecognizer.Span] = []
            for span in recognizer.spans(in: words, matches: matches) {
                if let last = modelSpans.last, last.type == .person, span.type == .person,
                   last.words.upperBound == span.words.lowerBound, !words.boundaries[last.words.upperBound - 1] {
                    modelSpans[modelSpans.count - 1] = EntityRecognizer.Span(words: last.words.lowerBound..<span.words.upperBound, type: .person)
                } else {
                    modelSpans.append(span)
                }
            }
            for span in modelSpans {
                guard let range = trimmed(span.words, type: span.type, words: words) else { continue }
                for index in range { covered[index] = true }
                let match = matches[range.lowerBound].flatMap { $0.tokens == range && gazetteer.entries[$0.entry].type == span.type ? $0 : nil }
                // لل + name: the ل of the article is elided, so no letter of the word is only a clitic.
                let elided = words.normalized(range.lowerBound).starts(with: ["ل", "ل"])
                spans.append(Found(field: field, words: words, range: range, type: span.type,
                                   clitics: elided ? 0 : match?.cliticLetters ?? 0, entry: match?.entry))
            }
            // Names from a user's gazetteer are decisions, not evidence: the user said so.
            for match in matches.compactMap({ $0 }) where match.entry >= BuiltInGazetteer.entries.count && !match.isAdjective
                && !match.tokens.contains(where: { covered[$0] }) {
                for index in match.tokens { covered[index] = true }
                spans.append(Found(field: field, words: words, range: match.tokens, type: gazetteer.entries[match.entry].type,
                                   clitics: match.cliticLetters, entry: match.entry))
            }
            // Nisba adjectives the model leaves outside (the training data tags them O).
            for match in matches.compactMap({ $0 }) where match.isAdjective && !match.tokens.contains(where: { covered[$0] }) {
                let entry = gazetteer.entries[match.entry]
                let start = words.start(of: match.tokens.lowerBound, skippingLetters: match.cliticLetters)
                let end = words.scalarRange(match.tokens.upperBound - 1).upperBound
                adjectives.append(EntityMention(name: entry.name, type: entry.type, field: field, start: start, end: end,
                                                surface: words.surface(start..<end), isAdjective: true))
            }
        }
        // A name's first word seen bare anywhere in the article: its clitic forms lose the clitic.
        var bareFirstWords = Set<String>()
        for span in spans { bareFirstWords.insert(span.words.string(span.range.lowerBound)) }
        var found: [EntityMention] = []
        var people: [String: [String]] = [:]
        for index in spans.indices {
            var span = spans[index]
            if span.clitics == 0 { span.clitics = cliticLetters(of: span, bareFirstWords: bareFirstWords) }
            let words = span.words
            let start = words.start(of: span.range.lowerBound, skippingLetters: span.clitics)
            let end = words.scalarRange(span.range.upperBound - 1).upperBound
            guard end > start else { continue }
            let surface = words.surface(start..<end)
            let name = span.entry.map { gazetteer.entries[$0].name } ?? canonicalName(surface, type: span.type, words: words, span: span)
            if span.type == .person, span.range.count >= 2 {
                people[name] = span.range.map { words.string($0) }
            }
            found.append(EntityMention(name: name, type: span.type, field: span.field, start: start, end: end,
                                       surface: surface, isAdjective: false))
        }
        // A one-word name that is the last name of a fuller person here is that person (the
        // model may call a lone surname anything).
        let lastNames = Dictionary(people.sorted { $0.key < $1.key }.compactMap { name, parts in parts.last.map { ($0, name) } },
                                   uniquingKeysWith: { first, _ in first })
        for index in found.indices where !found[index].name.contains(" ") {
            let key = gazetteer.analyzer.normalize(found[index].name)
            if let full = lastNames[key] {
                let mention = found[index]
                found[index] = EntityMention(name: full, type: .person, field: mention.field, start: mention.start, end: mention.end,
                                             surface: mention.surface, isAdjective: false)
            }
        }
        // Last names of people found anywhere in the article, where the model left them out.
        for (field, words) in fields {
            found += laterMentions(in: words, field: field, people: people, existing: found.filter { $0.field == field })
        }
        found += adjectives.filter { adjective in
            !found.contains { $0.field == adjective.field && $0.start < adjective.end && adjective.start < $0.end }
        }
        if let dateline = article.dateline, !dateline.isEmpty {
            found += wholeField(dateline, field: .dateline, type: .location)
        }
        if let agency = article.agency, !agency.isEmpty {
            found += wholeField(agency, field: .agency, type: .organization)
        }
        return found.sorted { ($0.field, $0.start) < ($1.field, $1.start) }
    }

    /// A span without what is never part of a name at its edges: titles and roles (for people),
    /// prepositions and other stopwords, verbs and time words (``RuleWords/notNames``), and
    /// trailing connectors (عبد، بن). Nil when nothing is left.
    private func trimmed(_ range: Range<Int>, type: EntityType, words: Words) -> Range<Int>? {
        var lower = range.lowerBound, upper = range.upperBound
        func dropped(_ index: Int, leading: Bool) -> Bool {
            let flags = words.flags[index]
            if flags.contains(.notName) || words.isStopword(index) && !flags.contains(.connector) { return true }
            if type == .person, words.variantFlags[index].contains(.role) || flags.contains(.reportingVerb) { return true }
            if !leading, flags.contains(.connector) { return true }
            return words.normalized(index).count < 2 && !flags.contains(.connector)
        }
        while lower < upper, dropped(lower, leading: true) { lower += 1 }
        while upper > lower, dropped(upper - 1, leading: false) { upper -= 1 }
        // A person is not cut in two by a title inside (خادم الحرمين الشريفين صاحب ...).
        if type == .person, let title = (lower..<upper).first(where: { words.variantFlags[$0].contains(.role) }) {
            if title - lower >= upper - title - 1 { upper = title } else { lower = title + 1 }
        }
        return lower < upper ? lower..<upper : nil
    }

    /// Clitic letters to leave out of a span's first word: the gazetteer knows its bare form,
    /// or the article names the bare form elsewhere; و/ف, ب/ل/ك before ال always are clitics.
    private func cliticLetters(of span: Found, bareFirstWords: Set<String>) -> Int {
        let words = span.words, index = span.range.lowerBound
        let word = words.normalized(index)
        let own = words.string(index)
        var result = 0
        Gazetteer.forEachCliticVariant(of: word) { prefix, rest, clitics in
            guard clitics > 0 else { return false }
            let bare = String(String.UnicodeScalarView(prefix + Array(rest)))
            // وال بال فال كال: the letters before ال are clitics (لل keeps its letters: لل + name has no bare ال in the text).
            if !prefix.isEmpty {
                if word[word.startIndex + clitics] == "ا", word.count - clitics >= 4 { result = clitics }
                return true
            }
            if bareFirstWords.contains(bare) && bare != own {
                result = clitics
                return true
            }
            if words.variants(index).contains(where: { $0.clitics == clitics }), words.ids[index] < 0 {
                result = clitics
                return true
            }
            return false
        }
        return result
    }

    /// The canonical name of a mention: the gazetteer's name when the words are one of its
    /// forms; else the text without harakat, with عبدال/أبوال written apart (عبد ال), لل as ال.
    private func canonicalName(_ surface: String, type: EntityType, words: Words, span: Found) -> String {
        if let name = gazetteerName(surface, type: type) { return name }
        var name = Normalizer.strippingMarks(surface)
        if span.clitics == 0, name.hasPrefix("لل"), name.unicodeScalars.count >= 5 {
            name = "ال" + name.dropFirst(2)
        }
        // عبدالفتاح → عبد الفتاح (and with hamza-less alef forms: the key folds them anyway).
        var parts: [String] = []
        for part in name.split(separator: " ") {
            if part.count >= 6, part.hasPrefix("عبدال") {
                parts.append("عبد")
                parts.append(String(part.dropFirst(3)))
            } else {
                parts.append(String(part))
            }
        }
        return parts.joined(separator: " ")
    }

    /// The canonical name of the gazetteer entry of `type` whose name or alias is `text`.
    private func gazetteerName(_ text: String, type: EntityType) -> String? {
        let words = Words(text, gazetteer: gazetteer)
        guard words.count > 0, let match = gazetteer.match(words, at: 0, allForms: true),
              match.tokens.count == words.count, gazetteer.entries[match.entry].type == type else { return nil }
        return gazetteer.entries[match.entry].name
    }

    /// Mentions of known people by their last name alone (or with a clitic).
    private func laterMentions(in words: Words, field: MentionField, people: [String: [String]], existing: [EntityMention]) -> [EntityMention] {
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
    private func wholeField(_ text: String, field: MentionField, type: EntityType) -> [EntityMention] {
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
