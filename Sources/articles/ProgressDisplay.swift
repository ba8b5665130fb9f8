import ArticleStore
import Foundation

/// Ingest progress on stderr: a bar with percentage, rate and ETA redrawn in place on a
/// terminal; a plain line every few seconds otherwise; nothing with --quiet. Thread-safe: the
/// interrupt handler reads the last progress from another thread.
final class ProgressDisplay: @unchecked Sendable {
    enum Mode { case inPlace, lines, silent }

    private let mode: Mode
    private let lock = NSLock()
    private var last: IngestProgress?
    private var lastLine = Date.distantPast
    private var drawn = false

    init(mode: Mode) { self.mode = mode }

    func update(_ progress: IngestProgress) {
        lock.lock()
        defer { lock.unlock() }
        last = progress
        switch mode {
        case .silent: return
        case .inPlace:
            StandardError.write("\r\u{1B}[K" + Self.line(progress, bar: true))
            drawn = true
        case .lines:
            let now = Date()
            guard now.timeIntervalSince(lastLine) >= 5 else { return }
            lastLine = now
            StandardError.write(Self.line(progress, bar: false) + "\n")
        }
    }

    /// Clears the in-place line at the end of the run.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { StandardError.write("\r\u{1B}[K") }
        drawn = false
    }

    /// What to say when the user interrupts the run.
    func interruptMessage() -> String {
        lock.lock()
        defer { lock.unlock() }
        let committed = last?.committed ?? 0
        return (drawn ? "\r\u{1B}[K" : "") + "interrupted: \(committed) article\(committed == 1 ? "" : "s") from this run are stored "
            + "(the batch in progress was not); run the same command again to continue: stored articles are skipped\n"
    }

    /// `[#####.....]  45%  12.3/27.1 MB  585 articles/s  ETA 25 s` (the bar on a terminal only).
    static func line(_ progress: IngestProgress, bar: Bool) -> String {
        var parts: [String] = []
        if let fraction = progress.fraction {
            if bar {
                let width = 24
                let filled = Int((fraction * Double(width)).rounded(.down))
                parts.append("[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]")
            }
            parts.append(String(format: "%3.0f%%", fraction * 100))
            parts.append(String(format: "%.1f/%.1f MB", Double(progress.bytes) / 1_048_576, Double(progress.bytesTotal ?? 0) / 1_048_576))
        } else {
            parts.append(String(format: "%.1f MB", Double(progress.bytes) / 1_048_576))
        }
        let rate = progress.seconds > 0 ? Double(progress.added + progress.duplicates) / progress.seconds : 0
        parts.append("\(progress.added) added")
        if progress.duplicates > 0 { parts.append("\(progress.duplicates) duplicates") }
        if progress.failed > 0 { parts.append("\(progress.failed) failed") }
        parts.append(String(format: "%.0f articles/s", rate))
        if let left = progress.secondsLeft { parts.append(left >= 60 ? String(format: "ETA %.0f min", left / 60) : String(format: "ETA %.0f s", left)) }
        return parts.joined(separator: "  ")
    }
}
