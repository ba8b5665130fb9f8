import Foundation
import Testing

/// The store in other tools: Python's sqlite3, sqlite-utils and Datasette, through their Python
/// APIs (Tests/Interop/interop.py). Skipped with a message when they are not installed
/// (`pip install datasette sqlite-utils`).
@Suite("Interop: sqlite3, sqlite-utils, Datasette")
struct InteropTests {
    static let toolsInstalled: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import datasette, sqlite_utils"]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test("a store built from seeds/ works in sqlite3, sqlite-utils and Datasette",
          .enabled(if: toolsInstalled, "datasette and sqlite-utils are not installed (pip install datasette sqlite-utils)"))
    func tools() throws {
        let directory = try TemporaryDirectory()
        let db = try ArticlesBinary.seededDatabase(in: directory)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("Tests/Interop/interop.py").path, db]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("ok: ") }.count == 12, "\(text)")
    }

    @Test("sqlite-utils and Datasette change the store; every articles command then works or says what blocks it",
          .enabled(if: toolsInstalled, "datasette and sqlite-utils are not installed (pip install datasette sqlite-utils)"))
    func otherToolsChangeTheStore() throws {
        let directory = try TemporaryDirectory()
        let db = try ArticlesBinary.seededDatabase(in: directory)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("Tests/Interop/other_tools.py").path, db,
                             ArticlesBinary.url.path, packageRoot.appendingPathComponent("seeds").path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(!text.contains("FAIL"), "\(text)")
    }
}
