/// Lucene's `ArabicNormalizationFilter` and, optionally, its `PersianNormalizationFilter`,
/// reproduced exactly (Lucene 8.7: `ArabicNormalizer`, `PersianNormalizer`).
///
/// Arabic: آ أ إ → ا, ى → ي, ة → ه; delete tatweel and U+064B–U+0652.
/// Persian (applied first when enabled): ی ے → ي, ک → ك, ۀ ہ → ه, delete U+0654.
public struct LuceneNormalizer: Sendable {
    /// Whether the Persian filter runs before the Arabic one.
    public let persian: Bool

    public init(persian: Bool = false) {
        self.persian = persian
    }

    /// The normalized form of one word.
    public func normalize(_ word: String) -> String {
        var scalars = Array(word.unicodeScalars)
        normalize(&scalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Normalizes scalars in place.
    func normalize(_ scalars: inout [Unicode.Scalar]) {
        var kept = 0
        for index in scalars.indices {
            var value = scalars[index].value
            if persian {
                switch value {
                case 0x06CC, 0x06D2: value = 0x064A
                case 0x06A9: value = 0x0643
                case 0x06C0, 0x06C1: value = 0x0647
                case 0x0654: continue
                default: break
                }
            }
            switch value {
            case 0x0622, 0x0623, 0x0625: value = 0x0627
            case 0x0649: value = 0x064A
            case 0x0629: value = 0x0647
            case 0x0640, 0x064B...0x0652: continue
            default: break
            }
            scalars[kept] = unsafeBitCast(value, to: Unicode.Scalar.self)
            kept += 1
        }
        scalars.removeLast(scalars.count - kept)
    }
}
