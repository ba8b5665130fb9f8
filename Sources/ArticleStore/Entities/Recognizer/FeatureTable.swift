/// An open-addressing hash table from feature keys to weight rows: the model's features, looked
/// up tens of times per word, without `Dictionary`'s hashing and bridging overhead.
struct FeatureTable: Sendable {
    /// Key and row side by side: one cache line answers a probe.
    private struct Slot { var key: UInt64; var row: Int64 }
    private let slots: [Slot]
    private let mask: Int

    /// A table of `keys` (distinct, never 0); key `i` maps to row `i`.
    init(keys: [UInt64]) {
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        var slots = [Slot](repeating: Slot(key: 0, row: -1), count: capacity)
        let mask = capacity - 1
        for (row, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: key) & mask
            while slots[slot].key != 0 { slot = (slot + 1) & mask }
            slots[slot] = Slot(key: key, row: Int64(row))
        }
        self.slots = slots
        self.mask = mask
    }

    /// The row of `key`, or -1.
    @inline(__always)
    func row(_ key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: key) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let found = slots[slot]
                if found.key == key { return Int(found.row) }
                if found.key == 0 { return -1 }
                slot = (slot + 1) & mask
            }
        }
    }
}
