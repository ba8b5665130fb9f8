/// An open-addressing hash table from feature keys to weight rows: the model's features, looked
/// up tens of times per word, without `Dictionary`'s hashing and bridging overhead.
///
/// A lookup is mostly waiting for memory, so the table is small and read many keys at a time.
/// A slot is 8 bytes: the key's upper 40 bits and its row plus one (0: empty), so the table of
/// the shipped model (48k features) is 1 MB, half of what key and row side by side took. A key
/// that is not in the table is taken for one that is only when their upper 40 bits agree and it
/// probes that slot: about one lookup in 10^12, less likely than two features sharing a 64-bit
/// key in the first place. ``rows(of:into:missing:)`` first loads every key's home slot in a
/// loop without branches, so the processor has many loads in flight instead of one, then
/// resolves the few keys that need a longer probe.
struct FeatureTable: Sendable {
    private static let rowBits = 24
    private static let tagMask: UInt64 = ~((1 << UInt64(rowBits)) - 1)
    private let slots: [UInt64]
    private let mask: Int

    /// A table of `keys` (distinct, never 0, fewer than 2^24); key `i` maps to row `i`.
    init(keys: [UInt64]) {
        precondition(keys.count < 1 << Self.rowBits - 1)
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        var slots = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (row, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: key) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = key & Self.tagMask | UInt64(row + 1)
        }
        self.slots = slots
        self.mask = mask
    }

    /// The row of `key`, or -1.
    @inline(__always)
    func row(_ key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: key) & mask
        let tag = key & Self.tagMask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let found = slots[slot]
                if found == 0 { return -1 }
                if found & Self.tagMask == tag { return Int(found & ~Self.tagMask) - 1 }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The row of every key of `keys` into `rows` (same count), `missing` for a key not in the
    /// table: the same answers as ``row(_:)``, many loads at a time.
    func rows(of keys: UnsafeBufferPointer<UInt64>, into rows: UnsafeMutableBufferPointer<Int32>, missing: Int32) {
        precondition(rows.count >= keys.count)
        slots.withUnsafeBufferPointer { slots in
            // Home slots only, selected with masks rather than branches (a branch per key,
            // found or not about half the time each way, would be mispredicted and stop the
            // loads overlapping): found, certainly absent, or -1 to probe on.
            for index in keys.indices {
                let key = keys[index]
                let found = slots[Int(truncatingIfNeeded: key) & mask]
                let isMatch = Int32(truncatingIfNeeded: found != 0 && (found ^ key) & Self.tagMask == 0 ? 1 : 0)
                let isEmpty = Int32(truncatingIfNeeded: found == 0 ? 1 : 0)
                let absent = (missing & (0 &- isEmpty)) | (-1 & ~(0 &- isEmpty))
                let matchMask = 0 &- isMatch
                rows[index] = ((Int32(truncatingIfNeeded: found & ~Self.tagMask) &- 1) & matchMask) | (absent & ~matchMask)
            }
            for index in keys.indices where rows[index] == -1 {
                let key = keys[index]
                let tag = key & Self.tagMask
                var slot = (Int(truncatingIfNeeded: key) + 1) & mask
                while true {
                    let found = slots[slot]
                    if found == 0 { rows[index] = missing; break }
                    if found & Self.tagMask == tag { rows[index] = Int32(truncatingIfNeeded: found & ~Self.tagMask) - 1; break }
                    slot = (slot + 1) & mask
                }
            }
        }
    }
}
