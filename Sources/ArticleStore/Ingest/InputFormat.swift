/// The kinds of input ingest reads.
public enum InputFormat: String, Sendable, CaseIterable {
    /// An aggregator page saved as text.
    case page
    /// A JSON object or an array of objects (news-please, trafilatura).
    case json
    /// JSON Lines: one object per line.
    case jsonl

    /// The format a file's extension suggests, if it suggests one.
    static func fromExtension(_ path: String) -> InputFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".txt") || lower.hasSuffix(".text") { return .page }
        return nil
    }

    /// The format the content looks like: JSON when it starts with `{` or `[` (Lines when a
    /// second line starts another object), a page otherwise.
    static func sniff(_ bytes: some Collection<UInt8>) -> InputFormat {
        var iterator = bytes.makeIterator()
        var first: UInt8?
        while let byte = iterator.next() {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            if byte == 0xEF || byte == 0xBB || byte == 0xBF { continue } // BOM
            first = byte
            break
        }
        guard let first else { return .page }
        if first == UInt8(ascii: "[") { return .json }
        guard first == UInt8(ascii: "{") else { return .page }
        // A newline followed (after blanks) by `{` means JSON Lines.
        var sawNewline = false
        while let byte = iterator.next() {
            if byte == 0x0A { sawNewline = true; continue }
            if sawNewline {
                if byte == 0x20 || byte == 0x09 || byte == 0x0D { continue }
                if byte == UInt8(ascii: "{") { return .jsonl }
                sawNewline = false
            }
        }
        return .json
    }
}
