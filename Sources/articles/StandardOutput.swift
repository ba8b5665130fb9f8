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

    /// The terminal's width in columns when stdout is a terminal (nil otherwise).
    static var terminalWidth: Int? {
        guard isTerminal else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
