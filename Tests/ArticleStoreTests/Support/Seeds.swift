import Foundation

/// The sample pages in the package's `seeds/`.
enum Seeds {
    static let directory = packageRoot.appendingPathComponent("seeds")
    static let moscow = try! String(contentsOf: directory.appendingPathComponent("000_ff6f61f8a6d695f4.txt"), encoding: .utf8)
    static let araghchi = try! String(contentsOf: directory.appendingPathComponent("001_343e9cce6715faf7.txt"), encoding: .utf8)
}
