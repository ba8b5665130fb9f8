#if canImport(Glibc)
import Glibc
#endif

/// Buffered writes to stdout.
enum StandardOutput {
    static func write(_ text: String) {
        print(text, terminator: "")
    }

    /// True when stdout is a terminal.
    static var isTerminal: Bool { isatty(1) == 1 }
}
