/// 64-bit FNV-1a hashes (``FNV1a``) of index terms (over their UTF-8 bytes), for counting document
/// frequencies without a string per term. Two different terms share a hash with odds of about
/// one in 2^64 per pair.
enum TermHash {
    static func of(_ term: String) -> UInt64 {
        var hash = FNV1a()
        hash.add(bytes: term.utf8)
        return hash.value
    }

    /// ``of(_:)`` of the term these scalars spell, without making the string.
    static func of<Scalars: Sequence>(scalars: Scalars) -> UInt64 where Scalars.Element == Unicode.Scalar {
        var hash = FNV1a()
        hash.add(utf8Of: scalars)
        return hash.value
    }

    /// The distinct terms of index texts (terms separated by spaces or line breaks), hashed,
    /// in ascending order.
    static func distinct(_ texts: [String]) -> [UInt64] {
        var hashes: [UInt64] = []
        for text in texts {
            var hash = FNV1a()
            var inTerm = false
            for byte in text.utf8 {
                if byte == 0x20 || byte == 0x0A {
                    if inTerm { hashes.append(hash.value) }
                    hash = FNV1a()
                    inTerm = false
                } else {
                    hash.add(UInt64(byte))
                    inTerm = true
                }
            }
            if inTerm { hashes.append(hash.value) }
        }
        hashes.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(hashes.count)
        for hash in hashes where unique.last != hash { unique.append(hash) }
        return unique
    }
}
