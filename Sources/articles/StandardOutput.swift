#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// Buffered writes to stdout.
enum StandardOutput {
    static func write(_ text: String) {
        print(text, terminator: "")
    }

    /// True when stdout is a terminal.
    static var isTerminal: Bool { isatty(1) == 1 }
}
