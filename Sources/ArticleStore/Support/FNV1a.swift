/// 64-bit FNV-1a (http://www.isthe.com/chongo/tech/comp/fnv/), the hash the store computes over
/// bytes and scalars where it needs one that is fast, stable across runs and needs no
/// allocation: index fingerprints (stored, so the algorithm must not change), term and stem
/// hashes, surface hashes.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    mutating func add(_ element: UInt64) {
        value = (value ^ element) &* 0x0000_0100_0000_01b3
    }

    @inline(__always)
    mutating func add<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes { add(UInt64(byte)) }
    }

    @inline(__always)
    mutating func add<Scalars: Sequence>(scalars: Scalars) where Scalars.Element == Unicode.Scalar {
        for scalar in scalars { add(UInt64(scalar.value)) }
    }

    /// Adds the UTF-8 encoding of each scalar: the same value as ``add(bytes:)`` over the
    /// string they make, without making it.
    @inline(__always)
    mutating func add<Scalars: Sequence>(utf8Of scalars: Scalars) where Scalars.Element == Unicode.Scalar {
        for scalar in scalars {
            let value = UInt64(scalar.value)
            switch value {
            case 0..<0x80:
                add(value)
            case 0x80..<0x800:
                add(0xC0 | value >> 6)
                add(0x80 | value & 0x3F)
            case 0x800..<0x10000:
                add(0xE0 | value >> 12)
                add(0x80 | value >> 6 & 0x3F)
                add(0x80 | value & 0x3F)
            default:
                add(0xF0 | value >> 18)
                add(0x80 | value >> 12 & 0x3F)
                add(0x80 | value >> 6 & 0x3F)
                add(0x80 | value & 0x3F)
            }
        }
    }
}
