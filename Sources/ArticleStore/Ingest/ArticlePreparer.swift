import ArabicText

/// Computes a ``PreparedArticle``: analyzes the title and body once each and derives the
/// index terms, keys, content hash, MinHash signature and (with an extractor) the entity
/// mentions from that one analysis. Pure and thread-safe: ingest runs it on worker threads.
struct ArticlePreparer: Sendable {
    let keys: TextKey
    /// Extracts entities; nil when ingest runs without them.
    let extractor: EntityExtractor?
    /// Whether to find keyword candidates (off: the article gets no keyword tags).
    var computeKeywords = true

    func prepare(_ article: Article) -> PreparedArticle {
        let analyzer = keys.analyzer
        let body = analyzer.analyze(article.body)
        let title = article.title.map(analyzer.analyze)
        let titleKey = title.map { $0.stemsText(includingStopwords: true) }
        let tagKeys = article.tags.map(keys.nameKey)
        let indexedTags = Self.distinctTags(article.tags, keys: tagKeys)
        let mentions = extractor?.mentions(in: article, title: title, body: body.words.isEmpty ? nil : body)
        let entitySpans = (mentions ?? []).filter { $0.field == .body }.map { $0.start..<$0.end }
        let titleTerms = title?.termsText ?? ""
        let (tagsForms, tagsTerms) = Self.tagsFormsAndTerms(indexedTags, keys: keys)
        var prepared = PreparedArticle(
            article: article,
            contentHash: keys.contentHash(article, normalizedBody: body.normalizedText, titleKey: titleKey ?? ""),
            titleTerms: titleTerms,
            bodyTerms: body.termsText,
            tagsTerms: tagsTerms,
            titleForms: title?.normalizedText ?? "",
            bodyForms: body.normalizedText,
            tagsForms: tagsForms,
            fingerprint: IndexFingerprint.of(title: article.title, body: article.body, tags: indexedTags),
            titleKey: titleKey.flatMap { $0.isEmpty ? nil : $0 },
            signature: MinHashSignature(terms: body.termsText),
            sourceKey: article.source.map(keys.sourceKey),
            tagKeys: tagKeys,
            headlineKeys: article.similarHeadlines.map(keys.key),
            keywordCandidates: article.kind == .related || !computeKeywords ? [] : KeywordCandidateExtractor().candidates(title: title, body: body, entitySpans: entitySpans,
                                                                                                       shortlistFor: KeywordRanker()),
            termHashes: computeKeywords ? TermHash.distinct([titleTerms, body.termsText, tagsTerms]) : nil,
            mentions: mentions,
            embedded: article.embedded.map(prepare),
            related: article.related.map(prepare))
        for (raw, normalizedPath, rawPath) in [(article.published, \PreparedArticle.published, \PreparedArticle.publishedRaw),
                                               (article.modified, \PreparedArticle.modified, \PreparedArticle.modifiedRaw)] {
            guard let raw, !TextLines.isBlank(raw) else { continue }
            prepared[keyPath: rawPath] = raw
            prepared[keyPath: normalizedPath] = DateNormalizer.normalize(raw)
            if prepared[keyPath: normalizedPath] == nil { prepared.unreadableDates += 1 }
        }
        return prepared
    }

    /// The tags an article keeps: the first spelling of each tag key, in order (the store
    /// links an article to a tag once).
    static func distinctTags(_ tags: [String], keys tagKeys: [String]) -> [String] {
        var seen = Set<String>()
        return zip(tags, tagKeys).compactMap { tag, key in seen.insert(key).inserted ? tag : nil }
    }

    /// What the indexes' tags columns hold for these tags (as stored, in order): their words'
    /// normalized forms and their index terms.
    static func tagsFormsAndTerms(_ tags: [String], keys: TextKey) -> (forms: String, terms: String) {
        tags.isEmpty ? ("", "") : keys.analyzer.normalizedAndTermsText(tags.joined(separator: "\n"))
    }
}
