import Foundation

/// Timing and memory helpers.
enum Measurement {
    /// Seconds taken by `body`.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Peak resident set size of this process so far, in MB (VmHWM).
    static func peakRSSMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        return kilobytes / 1024
    }

    static func format(_ value: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }

    /// An article count as given on the command line: 10000, 100k, 1M.
    static func count(_ value: String) throws -> Int {
        guard let count = Int(value.replacingOccurrences(of: "k", with: "000").replacingOccurrences(of: "M", with: "000000")) else {
            throw BenchmarkError("--count takes a number such as 10000, 100k or 1M")
        }
        return count
    }
}
