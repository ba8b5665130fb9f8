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

    /// Writes `count` real articles as news-please JSON Lines (title, maintext, url,
    /// source_domain): the dev days in order, then, past their number, copies with a new URL
    /// and their paragraphs in another order (a deterministic shuffle per copy), so that no two
    /// copies are duplicates of each other. Returns the bytes of title and body text written.
    static func write(count: Int, shared: SharedData, to path: String) throws -> Int {
        let base = try articles(shared: shared).filter { !$0.content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw BenchmarkError("cannot write \(path)") }
        defer { try? handle.close() }
        var buffer = Data()
        var bytes = 0
        for index in 0..<count {
            let article = base[index % base.count]
            let copy = index / base.count
            var body = article.content
            var url = article.url
            if copy > 0 {
                var paragraphs = body.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
                var state = UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15 | 1
                for position in stride(from: paragraphs.count - 1, to: 0, by: -1) {
                    state ^= state << 13; state ^= state >> 7; state ^= state << 17
                    paragraphs.swapAt(position, Int(state % UInt64(position + 1)))
                }
                if paragraphs.count < 2 { paragraphs.append("نسخة \(copy)") }
                body = paragraphs.joined(separator: "\n")
                url += (url.contains("?") ? "&" : "?") + "copy=\(copy)"
            }
            bytes += article.title.utf8.count + body.utf8.count
            let object: [String: Any] = ["title": article.title, "maintext": body, "url": url,
                                         "source_domain": URL(string: article.url)?.host ?? article.source]
            buffer.append(try JSONSerialization.data(withJSONObject: object))
            buffer.append(0x0A)
            if buffer.count > 1 << 20 {
                handle.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(buffer)
        return bytes
    }

    /// Title and body of each line of a JSON Lines file written by ``write(count:shared:to:)``.
    static func read(_ path: String) throws -> [(title: String, body: String)] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try data.split(separator: 0x0A).map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] ?? [:]
            return (object["title"] as? String ?? "", object["maintext"] as? String ?? "")
        }
    }
}
