/// Two article ids, the smaller first.
struct ArticlePair: Hashable {
    let first: Int64
    let second: Int64

    init(_ a: Int64, _ b: Int64) {
        (first, second) = a < b ? (a, b) : (b, a)
    }
}
