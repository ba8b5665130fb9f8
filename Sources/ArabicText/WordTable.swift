/// A fixed table of words, each with a dense index (0, 1, 2 … in the order given), looked up
/// straight from Unicode-scalar slices such as the analyzer's buffers: no `String` is built,
/// nothing is copied, and hashing is FNV-1a over the scalar values (not `Hasher`, which is
/// seeded per process and slower on short keys). Open addressing with linear probing.
///
/// ```swift
/// let roles = WordTable(["وزير", "رئيس"])
/// roles.index(of: Array("رئيس".unicodeScalars)[...])           // 1
/// roles.index(of: Array("ير".unicodeScalars)[...], after: Array("وز".unicodeScalars))  // 0
/// ```
public final class WordTable: Sendable {
    private let scalars: [UInt32]
    /// Per slot: 0 when empty, else 1 + index of the word.
    private let slots: [Int32]
    /// Per word: start in `scalars`, length, full hash.
    private let entries: [(start: Int32, length: Int32, hash: UInt64)]
    private let mask: Int
    private let maximumLength: Int

    /// A table of `words`; a repeated word keeps the index of its first occurrence, and later
    /// copies get no index of their own (so indices stay dense).
    public init<Words: Sequence>(_ words: Words) where Words.Element == String {
        var scalars: [UInt32] = []
        var entries: [(Int32, Int32, UInt64)] = []
        var seen = Set<String>()
        var maximumLength = 0
        for word in words where seen.insert(word).inserted {
            let values = word.unicodeScalars.map(\.value)
            var hash = Self.offsetBasis
            for value in values { Self.combine(&hash, value) }
            entries.append((Int32(scalars.count), Int32(values.count), Self.finish(hash)))
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

    /// How many distinct words the table holds.
    public var count: Int { entries.count }

    /// The word at `index`.
    public func word(at index: Int) -> String {
        let entry = entries[index]
        return ScalarString.make(scalars[Int(entry.start)..<Int(entry.start + entry.length)].lazy.map { Unicode.Scalar($0)! })
    }

    /// The index of `word`, or nil.
    public func index(of word: ArraySlice<Unicode.Scalar>) -> Int? { find(EmptyCollection(), word) }

    /// The index of `word`, or nil.
    public func index(of word: UnsafeBufferPointer<Unicode.Scalar>) -> Int? { find(EmptyCollection(), word) }

    /// Whether the table holds `word`.
    public func contains(_ word: UnsafeBufferPointer<Unicode.Scalar>) -> Bool { find(EmptyCollection(), word) != nil }

    /// The index of the word spelled `prefix` followed by `word`, or nil.
    public func index(of word: ArraySlice<Unicode.Scalar>, after prefix: [Unicode.Scalar]) -> Int? { find(prefix, word) }

    /// The one lookup: hashes `prefix` then `word` as one word, probes, compares.
    private func find<Prefix: Collection, Word: Collection>(_ prefix: Prefix, _ word: Word) -> Int?
    where Prefix.Element == Unicode.Scalar, Word.Element == Unicode.Scalar {
        let length = prefix.count + word.count
        guard length <= maximumLength, length > 0 else { return nil }
        var hash = Self.offsetBasis
        for scalar in prefix { Self.combine(&hash, scalar.value) }
        for scalar in word { Self.combine(&hash, scalar.value) }
        hash = Self.finish(hash)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            let candidate = entries[Int(entry) - 1]
            if candidate.hash == hash, Int(candidate.length) == length {
                var index = Int(candidate.start)
                var equal = true
                for scalar in prefix where equal {
                    equal = scalars[index] == scalar.value
                    index += 1
                }
                for scalar in word where equal {
                    equal = scalars[index] == scalar.value
                    index += 1
                }
                if equal { return Int(entry) - 1 }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The index of `word`, or nil.
    public func index(of word: String) -> Int? {
        index(of: Array(word.unicodeScalars)[...])
    }

    /// Whether the table holds `word`.
    public func contains(_ word: ArraySlice<Unicode.Scalar>) -> Bool { index(of: word) != nil }

    /// Whether the table holds `word`.
    public func contains(_ word: [Unicode.Scalar]) -> Bool { index(of: word[...]) != nil }

    private static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    private static func combine(_ hash: inout UInt64, _ value: UInt32) {
        hash = (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3
    }

    @inline(__always)
    private static func finish(_ hash: UInt64) -> UInt64 { hash ^ (hash >> 29) }
}
