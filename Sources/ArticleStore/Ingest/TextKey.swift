import ArabicText

/// Analyzed keys that make spelling variants of the same name, tag or headline equal.
struct TextKey: Sendable {
    let analyzer: Analyzer

    /// The stems of every word (stopwords included), space separated: the key of tags, sources
    /// and headlines. `التعاون العسکری` and `تعاون العسكري` have the same key.
    func key(_ text: String) -> String {
        analyzer.termsText(text, includingStopwords: true)
    }

    /// The key of a source or tag name: its ``key(_:)``, or for a name that analyzes to nothing
    /// (punctuation, a symbol) the name itself.
    func nameKey(_ name: String) -> String {
        let key = key(name)
        return key.isEmpty ? name : key
    }

    /// The key of a source name: its ``key(_:)``, or for a name that analyzes to nothing its
    /// lower-cased self.
    func sourceKey(_ name: String) -> String {
        let key = key(name)
        return key.isEmpty ? name.lowercased() : key
    }

    /// The index terms, space separated: what goes into the FTS columns.
    func terms(_ text: String?) -> String {
        guard let text else { return "" }
        return analyzer.termsText(text)
    }

    /// SHA-256 over the normalized body (`normalizedBody`: the `normalizedText` of the body's `AnalyzedText`),
    /// plus the URL when present (and the title key when the body is empty, for title-only
    /// related articles).
    func contentHash(_ article: Article, normalizedBody body: String, titleKey: String? = nil) -> String {
        var hasher = SHA256()
        hasher.update("articlestore-v1\u{1}")
        hasher.update(body)
        if let url = article.url, !url.isEmpty { hasher.update("\u{1}url:" + url) }
        if body.isEmpty { hasher.update("\u{1}title:" + (titleKey ?? key(article.title ?? ""))) }
        return SHA256.hex(hasher.finalize())
    }
}
