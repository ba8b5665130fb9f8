/// The word-boundary class of a Unicode scalar: a compact subset of the Word_Break property of
/// UAX #29 (https://unicode.org/reports/tr29/), which Lucene's StandardTokenizer implements.
enum ScalarClass: UInt8 {
    /// Letters (ALetter, Hebrew_Letter, Katakana): L* except ideographs. Includes tatweel.
    case letter
    /// Decimal digits (Numeric).
    case digit
    /// Combining marks (Extend): harakat, Latin accents. They stay in the word before them.
    case mark
    /// Format controls (Format, ZWJ): ZWNJ, ZWJ, bidi marks, soft hyphen. Ignored inside words.
    case format
    /// `:` and friends: join letters (UAX #29 WB6/7).
    case midLetter
    /// `.` `’` `'`: join letters, and digits (WB6/7, WB11/12).
    case midNumLet
    /// `,` `;` `،` `٬`: join digits (WB11/12).
    case midNum
    /// `_` and connector punctuation (ExtendNumLet).
    case extendNumLet
    /// Han and Hiragana: one token per scalar, as StandardTokenizer emits them.
    case ideograph
    /// Everything else: white space, punctuation, symbols.
    case other

    init(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39: self = .digit
            case 0x41...0x5A, 0x61...0x7A: self = .letter
            case 0x3A: self = .midLetter
            case 0x2E, 0x27: self = .midNumLet
            case 0x2C, 0x3B: self = .midNum
            case 0x5F: self = .extendNumLet
            default: self = .other
            }
            return
        }
        // The Arabic block, the common case, without a property lookup.
        if value >= 0x0600 && value <= 0x06FF {
            switch value {
            case 0x060C, 0x060D, 0x066B, 0x066C: self = .midNum
            case 0x0660...0x0669, 0x06F0...0x06F9: self = .digit
            case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4,
                 0x06E7, 0x06E8, 0x06EA...0x06ED: self = .mark
            case 0x061C, 0x0600...0x0605, 0x06DD: self = .format
            case 0x0620...0x064A, 0x066E, 0x066F, 0x0671...0x06D3, 0x06D5, 0x06E5, 0x06E6, 0x06EE, 0x06EF,
                 0x06FA...0x06FC, 0x06FF: self = .letter
            default: self = .other
            }
            return
        }
        switch value {
        case 0x00B7, 0x0387, 0x055F, 0x05F4, 0x2027, 0xFE13, 0xFE55, 0xFF1A: self = .midLetter; return
        case 0x2018, 0x2019, 0x2024, 0xFE52, 0xFF07, 0xFF0E: self = .midNumLet; return
        case 0x037E, 0x0589, 0x07F8, 0x2044, 0xFE10, 0xFE14, 0xFE50, 0xFE54, 0xFF0C, 0xFF1B: self = .midNum; return
        case 0x202F, 0x203F, 0x2040, 0x2054, 0xFE33, 0xFE34, 0xFE4D...0xFE4F, 0xFF3F: self = .extendNumLet; return
        case 0x200C, 0x200D: self = .format; return
        case 0x3040...0x309F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF: self = .ideograph; return
        default: break
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: self = .letter
        case .decimalNumber: self = .digit
        case .nonspacingMark, .spacingMark, .enclosingMark: self = .mark
        case .format: self = .format
        default: self = .other
        }
    }

    /// Classes of U+0000–U+06FF (ASCII, Latin, Arabic), looked up instead of computed.
    static let table: [ScalarClass] = (0..<0x0700).map { ScalarClass(Unicode.Scalar($0) ?? " ") }

    /// The class of `scalar`, from the table when it is in it.
    @inline(__always)
    static func of(_ scalar: Unicode.Scalar) -> ScalarClass {
        scalar.value < 0x0700 ? table[Int(scalar.value)] : ScalarClass(scalar)
    }

    /// True for classes that can begin a word.
    var startsWord: Bool {
        switch self {
        case .letter, .digit, .extendNumLet, .ideograph: true
        default: false
        }
    }
}
