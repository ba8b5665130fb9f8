import Foundation

/// Reads a file (or stdin) as lines of bytes in fixed-size chunks, so memory stays bounded
/// whatever the file's size. Lines longer than a limit are reported, not buffered.
struct InputLineReader {
    enum Line {
        case text([UInt8], number: Int)
        case tooLong(bytes: Int, number: Int)
    }

    private let read: () -> [UInt8]
    private let limit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    private var lineNumber = 0
    private(set) var bytesRead = 0

    /// - Parameter prefix: bytes already read from `handle` (for format sniffing).
    init(handle: FileHandle, limit: Int, prefix: [UInt8] = []) {
        self.init(limit: limit, prefix: prefix) { [UInt8](handle.readData(ofLength: 1 << 16)) }
    }

    /// Lines from `read`, which returns the next chunk (empty at the end).
    init(limit: Int, prefix: [UInt8] = [], read: @escaping () -> [UInt8]) {
        self.read = read
        self.limit = limit
        self.buffer = prefix
        self.bytesRead = prefix.count
    }

    /// The index of the first line feed at or after `start` (memchr: the generic search cost
    /// more than the rest of reading).
    private static func firstNewline(in buffer: [UInt8], from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, let found = memchr(base + start, 0x0A, raw.count - start) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    /// The next line without its terminator, or nil at the end.
    mutating func next() -> Line? {
        var overflow = 0
        while true {
            if let newline = Self.firstNewline(in: buffer, from: start) {
                lineNumber += 1
                let line = Array(buffer[start..<newline])
                start = newline + 1
                if overflow > 0 { return .tooLong(bytes: overflow + line.count, number: lineNumber) }
                return .text(line.last == 0x0D ? Array(line.dropLast()) : line, number: lineNumber)
            }
            if buffer.count - start > limit {
                // Drop what we have of an over-long line and keep skipping to its end.
                overflow += buffer.count - start
                buffer.removeAll(keepingCapacity: true)
                start = 0
            }
            if finished {
                guard start < buffer.count || overflow > 0 else { return nil }
                lineNumber += 1
                let line = Array(buffer[start...])
                buffer.removeAll()
                start = 0
                if overflow > 0 { return .tooLong(bytes: overflow + line.count, number: lineNumber) }
                return .text(line, number: lineNumber)
            }
            let chunk = read()
            if chunk.isEmpty { finished = true; continue }
            bytesRead += chunk.count
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            buffer.append(contentsOf: chunk)
        }
    }
}
