import Foundation

/// Test data in `../shared/` beside the package (read-only; CI provides it). Tests that need it
/// skip with a message when it is absent.
enum SharedData {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let directory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// Whether a file under `../shared/` is there: tests that need it carry
    /// `.enabled(if: SharedData.has(...))` and show as skipped without it.
    static func has(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(relativePath).path)
    }

    /// The rows of a TSV file under `../shared/arabic/`, or nil (with a printed note) when absent.
    static func arabicTSV(_ name: String) -> [[String]]? {
        let url = directory.appendingPathComponent("arabic").appendingPathComponent(name)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            print("skipping: \(url.path) is not available (the shared test data lives in ../shared)")
            return nil
        }
        return text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// A text file under `../shared/`, or nil (with a note) when absent.
    static func text(_ relativePath: String) -> String? {
        let url = directory.appendingPathComponent(relativePath)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            print("skipping: \(url.path) is not available (the shared test data lives in ../shared)")
            return nil
        }
        return text
    }
}
