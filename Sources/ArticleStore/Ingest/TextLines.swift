/// Line handling shared by the parsers: BOM and line-ending tolerant, NBSP-aware.
enum TextLines {
    /// The lines of `text`, after dropping a leading BOM; `\r\n`, `\r` and `\n` all end a line.
    static func split(_ text: String) -> [Substring] {
        var text = text[...]
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        // "\r\n" is one Character in Swift, so isNewline covers all three endings.
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }

    /// True for a line that is empty or holds only white space (including U+00A0 and BOMs).
    static func isBlank<Line: StringProtocol>(_ line: Line) -> Bool {
        line.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0 == "\u{FEFF}" || $0 == "\u{200F}" || $0 == "\u{200E}" }
    }

    /// The line without leading and trailing white space.
    static func trim<Line: StringProtocol>(_ line: Line) -> String {
        let line = String(line)
        let scalars = line.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace || scalars[start] == "\u{FEFF}" {
            start = scalars.index(after: start)
        }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace {
            end = scalars.index(before: end)
        }
        return String(line[start..<end])
    }

    /// True when the line ends like a sentence (so it is a paragraph, not a heading).
    static func endsSentence<Line: StringProtocol>(_ line: Line) -> Bool {
        guard let last = trim(line).unicodeScalars.last else { return false }
        return [".", "!", "?", "؟", "…", "»", "\"", "”", "’", ")", "؛", ";", "،", ","].contains(last)
    }
}
