import Foundation

/// Finds `../shared` (or `--shared DIR`) and reads the data sets in it.
struct SharedData {
    let directory: URL

    /// The package root (this file is Benchmarks/Sources/articles-bench/SharedData.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The package's sample pages.
    var seedsDirectory: URL { Self.packageRoot.appendingPathComponent("seeds") }

    init(arguments: [String]) throws {
        if let index = arguments.firstIndex(of: "--shared"), index + 1 < arguments.count {
            directory = URL(fileURLWithPath: arguments[index + 1])
        } else {
            directory = Self.packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        }
        guard FileManager.default.fileExists(atPath: directory.path) else {
            throw BenchmarkError("\(directory.path) not found: the shared data sets live in ../shared (or pass --shared DIR)")
        }
    }

    /// One ARCD paragraph with its article title and questions.
    struct ArcdParagraph {
        let title: String
        let context: String
        let questions: [String]
    }

    func arcd() throws -> [ArcdParagraph] {
        let url = directory.appendingPathComponent("bench/arcd/arcd.json")
        let data = try Data(contentsOf: url)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let articles = root["data"] as? [[String: Any]] else { throw BenchmarkError("\(url.path): not SQuAD JSON") }
        var paragraphs: [ArcdParagraph] = []
        for article in articles {
            let title = article["title"] as? String ?? ""
            for paragraph in article["paragraphs"] as? [[String: Any]] ?? [] {
                let questions = (paragraph["qas"] as? [[String: Any]] ?? []).compactMap { $0["question"] as? String }
                paragraphs.append(ArcdParagraph(title: title, context: paragraph["context"] as? String ?? "", questions: questions))
            }
        }
        return paragraphs
    }
}
