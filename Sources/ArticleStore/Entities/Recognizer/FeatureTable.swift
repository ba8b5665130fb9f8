/// An open-addressing hash table from feature keys to weight rows: the model's features, looked
/// up tens of times per word, without `Dictionary`'s hashing and bridging overhead.
struct FeatureTable: Sendable {
    private let slots: [UInt64]
    private let rows: [Int32]
    private let mask: Int

    /// A table of `keys` (distinct, never 0); key `i` maps to row `i`.
    init(keys: [UInt64]) {
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        var slots = [UInt64](repeating: 0, count: capacity)
        var rows = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        for (row, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: key) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = key
            rows[slot] = Int32(row)
        }
        self.slots = slots
        self.rows = rows
        self.mask = mask
    }

    /// The row of `key`, or -1.
    @inline(__always)
    func row(_ key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: key) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let found = slots[slot]
                if found == key { return Int(rows[slot]) }
                if found == 0 { return -1 }
                slot = (slot + 1) & mask
            }
        }
    }
}
