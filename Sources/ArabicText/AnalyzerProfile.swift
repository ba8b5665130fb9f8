/// Which analysis chain an ``Analyzer`` runs.
public enum AnalyzerProfile: String, Sendable, CaseIterable {
    /// Lucene 8.7's `ArabicAnalyzer`, token for token: UAX #29 words, lower case, decimal digits
    /// to ASCII, Lucene's stopword list (exact spelling), `ArabicNormalizationFilter`,
    /// `ArabicStemFilter` (light10). Use it to match Elasticsearch/OpenSearch's `arabic` analyzer.
    case lucene
    /// ``lucene`` with Lucene's `PersianNormalizationFilter` before the Arabic normalization
    /// (ی ے → ي, ک → ك, ۀ ہ → ه).
    case lucenePersian = "lucene-persian"
    /// What the store uses: the full ``Normalizer`` (every letter variant, every mark, digits,
    /// presentation forms, Latin diacritics), stopwords recognized in every spelling, and the
    /// protected light stemmer (see ``LightStemmer``).
    case `default`
}
