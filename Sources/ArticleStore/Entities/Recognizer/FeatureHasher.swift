/// FNV-1a over 32-bit values: the key of one feature (a template number and the letters or
/// values it looks at). Keys are never 0 (0 marks an empty slot in ``FeatureTable``).
@_spi(Training)
public struct FeatureHasher: Sendable {
    private var state: UInt64

    /// A key for template `template`.
    @inline(__always)
    public init(_ template: UInt32) {
        state = 0xcbf2_9ce4_8422_2325
        combine(template)
    }

    @inline(__always)
    public mutating func combine(_ value: UInt32) {
        state = (state ^ UInt64(value)) &* 0x0000_0100_0000_01b3
    }

    @inline(__always)
    public mutating func combine(_ scalars: ArraySlice<Unicode.Scalar>) {
        for scalar in scalars { combine(scalar.value) }
        combine(0xFFFF_FFFF)
    }

    /// The key, mixed so that its low bits index a table well.
    @inline(__always)
    public var key: UInt64 {
        var x = state
        x ^= x >> 33
        x = x &* 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        return x == 0 ? 1 : x
    }
}
