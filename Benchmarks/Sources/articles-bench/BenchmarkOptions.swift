/// A benchmark's options, all of the form `--name value` and repeatable (`--count 10000 --count
/// 100k`); `--shared DIR` is always allowed (``SharedData`` reads it).
struct BenchmarkOptions {
    private var values: [String: [String]] = [:]

    init(_ arguments: [String], allowed: Set<String>) throws {
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            guard allowed.contains(name) || name == "--shared" else { throw BenchmarkError("unknown option \(name)") }
            guard index + 1 < arguments.count else { throw BenchmarkError("\(name) needs a value") }
            values[name, default: []].append(arguments[index + 1])
            index += 2
        }
    }

    /// Every value given for `name`, in order.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// The last value given for `name`.
    func last(_ name: String) -> String? { values[name]?.last }

    /// `--count` values (10000, 100k, 1M); `fallback` when none is given.
    func counts(default fallback: [Int]) throws -> [Int] {
        let counts = try all("--count").map(Measurement.count)
        return counts.isEmpty ? fallback : counts
    }

    /// `--seed`, 42 by default.
    var seed: UInt64 { last("--seed").flatMap { UInt64($0) } ?? 42 }
}
