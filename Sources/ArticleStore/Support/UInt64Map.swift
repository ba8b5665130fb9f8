/// A map from 64-bit hashes (``FNV1a`` values, already well spread) to values: open addressing
/// with linear probing, grown at half full. No `Hasher` per access, which made `Dictionary`
/// the largest cost of counting millions of term occurrences on the writer thread.
///
/// Key 0 is stored as 1: a hash that happens to be 0 shares a slot with one that is 1.
struct UInt64Map<Value> {
    private var keys: [UInt64]
    private var values: [Value?]
    private var mask: Int
    private(set) var count = 0

    init(minimumCapacity: Int = 0) {
        var capacity = 64
        while capacity < minimumCapacity * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Value?](repeating: nil, count: capacity)
        mask = capacity - 1
    }

    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        var index = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while keys[index] != 0 && keys[index] != key { index = (index + 1) & mask }
        return index
    }

    subscript(key: UInt64) -> Value? {
        let key = Self.stored(key)
        return values[slot(of: key)]
    }

    /// Changes the value of `key` (starting from `initial` when it has none).
    @inline(__always)
    mutating func update(_ key: UInt64, initial: Value, _ change: (inout Value) -> Void) {
        let key = Self.stored(key)
        var index = slot(of: key)
        if keys[index] == 0 {
            if (count + 1) * 2 > keys.count {
                grow()
                index = slot(of: key)
            }
            keys[index] = key
            values[index] = initial
            count += 1
        }
        change(&values[index]!)
    }

    mutating func set(_ key: UInt64, to value: Value) {
        update(key, initial: value) { $0 = value }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Value?](repeating: nil, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (index, key) in oldKeys.enumerated() where key != 0 {
            let slot = slot(of: key)
            keys[slot] = key
            values[slot] = oldValues[index]
        }
    }
}
