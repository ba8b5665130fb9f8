/// A MinHash signature of a text's analyzed words: 64 minimums of independent hash functions
/// over its 3-word shingles (single words for texts of fewer than three). The share of equal
/// minimums between two signatures estimates the Jaccard similarity of their shingle sets
/// (Broder 1997); 8 bands of 8 minimums give the LSH keys that find candidates.
package struct MinHashSignature: Sendable, Equatable {
    package static let size = 64
    package static let bands = 8
    static let rowsPerBand = size / bands

    /// The minimums.
    package let values: [UInt32]

    init(values: [UInt32]) { self.values = values }

    /// The signature of space-separated analyzed terms (what the store indexes as `body_terms`).
    package init(terms: String) {
        // FNV-1a of each space-separated word's UTF-8, read straight from the string's storage.
        var wordHashes: [UInt64] = []
        wordHashes.reserveCapacity(terms.utf8.count / 5)
        var text = terms
        text.withUTF8 { bytes in
            var hash: UInt64 = Self.fnvBasis
            var inWord = false
            for byte in bytes {
                if byte == 0x20 {
                    if inWord { wordHashes.append(Self.mix(hash)) }
                    hash = Self.fnvBasis
                    inWord = false
                } else {
                    hash = (hash ^ UInt64(byte)) &* Self.fnvPrime
                    inWord = true
                }
            }
            if inWord { wordHashes.append(Self.mix(hash)) }
        }
        var shingles: [UInt64]
        if wordHashes.count < 3 {
            shingles = wordHashes
        } else {
            shingles = []
            shingles.reserveCapacity(wordHashes.count - 2)
            for index in 0..<(wordHashes.count - 2) {
                shingles.append(Self.mix(wordHashes[index] &* 31 &+ wordHashes[index + 1] &* 17 &+ wordHashes[index + 2]))
            }
        }
        // 64 hash functions over every shingle: the hot loop, on raw buffers.
        var minimums = [UInt32](repeating: .max, count: Self.size)
        Self.seeds.withUnsafeBufferPointer { seeds in
            minimums.withUnsafeMutableBufferPointer { minimums in
                for shingle in shingles {
                    for index in 0..<Self.size {
                        let value = UInt32(truncatingIfNeeded: Self.mix(shingle ^ seeds[index]) >> 32)
                        minimums[index] = min(minimums[index], value)
                    }
                }
            }
        }
        values = minimums
    }

    private static let fnvBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    /// Estimated Jaccard similarity (0...1).
    package func similarity(to other: MinHashSignature) -> Double {
        let equal = zip(values, other.values).filter { $0 == $1 && $0 != .max }.count
        return Double(equal) / Double(Self.size)
    }

    /// The LSH band keys (one per band), as signed 64-bit integers for SQLite.
    package var bandKeys: [Int64] {
        (0..<Self.bands).map { band in
            var hash: UInt64 = Self.mix(UInt64(band) &+ 0x9E37_79B9_7F4A_7C15)
            for value in values[(band * Self.rowsPerBand)..<((band + 1) * Self.rowsPerBand)] {
                hash = Self.mix(hash ^ UInt64(value))
            }
            return Int64(bitPattern: hash)
        }
    }

    /// Little-endian bytes, for storage.
    package var bytes: [UInt8] {
        values.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
    }

    package init?(bytes: [UInt8]) {
        guard bytes.count == Self.size * 4 else { return nil }
        values = (0..<Self.size).map { index in
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[index * 4 + $1]) << (8 * $1) }
        }
    }

    /// Whether the text had any words.
    package var isEmpty: Bool { values.allSatisfy { $0 == .max } }

    private static let seeds: [UInt64] = (0..<size).map { mix(UInt64($0) &* 0xA076_1D64_78BD_642F &+ 0xE703_7ED1_A0B4_28DB) }

    /// SplitMix64 finalizer: a fast, well-mixing 64-bit hash step.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
