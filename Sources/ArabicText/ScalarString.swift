/// Fast conversions between Unicode scalars and `String` for the analyzer's hot path.
///
/// `String.UnicodeScalarView.append(contentsOf:)` goes through a slow, validating path; words
/// here are already valid scalars, so they are encoded straight into the string's UTF-8 storage.
enum ScalarString {
    /// A string of `scalars`.
    static func make<Scalars: Collection>(_ scalars: Scalars) -> String where Scalars.Element == Unicode.Scalar {
        var byteCount = 0
        for scalar in scalars { byteCount += UTF8.width(scalar) }
        guard byteCount > 0 else { return "" }
        return String(unsafeUninitializedCapacity: byteCount) { buffer in
            var index = 0
            for scalar in scalars {
                let value = scalar.value
                switch value {
                case 0..<0x80:
                    buffer[index] = UInt8(value)
                    index += 1
                case 0x80..<0x800:
                    buffer[index] = UInt8(0xC0 | (value >> 6))
                    buffer[index + 1] = UInt8(0x80 | (value & 0x3F))
                    index += 2
                case 0x800..<0x10000:
                    buffer[index] = UInt8(0xE0 | (value >> 12))
                    buffer[index + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
                    buffer[index + 2] = UInt8(0x80 | (value & 0x3F))
                    index += 3
                default:
                    buffer[index] = UInt8(0xF0 | (value >> 18))
                    buffer[index + 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
                    buffer[index + 2] = UInt8(0x80 | ((value >> 6) & 0x3F))
                    buffer[index + 3] = UInt8(0x80 | (value & 0x3F))
                    index += 4
                }
            }
            return index
        }
    }
}

/// Builds a string of space-separated words from scalars, encoding UTF-8 into one buffer.
package struct UTF8Builder {
    private var bytes: [UInt8] = []

    package init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Whether nothing was appended yet.
    package var isEmpty: Bool { bytes.isEmpty }

    /// Empties it, keeping its storage for the next string.
    package mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Appends a word, with a space before it unless it is the first.
    package mutating func appendWord<Word: Collection>(_ word: Word) where Word.Element == Unicode.Scalar {
        if !bytes.isEmpty { bytes.append(0x20) }
        for scalar in word { append(scalar) }
    }

    /// ``appendWord(_:)`` for a slice of scalars, not generic: callers in other modules get this
    /// compiled code instead of the generic one (which walked the slice through witness tables).
    package mutating func appendWord(_ word: ArraySlice<Unicode.Scalar>) {
        if !bytes.isEmpty { bytes.append(0x20) }
        word.withUnsafeBufferPointer { scalars in
            for scalar in scalars { append(scalar) }
        }
    }

    /// Appends one scalar as UTF-8.
    @inline(__always)
    package mutating func append(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x80 {
            bytes.append(UInt8(value))
        } else if value < 0x800 {
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        } else if value < 0x10000 {
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        } else {
            bytes.append(UInt8(0xF0 | (value >> 18)))
            bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    package var string: String { String(decoding: bytes, as: UTF8.self) }
}
