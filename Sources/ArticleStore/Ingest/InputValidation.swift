/// Checks that input bytes are text we can ingest: not empty, not binary, valid UTF-8.
enum InputValidation {
    /// Throws ``ArticleStoreError/invalidInput(_:)`` naming the problem (and the byte offset of
    /// invalid UTF-8); returns the decoded text otherwise.
    static func decode(_ bytes: [UInt8], name: String) throws -> String {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw ArticleStoreError.invalidInput("\(name): empty file")
        }
        if bytes.prefix(8192).contains(0) {
            throw ArticleStoreError.invalidInput("\(name): binary file (it contains NUL bytes), not text")
        }
        if let offset = firstInvalidUTF8Offset(bytes) {
            throw ArticleStoreError.invalidInput("\(name): invalid UTF-8 at byte \(offset)")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence, or nil.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            let length: Int
            var minimum: UInt32
            var value: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; minimum = 0x80; value = UInt32(byte & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; value = UInt32(byte & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; value = UInt32(byte & 0x07)
            default: return index
            }
            guard index + length <= count else { return index }
            for next in 1..<length {
                let continuation = bytes[index + next]
                guard continuation & 0xC0 == 0x80 else { return index }
                value = value << 6 | UInt32(continuation & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return index }
            minimum = 0
            index += length
        }
        return nil
    }
}
