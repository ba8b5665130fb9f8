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

/// A set of words held as scalars in an open-addressing table with FNV-1a hashing, so
/// membership tests on the analyzer's scalar buffers need neither a `String` (whose hashing
/// normalizes non-ASCII text) nor `Hasher` (seeded per call) nor a copy of the slice.
final class ScalarWordSet: Sendable {
    private let scalars: [UInt32]
    /// Per slot: 0 when empty, else 1 + index of the word's entry.
    private let slots: [Int32]
    /// Per word: start in `scalars`, length, full hash.
    private let entries: [(start: Int32, length: Int32, hash: UInt64)]
    private let mask: Int
    private let maximumLength: Int

    init<Words: Sequence>(_ words: Words) where Words.Element == String {
        var scalars: [UInt32] = []
        var entries: [(Int32, Int32, UInt64)] = []
        var seen = Set<String>()
        var maximumLength = 0
        for word in words where seen.insert(word).inserted {
            let values = word.unicodeScalars.map(\.value)
            entries.append((Int32(scalars.count), Int32(values.count), Self.hash(values[...])))
            scalars += values
            maximumLength = max(maximumLength, values.count)
        }
        var capacity = 16
        while capacity < entries.count * 3 { capacity *= 2 }
        var slots = [Int32](repeating: 0, count: capacity)
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.2) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(index + 1)
        }
        self.scalars = scalars
        self.slots = slots
        self.entries = entries
        self.mask = capacity - 1
        self.maximumLength = maximumLength
    }

    @inline(__always)
    private static func hash<Values: Collection>(_ values: Values) -> UInt64 where Values.Element == UInt32 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for value in values {
            hash = (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3
        }
        return hash ^ (hash >> 29)
    }

    func contains(_ word: [Unicode.Scalar]) -> Bool { contains(word[...]) }

    func contains(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        guard word.count <= maximumLength, !word.isEmpty else { return false }
        let hash = Self.hash(word.lazy.map(\.value))
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return false }
            let candidate = entries[Int(entry) - 1]
            if candidate.hash == hash, Int(candidate.length) == word.count {
                var equal = true
                var index = Int(candidate.start)
                for scalar in word {
                    if scalars[index] != scalar.value { equal = false; break }
                    index += 1
                }
                if equal { return true }
            }
            slot = (slot + 1) & mask
        }
    }
}

/// Builds a string of space-separated words from scalars, encoding UTF-8 into one buffer.
struct UTF8Builder {
    private var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Appends a word, with a space before it unless it is the first.
    mutating func appendWord(_ word: ArraySlice<Unicode.Scalar>) {
        if !bytes.isEmpty { bytes.append(0x20) }
        for scalar in word {
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
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
