import Testing
@testable import ArabicText

/// The `lucene` profiles against vectors produced by Lucene 8.7.0 itself (`../shared/arabic/`).
@Suite("Lucene conformance")
struct LuceneConformanceTests {
    private func report(_ name: String, passed: Int, of total: Int, failures: [String]) {
        print("Lucene conformance \(name): \(passed)/\(total) passed")
        for failure in failures.prefix(10) { Issue.record("\(name): \(failure)") }
        #expect(passed == total)
    }

    @Test("ArabicNormalizationFilter", .enabled(if: SharedData.has("arabic/lucene_normalization.tsv"), "needs ../shared/arabic/lucene_normalization.tsv"))
    func normalization() throws {
        let rows = try #require(SharedData.arabicTSV("lucene_normalization.tsv"))
        let normalizer = LuceneNormalizer()
        let failures = rows.compactMap { row in
            normalizer.normalize(row[0]) == row[1] ? nil : "\(row[0]) → \(normalizer.normalize(row[0])), expected \(row[1])"
        }
        report("normalization", passed: rows.count - failures.count, of: rows.count, failures: failures)
        #expect(rows.count == 14)
    }

    @Test("ArabicStemFilter (light10)", .enabled(if: SharedData.has("arabic/lucene_stem.tsv"), "needs ../shared/arabic/lucene_stem.tsv"))
    func stem() throws {
        let rows = try #require(SharedData.arabicTSV("lucene_stem.tsv"))
        let stemmer = LightStemmer(rules: .lucene)
        let failures = rows.compactMap { row in
            stemmer.stem(row[0]) == row[1] ? nil : "\(row[0]) → \(stemmer.stem(row[0])), expected \(row[1])"
        }
        report("stem", passed: rows.count - failures.count, of: rows.count, failures: failures)
        #expect(rows.count == 21)
    }

    @Test("ArabicAnalyzer, whole chain", .enabled(if: SharedData.has("arabic/lucene_analyzer.tsv"), "needs ../shared/arabic/lucene_analyzer.tsv"))
    func analyzer() throws {
        let rows = try #require(SharedData.arabicTSV("lucene_analyzer.tsv"))
        let analyzer = Analyzer(profile: .lucene)
        let failures = rows.compactMap { row -> String? in
            let actual = analyzer.terms(row[0]).joined(separator: " ")
            return actual == row[1] ? nil : "\(row[0]) → \(actual), expected \(row[1])"
        }
        report("analyzer", passed: rows.count - failures.count, of: rows.count, failures: failures)
        #expect(rows.count == 12)
    }

    @Test("filter chains: normalize, normalize+stem", .enabled(if: SharedData.has("arabic/lucene_filters_chain.tsv"), "needs ../shared/arabic/lucene_filters_chain.tsv"))
    func filterChains() throws {
        let rows = try #require(SharedData.arabicTSV("lucene_filters_chain.tsv"))
        let analyzer = Analyzer(profile: .lucene)
        let failures = rows.compactMap { row -> String? in
            let tokens = analyzer.tokens(row[0])
            let actual = (row[2] == "normalize" ? tokens.map(\.normalized) : tokens.map(\.stem)).joined(separator: " ")
            return actual == row[1] ? nil : "\(row[2]) \(row[0]) → \(actual), expected \(row[1])"
        }
        report("filter chain", passed: rows.count - failures.count, of: rows.count, failures: failures)
        #expect(rows.count == 2)
    }

    @Test("PersianNormalizationFilter", .enabled(if: SharedData.has("arabic/lucene_persian_normalization.tsv"), "needs ../shared/arabic/lucene_persian_normalization.tsv"))
    func persian() throws {
        let rows = try #require(SharedData.arabicTSV("lucene_persian_normalization.tsv"))
        let normalizer = LuceneNormalizer(persian: true)
        let failures = rows.compactMap { row in
            normalizer.normalize(row[0]) == row[1] ? nil : "\(row[0]) → \(normalizer.normalize(row[0])), expected \(row[1])"
        }
        report("persian", passed: rows.count - failures.count, of: rows.count, failures: failures)
        #expect(rows.count == 6)
    }

    @Test("all 717 seed words, columns 2 to 5", .enabled(if: SharedData.has("arabic/lucene_seed_words.tsv"), "needs ../shared/arabic/lucene_seed_words.tsv"))
    func seedWords() throws {
        let rows = try #require(SharedData.arabicTSV("lucene_seed_words.tsv"))
        let normalizer = LuceneNormalizer()
        let persian = LuceneNormalizer(persian: true)
        let stemmer = LightStemmer(rules: .lucene)
        let analyzer = Analyzer(profile: .lucene)
        var failures: [String] = []
        var passed = 0
        for row in rows {
            let word = row[0]
            let normalized = normalizer.normalize(word)
            let actual = [
                normalized,
                stemmer.stem(normalized),
                analyzer.terms(word).joined(separator: " "),
                stemmer.stem(persian.normalize(word)),
            ]
            for column in 0..<4 {
                if actual[column] == row[column + 1] { passed += 1 } else {
                    failures.append("\(word) column \(column + 2): \(actual[column]), expected \(row[column + 1])")
                }
            }
        }
        report("seed words (cells)", passed: passed, of: rows.count * 4, failures: failures)
        #expect(rows.count == 717)
    }

    @Test("the stopword list is Lucene's, word for word", .enabled(if: SharedData.has("arabic/lucene_stopwords_ar.txt"), "needs ../shared/arabic/lucene_stopwords_ar.txt"))
    func stopwordList() throws {
        let text = try #require(SharedData.text("arabic/lucene_stopwords_ar.txt"))
        let words = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        #expect(Stopwords.luceneList == words)
        #expect(words.count == 119)
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        String(drop(while: { set.contains($0) }).reversed().drop(while: { set.contains($0) }).reversed())
    }
}

extension Set where Element == Character {
    fileprivate static let whitespaces: Set<Character> = [" ", "\t", "\r"]
}
