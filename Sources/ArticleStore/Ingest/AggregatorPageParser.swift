import ArabicText

/// Parses an Arabic news aggregator page saved as text (see `docs/seed-format.md`) into an
/// ``Article`` with its embedded stories, related articles, tags and similar headlines.
///
/// Blocks are recognized by their marker lines, compared after normalization so spelling
/// variants match: `المصدر:` (source), `كلمات دلالية:` (tags), `إقرأ أيضاً:` (related),
/// `مقالات مشابهة` (similar headlines). Nothing is dropped: lines the parser cannot place are
/// kept in ``Article/rest``.
package struct AggregatorPageParser: Sendable {
    private let analyzer: Analyzer

    /// A parser that matches tags and markers with `analyzer`'s normalization.
    package init(analyzer: Analyzer = Analyzer()) {
        self.analyzer = analyzer
    }

    private enum Section {
        case main, source, tags, related, similar
    }

    private enum Marker {
        case source(String)
        case tags(String)
        case related(String)
        case similar(String)
    }

    /// What an empty page holds instead of text, for its error message.
    private static func describe(source: String?, tags: String?, related: [String], similar: [String]) -> String {
        var parts: [String] = []
        if source != nil { parts.append("a source line") }
        if tags != nil { parts.append("tags") }
        if !related.isEmpty || !similar.isEmpty { parts.append("headings and headlines") }
        return parts.isEmpty ? "blank lines" : parts.joined(separator: ", ")
    }

    /// Parses one page. Throws ``ArticleStoreError/invalidInput(_:)`` when it holds no text.
    package func parse(_ text: String, origin: String? = nil) throws -> Article {
        var section = Section.main
        var mainLines: [String] = []
        var relatedLines: [String] = []
        var similarLines: [String] = []
        var restLines: [String] = []
        var source: String?
        var tagLine: String?

        for rawLine in TextLines.split(text) where !TextLines.isBlank(rawLine) {
            let line = String(rawLine)
            if let marker = marker(line) {
                switch marker {
                case let .source(value):
                    section = .source
                    if source == nil, !value.isEmpty { source = value } else if !value.isEmpty { restLines.append(line) }
                case let .tags(value):
                    section = .tags
                    if tagLine == nil { tagLine = value } else { restLines.append(line) }
                case let .related(value):
                    section = .related
                    if !value.isEmpty { relatedLines.append(value) }
                case let .similar(value):
                    section = .similar
                    if !value.isEmpty { similarLines.append(value) }
                }
                continue
            }
            switch section {
            case .main: mainLines.append(line)
            case .related: relatedLines.append(line)
            case .similar: similarLines.append(line)
            case .source, .tags: restLines.append(line)
            }
        }
        guard !(mainLines.isEmpty && relatedLines.isEmpty && similarLines.isEmpty && source == nil && tagLine == nil) else {
            throw ArticleStoreError.invalidInput("the page holds no text")
        }

        let (mainStory, embeddedStories) = splitEmbeddedStories(mainLines)
        // Only a source line, tags or headings: storing it would make an empty article, and
        // the next such page its "duplicate".
        guard mainStory.contains(where: { !TextLines.isBlank($0) }) else {
            throw ArticleStoreError.invalidInput("the page has no article text (only \(Self.describe(source: source, tags: tagLine, related: relatedLines, similar: similarLines)))")
        }
        var article = Article(body: mainStory.joined(separator: "\n"), source: source, originPath: origin)
        if let first = mainStory.first, let (city, agency) = Self.dateline(first) {
            article.dateline = city
            article.agency = agency
        }
        article.embedded = embeddedStories.map { story in
            Article(title: story.heading, body: story.lines.joined(separator: "\n"), source: source,
                    kind: .embedded, originPath: origin)
        }

        // Words of the whole page, for splitting glued titles and the tag line.
        let pageText = (mainLines + relatedLines).joined(separator: "\n")
        article.related = parseRelated(relatedLines, pageText: pageText, origin: origin)
        article.similarHeadlines = similarLines.map(Self.headline).filter { !$0.isEmpty }
        if let tagLine {
            article.tags = TagSegmenter(analyzer: analyzer).segment(tagLine, context: pageText)
        }
        if !restLines.isEmpty { article.rest = restLines.joined(separator: "\n") }
        return article
    }

    // MARK: Markers

    private func marker(_ line: String) -> Marker? {
        let trimmed = TextLines.trim(line)
        let head: Substring
        let value: String
        if let colon = trimmed.firstIndex(where: { $0 == ":" || $0 == "：" }) {
            head = trimmed[..<colon]
            value = TextLines.trim(trimmed[trimmed.index(after: colon)...])
        } else {
            head = trimmed[...]
            value = ""
        }
        let words = analyzer.tokens(String(head)).map(\.normalized)
        guard !words.isEmpty, words.count <= 3 else { return nil }
        switch words.joined(separator: " ") {
        case "المصدر", "مصدر": return trimmed.contains(":") ? .source(value) : nil
        case "كلمات دلاليه", "الكلمات الدلاليه", "وسوم", "الوسوم": return .tags(value)
        case "اقرا ايضا", "اقرا ايضاً", "اقرءوا ايضا", "اقرا المزيد": return .related(value)
        case "مقالات مشابهه", "اخبار مشابهه", "مقالات ذات صله", "اخبار ذات صله": return .similar(value)
        default: return nil
        }
    }

    // MARK: Main story

    /// Splits the main block at short heading lines (no sentence punctuation, a few words,
    /// followed by text): each starts an embedded story.
    private func splitEmbeddedStories(_ lines: [String]) -> ([String], [(heading: String, lines: [String])]) {
        var main: [String] = []
        var stories: [(heading: String, lines: [String])] = []
        for (index, line) in lines.enumerated() {
            let isHeading = index > 0 && index < lines.count - 1 && !TextLines.endsSentence(line)
                && Self.wordCount(line) <= 20 && TextLines.endsSentence(lines[index - 1])
            if isHeading {
                stories.append((TextLines.trim(line), []))
            } else if stories.isEmpty {
                main.append(line)
            } else {
                stories[stories.count - 1].lines.append(line)
            }
        }
        return (main, stories)
    }

    /// `موسكو ـ د.ب.ا: أكد ...` → (موسكو, د.ب.ا); `بيروت (رويترز) - ...` → (بيروت, رويترز).
    static func dateline(_ line: String) -> (String, String)? {
        let prefix = String(line.prefix(80))
        // City (Agency) - text
        if let open = prefix.firstIndex(of: "("), let close = prefix.firstIndex(of: ")"), open < close {
            let city = TextLines.trim(prefix[..<open])
            let agency = TextLines.trim(prefix[prefix.index(after: open)..<close])
            let after = TextLines.trim(prefix[prefix.index(after: close)...])
            if !city.isEmpty, !agency.isEmpty, wordCount(city) <= 3, wordCount(agency) <= 4,
               let dash = after.first, "-–—ـ:".contains(dash) {
                return (city, agency)
            }
        }
        // City ـ Agency: text
        guard let colon = prefix.firstIndex(of: ":") else { return nil }
        let head = prefix[..<colon]
        for separator in [" ـ ", " - ", " – ", " — ", "ـ "] {
            guard let range = head.range(of: separator) else { continue }
            let city = TextLines.trim(head[..<range.lowerBound])
            let agency = TextLines.trim(head[range.upperBound...])
            if !city.isEmpty, !agency.isEmpty, wordCount(city) <= 3, wordCount(agency) <= 4 {
                return (city, agency)
            }
        }
        return nil
    }

    static func wordCount<Text: StringProtocol>(_ text: Text) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }

    // MARK: Related and similar

    /// Title lines (no sentence punctuation at the end) start an entry; the lines after them are
    /// its body. A title line glued from several link titles is split; the extra titles become
    /// entries without a body.
    private func parseRelated(_ lines: [String], pageText: String, origin: String?) -> [Article] {
        var entries: [Article] = []
        // The entry that body lines go to: the first title of the last title line.
        var bodyTarget: Int?
        let splitter = GluedTitleSplitter(analyzer: analyzer, context: pageText)
        for line in lines {
            if !TextLines.endsSentence(line) {
                bodyTarget = entries.count
                for title in splitter.split(TextLines.trim(line)) {
                    entries.append(Article(title: title, body: "", kind: .related, isPartial: true, originPath: origin))
                }
            } else if let target = bodyTarget {
                entries[target].body += entries[target].body.isEmpty ? line : "\n" + line
            } else {
                entries.append(Article(body: line, kind: .related, isPartial: true, originPath: origin))
                bodyTarget = entries.count - 1
            }
        }
        return entries
    }

    /// `  • headline` → `headline`.
    static func headline(_ line: String) -> String {
        var text = TextLines.trim(line)
        while let first = text.first, "•·-*▪●◦".contains(first) {
            text = TextLines.trim(text.dropFirst())
        }
        return text
    }
}
