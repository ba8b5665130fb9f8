/// A normalized word compared and hashed by its UTF-8 bytes. Analyzer output is already in one
/// normal form, so byte equality is word equality, and it skips the Unicode normalization that
/// `String`'s own `==` and hashing do for every non-ASCII comparison (most of extraction's time).
struct WordKey: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: WordKey, rhs: WordKey) -> Bool {
        let (a, b) = (lhs.text.utf8, rhs.text.utf8)
        guard a.count == b.count else { return false }
        let fast = a.withContiguousStorageIfAvailable { left in
            b.withContiguousStorageIfAvailable { right in left.elementsEqual(right) }
        }
        return (fast ?? nil) ?? a.elementsEqual(b)
    }

    func hash(into hasher: inout Hasher) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if done == nil {
            var copy = text
            copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}

/// A set of normalized words with byte-wise membership (see ``WordKey``).
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private var keys: Set<WordKey>

    init(arrayLiteral elements: String...) { keys = Set(elements.map(WordKey.init)) }

    init<Words: Sequence>(_ words: Words) where Words.Element == String { keys = Set(words.map(WordKey.init)) }

    func contains(_ word: String) -> Bool { keys.contains(WordKey(word)) }

    func union(_ other: WordSet) -> WordSet {
        var result = self
        result.keys.formUnion(other.keys)
        return result
    }
}
