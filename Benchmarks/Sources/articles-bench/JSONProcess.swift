import Foundation

/// Runs a measuring process (a baseline, or this executable in a fresh process) that prints
/// one JSON object on stdout, and reads its numbers.
enum JSONProcess {
    /// The object's numeric fields; throws, naming `what`, when the process fails or prints
    /// something else.
    static func numbers(_ executable: URL, _ arguments: [String], what: String) throws -> [String: Double] {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw BenchmarkError("\(what) failed with status \(process.terminationStatus)")
        }
        return object.compactMapValues { ($0 as? NSNumber)?.doubleValue }
    }
}
