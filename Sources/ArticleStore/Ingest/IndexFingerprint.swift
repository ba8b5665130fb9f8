/// A 64-bit fingerprint (FNV-1a) of the text an article's full-text entries were made from:
/// its title, body and tags as stored. Kept in `articles.indexed_hash`, so that `check` finds
/// rows another tool changed by hashing, without analyzing every article again, and so that
/// removing an entry from the contentless index never uses text it was not made from.
enum IndexFingerprint {
    static func of(title: String?, body: String, tags: [String]) -> Int64 {
        var hash = FNV1a()
        func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 { hash.add(bytes: bytes) }
        add(title.map { [1] + Array($0.utf8) } ?? [0])
        add([0])
        add(body.utf8)
        for tag in tags {
            add([0])
            add(tag.utf8)
        }
        return Int64(bitPattern: hash.value)
    }
}
