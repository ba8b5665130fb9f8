/// The default profile's normalizer: folds every spelling variant of a word to one form.
///
/// Per scalar, in one pass: compatibility folds (Arabic presentation forms and ligatures to
/// letters, Latin letters with diacritics to base letters, full-width forms to ASCII); removal of
/// harakat U+064B–U+065F, dagger alef U+0670, Quranic marks, tatweel, ZWNJ/ZWJ, bidi controls and
/// other combining marks; hamza composition (و + ٔ → ؤ, ي + ٔ → ئ); letter folds
/// آ أ إ ٱ ٲ ٳ → ا, ى ی ے ۍ ې → ي, ة ۀ ہ ۂ ە → ه, ک → ك; any decimal digit → ASCII; lower case.
/// Joining punctuation kept inside a word by the segmenter (`.` `'` in `د.ب.ا`) is dropped.
///
/// The result is the same for NFC and NFD input, so no separate Unicode normalization pass is
/// needed.
public struct Normalizer: Sendable {
    /// ``arabicBlockTable``, held here so the per-scalar loop does not go through a lazy global.
    private let arabicBlock: [UInt32]

    public init() {
        arabicBlock = Self.arabicBlockTable
    }

    /// For building the table itself.
    private init(table: [UInt32]) {
        arabicBlock = table
    }

    /// `text` without harakat, dagger alef, Quranic marks, tatweel and invisible controls, letters
    /// otherwise as written: for display names built from the text (عبّاس عرقجي → عباس عرقجي).
    public static func strippingMarks(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x064B...0x065F, 0x0670, 0x0610...0x061A, 0x06D6...0x06DC, 0x06DF...0x06ED, 0x0640,
                 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0x061C, 0x00AD, 0xFEFF:
                continue
            default:
                view.append(scalar)
            }
        }
        return String(view)
    }

    /// The normalized form of one word.
    public func normalize(_ word: String) -> String {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(word.unicodeScalars.count)
        normalize(word.unicodeScalars, into: &scalars)
        return ScalarString.make(scalars)
    }

    /// Appends the normalized scalars of `input` to `output`.
    func normalize<Input: Sequence>(_ input: Input, into output: inout [Unicode.Scalar]) where Input.Element == Unicode.Scalar {
        for scalar in input {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x41...0x5A: output.append(Unicode.Scalar(value + 0x20)!)
                case 0x30...0x39, 0x61...0x7A: output.append(scalar)
                default: break // joining punctuation, control characters
                }
                continue
            }
            if value >= 0x0600 && value < 0x0700 {
                // The Arabic block from a table built by `append` itself, so the result is the same.
                let folded = arabicBlock[Int(value - 0x0600)]
                if folded > 1 {
                    output.append(unsafeBitCast(folded, to: Unicode.Scalar.self))
                } else if folded == 1 {
                    append(scalar, to: &output)
                }
                continue
            }
            if let range = Self.compatibilityFold(value) {
                for index in range { append(Unicode.Scalar(CompatibilityFoldingTable.scalars[index])!, to: &output) }
                continue
            }
            append(scalar, to: &output)
        }
    }

    /// What each scalar of U+0600–U+06FF becomes: 0 dropped, 1 context-dependent (decomposed
    /// hamza, handled by `append`), otherwise the scalar it folds to.
    private static let arabicBlockTable: [UInt32] = (0x0600..<0x0700).map { value in
        let scalar = Unicode.Scalar(UInt32(value))!
        if value == 0x0654 { return 1 }
        var output: [Unicode.Scalar] = []
        Normalizer(table: []).append(scalar, to: &output)
        return output.isEmpty ? 0 : output[0].value
    }

    /// The table slice a scalar folds to, if it is one that folds.
    private static func compatibilityFold(_ value: UInt32) -> Range<Int>? {
        guard (value >= 0x00C0 && value <= 0x024F) || (value >= 0x1E00 && value <= 0x1EFF)
            || (value >= 0xFB00 && value <= 0xFEFE) || (value >= 0xFF01 && value <= 0xFF5E) else { return nil }
        let keys = CompatibilityFoldingTable.keys
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < value { low = middle + 1 } else { high = middle }
        }
        guard low < keys.count, keys[low] == value else { return nil }
        return Int(CompatibilityFoldingTable.starts[low])..<Int(CompatibilityFoldingTable.starts[low + 1])
    }

    private func append(_ scalar: Unicode.Scalar, to output: inout [Unicode.Scalar]) {
        let value = scalar.value
        switch value {
        case 0x0030...0x0039, 0x0061...0x007A:
            output.append(scalar)
        case 0x0041...0x005A:
            output.append(Unicode.Scalar(value + 0x20)!)
        case 0x0653, 0x0654, 0x0655:
            // Decomposed hamza and madda: compose with the letter before, then drop.
            if value == 0x0654, let last = output.last {
                if last == "\u{0648}" { output[output.count - 1] = "\u{0624}" }
                else if last == "\u{064A}" { output[output.count - 1] = "\u{0626}" }
            }
        case 0x064B...0x065F, 0x0670, 0x0610...0x061A, 0x06D6...0x06DC, 0x06DF...0x06ED, 0x0640,
             0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0x061C, 0x00AD, 0xFEFF, 0x0300...0x036F:
            break
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673:
            output.append("\u{0627}")
        case 0x0649, 0x06CC, 0x06D2, 0x06CD, 0x06D0:
            output.append("\u{064A}")
        case 0x0629, 0x06C0, 0x06C1, 0x06C2, 0x06D5:
            output.append("\u{0647}")
        case 0x06A9:
            output.append("\u{0643}")
        case 0x0660...0x0669:
            output.append(Unicode.Scalar(0x30 + value - 0x0660)!)
        case 0x06F0...0x06F9:
            output.append(Unicode.Scalar(0x30 + value - 0x06F0)!)
        case 0x0620...0x064A, 0x066E...0x06D3:
            output.append(scalar)
        default:
            let properties = scalar.properties
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .format, .control:
                return
            case .decimalNumber:
                if let digit = properties.numericValue, digit >= 0, digit <= 9 {
                    output.append(Unicode.Scalar(0x30 + UInt32(digit))!)
                }
                return
            case .uppercaseLetter, .titlecaseLetter:
                output.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
                return
            case .lowercaseLetter, .modifierLetter, .otherLetter, .letterNumber, .otherNumber:
                output.append(scalar)
                return
            default:
                return // punctuation joined into a word is not part of its term
            }
        }
    }
}
