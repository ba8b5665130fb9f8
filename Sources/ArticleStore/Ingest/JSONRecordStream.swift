/// Splits JSON input into records without parsing it whole, so memory stays bounded whatever
/// the input's size: the elements of a top-level array, or a sequence of top-level objects
/// (one document, concatenated documents, or JSON Lines whatever their record length).
///
/// The split is structural (strings, escapes, brackets), so the format is decided by what the
/// input is, not by a window of its first bytes. Once a record has ended on a line of its own
/// and the next begins on a new line, the input is taken as line-delimited: a line feed at the
/// top of an unfinished record, or inside a string, ends that record as malformed and the next
/// line starts afresh, so one truncated line costs one record.
struct JSONRecordStream {
    enum Item {
        /// One record's bytes, with the line it starts on (1-based) and its ordinal.
        case record([UInt8], line: Int, index: Int)
        /// A record longer than the limit, skipped.
        case tooLong(bytes: Int, line: Int, index: Int)
        /// Bytes that are not a record (the message says what and where).
        case malformed(String, line: Int)
    }

    private let read: () -> [UInt8]
    private let limit: Int
    private var buffer: [UInt8]
    private var position = 0
    private var finished = false
    private var line = 1
    private var started = false
    private var inArray = false
    private var arrayClosed = false
    private var lineDelimited = false
    private var count = 0
    private(set) var bytesRead: Int

    /// - Parameters:
    ///   - prefix: bytes already read from the source.
    ///   - limit: the longest record kept, in bytes.
    ///   - read: the next chunk of the source; empty at its end.
    init(prefix: [UInt8], limit: Int, read: @escaping () -> [UInt8]) {
        self.read = read
        self.limit = limit
        buffer = prefix
        bytesRead = prefix.count
    }

    /// The byte at `position`, reading more as needed; nil at the end.
    private mutating func peek() -> UInt8? {
        while position >= buffer.count {
            if finished { return nil }
            // Drop what is consumed before growing the buffer.
            if position > 0 {
                buffer.removeFirst(position)
                position = 0
            }
            let chunk = read()
            if chunk.isEmpty {
                finished = true
                return nil
            }
            bytesRead += chunk.count
            buffer += chunk
        }
        return buffer[position]
    }

    private mutating func advance() -> UInt8? {
        guard let byte = peek() else { return nil }
        position += 1
        if byte == 0x0A { line += 1 }
        return byte
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// The next item, or nil at the end of the input.
    mutating func next() -> Item? {
        // Skip blanks, the byte-order mark, and in an array the commas between elements.
        var sawNewline = false
        while let byte = peek() {
            if Self.isSpace(byte) || byte == 0xEF || byte == 0xBB || byte == 0xBF || (inArray && byte == UInt8(ascii: ",")) {
                if byte == 0x0A { sawNewline = true }
                _ = advance()
                continue
            }
            break
        }
        guard let first = peek() else {
            if inArray && !arrayClosed { return .malformed("the array is not closed (no ])", line: line) }
            return nil
        }
        if !started {
            started = true
            if first == UInt8(ascii: "[") {
                inArray = true
                _ = advance()
                return next()
            }
        } else if count == 1 && !inArray && sawNewline && !lineDelimited {
            lineDelimited = true
        }
        if inArray && first == UInt8(ascii: "]") {
            _ = advance()
            arrayClosed = true
            inArray = false
            // Anything after the closing bracket is not part of the document.
            while let byte = peek(), Self.isSpace(byte) { _ = advance() }
            if peek() != nil {
                let at = line
                while advance() != nil {}
                return .malformed("text after the end of the JSON array", line: at)
            }
            return nil
        }
        return record(startingWith: first)
    }

    private mutating func record(startingWith first: UInt8) -> Item {
        let startLine = line
        count += 1
        let index = count
        var bytes: [UInt8] = []
        var size = 0
        var depth = 0
        var inString = false
        var escaped = false
        var sawNewlineInside = false
        func keep(_ byte: UInt8) {
            size += 1
            if size <= limit { bytes.append(byte) }
        }
        // A scalar (number, string, literal) at the top: one token.
        if first != UInt8(ascii: "{") && first != UInt8(ascii: "[") {
            while let byte = peek(), !(Self.isSpace(byte) || (inArray && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]")))) {
                keep(byte)
                _ = advance()
                if byte == UInt8(ascii: "\"") {
                    // A whole string, escapes included.
                    while let inner = advance() {
                        keep(inner)
                        if escaped { escaped = false } else if inner == UInt8(ascii: "\\") { escaped = true } else if inner == UInt8(ascii: "\"") { break }
                        if inner == 0x0A { break }
                    }
                }
            }
            return size > limit ? .tooLong(bytes: size, line: startLine, index: index) : .record(bytes, line: startLine, index: index)
        }
        while let byte = peek() {
            if byte == 0x0A && (inString || (lineDelimited && depth > 0)) {
                // A record cut short on its line: it ends here, the next line starts afresh.
                return .malformed("record \(index) is not complete on its line (a missing quote or bracket)", line: startLine)
            }
            _ = advance()
            if byte == 0x0A { sawNewlineInside = true }
            keep(byte)
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 {
                    if sawNewlineInside && count == 1 { lineDelimited = false }
                    return size > limit ? .tooLong(bytes: size, line: startLine, index: index) : .record(bytes, line: startLine, index: index)
                }
            default: break
            }
        }
        return .malformed("record \(index) ends before its closing bracket (the input is cut short)", line: startLine)
    }
}
