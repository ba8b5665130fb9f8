import ArabicText
import ArticleStore
import Foundation

/// The entity extractor's cost on real news, one thread: the dev days' titles and bodies
/// analyzed as ingest does (the baseline, timed), then every article's mentions found from
/// those analyses (timed), best of `--repeat` passes. Prints a fingerprint of all mentions, so
/// that a change meant only for speed can be checked to find exactly the same ones.
struct EntitySpeedBenchmark {
    let shared: SharedData
    let limit: Int
    let repeats: Int

    init(arguments: [String]) throws {
        shared = try SharedData(arguments: arguments)
        limit = arguments.firstIndex(of: "--count").flatMap { Int(arguments[$0 + 1]) } ?? Int.max
        repeats = arguments.firstIndex(of: "--repeat").flatMap { Int(arguments[$0 + 1]) } ?? 3
    }

    func run() throws {
        let articles = try RealNews.articles(shared: shared)
            .filter { !$0.content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.prefix(limit)
        let extractor = EntityExtractor()
        let analyzer = extractor.gazetteer.analyzer
        var analyzed: [(Article, AnalyzedText?, AnalyzedText)] = []
        var analysisSeconds = Double.infinity
        for pass in 0..<repeats {
            var texts: [(Article, AnalyzedText?, AnalyzedText)] = []
            texts.reserveCapacity(articles.count)
            let seconds = Measurement.seconds {
                for article in articles {
                    texts.append((Article(title: article.title, body: article.content),
                                  article.title.isEmpty ? nil : analyzer.analyze(article.title), analyzer.analyze(article.content)))
                }
            }
            analysisSeconds = min(analysisSeconds, seconds)
            if pass == 0 { analyzed = texts }
        }
        let words = analyzed.reduce(0) { $0 + ($1.1?.words.count ?? 0) + $1.2.words.count }
        var extractionSeconds = Double.infinity
        var mentions = 0
        var fingerprint: UInt64 = 0
        for _ in 0..<repeats {
            mentions = 0
            fingerprint = 0
            let seconds = Measurement.seconds {
                for (article, title, body) in analyzed {
                    for mention in extractor.mentions(in: article, title: title, body: body) {
                        mentions += 1
                        fingerprint = fingerprint &* 31 &+ Self.hash("\(mention.name)|\(mention.type)|\(mention.field)|\(mention.start)|\(mention.end)|\(mention.isAdjective)")
                    }
                }
            }
            extractionSeconds = min(extractionSeconds, seconds)
        }
        print("| articles | words | analysis s (baseline) | entities s | entities / analysis | words/s | mentions | fingerprint |")
        print("|---:|---:|---:|---:|---:|---:|---:|---|")
        print("| \(analyzed.count) | \(words) | \(Measurement.format(analysisSeconds, 2)) | \(Measurement.format(extractionSeconds, 2)) | "
              + "\(Measurement.format(extractionSeconds / analysisSeconds, 2))x | \(Int(Double(words) / extractionSeconds)) | \(mentions) | "
              + "\(String(fingerprint, radix: 16)) |")
        print("best of \(repeats) passes each, one thread; peak RSS \(Measurement.format(Measurement.peakRSSMegabytes(), 0)) MB")
    }

    /// FNV-1a over UTF-8: the same in every process (unlike `Hasher`).
    static func hash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }
}
