/// FNV-1a over 32-bit values: the key of one feature (a template number and the letters or
/// values it looks at). Keys are never 0 (0 marks an empty slot in ``FeatureTable``).
package struct FeatureHasher: Sendable {
    private var state: UInt64

    /// A key for template `template`.
    @inline(__always)
    package init(_ template: UInt32) {
        state = 0xcbf2_9ce4_8422_2325
        combine(template)
    }

    @inline(__always)
    package mutating func combine(_ value: UInt32) {
        state = (state ^ UInt64(value)) &* 0x0000_0100_0000_01b3
    }

    @inline(__always)
    package mutating func combine(_ scalars: ArraySlice<Unicode.Scalar>) {
        for scalar in scalars { combine(scalar.value) }
        combine(0xFFFF_FFFF)
    }

    /// The key of template `template` over one precomputed value (a word's hash).
    @inline(__always)
    package static func key(_ template: UInt32, _ value: UInt64) -> UInt64 {
        var hasher = FeatureHasher(template)
        hasher.combine(UInt32(truncatingIfNeeded: value))
        hasher.combine(UInt32(truncatingIfNeeded: value >> 32))
        return hasher.key
    }

    /// The key of template `template` over two precomputed values (a word pair).
    @inline(__always)
    package static func key(_ template: UInt32, _ first: UInt64, _ second: UInt64) -> UInt64 {
        var hasher = FeatureHasher(template)
        hasher.combine(UInt32(truncatingIfNeeded: first))
        hasher.combine(UInt32(truncatingIfNeeded: first >> 32))
        hasher.combine(UInt32(truncatingIfNeeded: second))
        hasher.combine(UInt32(truncatingIfNeeded: second >> 32))
        return hasher.key
    }

    /// The hash of a letter sequence, to combine into keys with ``key(_:_:)``.
    @inline(__always)
    package static func hash(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var hasher = FeatureHasher(0xABCD)
        hasher.combine(scalars)
        return hasher.state
    }

    /// The key, mixed so that its low bits index a table well.
    @inline(__always)
    package var key: UInt64 {
        var x = state
        x ^= x >> 33
        x = x &* 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        return x == 0 ? 1 : x
    }
}
