import Foundation

/// The real-news development days (../shared/corpora/saudinewsnet-dev: JSON arrays in zips),
/// read with `unzip -p`.
struct RealNews {
    struct Article {
        let source: String
        let url: String
        let title: String
        let content: String
    }

    /// Every article of every day, in file order; throws when the folder is absent.
    static func articles(shared: SharedData) throws -> [Article] {
        let directory = shared.directory.appendingPathComponent("corpora/saudinewsnet-dev")
        let days = (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.filter { $0.hasSuffix(".zip") }.sorted() ?? []
        guard !days.isEmpty else { throw BenchmarkError("\(directory.path): no real-news days found") }
        var result: [Article] = []
        for day in days {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["unzip", "-p", directory.appendingPathComponent(day).path]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0, let array = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
                throw BenchmarkError("\(day): unzip failed or not a JSON array")
            }
            for object in array {
                result.append(Article(source: object["source"] as? String ?? "", url: object["url"] as? String ?? "",
                                      title: object["title"] as? String ?? "", content: object["content"] as? String ?? ""))
            }
        }
        return result
    }
}
