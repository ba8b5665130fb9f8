/// 64-bit FNV-1a hashes of index terms (over their UTF-8 bytes), for counting document
/// frequencies without a string per term. Two different terms share a hash with odds of about
/// one in 2^64 per pair.
enum TermHash {
    static func of(_ term: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in term.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    /// The distinct terms of index texts (terms separated by spaces or line breaks), hashed,
    /// in ascending order.
    static func distinct(_ texts: [String]) -> [UInt64] {
        var hashes: [UInt64] = []
        for text in texts {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            var inTerm = false
            for byte in text.utf8 {
                if byte == 0x20 || byte == 0x0A {
                    if inTerm { hashes.append(hash) }
                    hash = 0xcbf2_9ce4_8422_2325
                    inTerm = false
                } else {
                    hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                    inTerm = true
                }
            }
            if inTerm { hashes.append(hash) }
        }
        hashes.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(hashes.count)
        for hash in hashes where unique.last != hash { unique.append(hash) }
        return unique
    }
}
