/// Text from the store made safe for a terminal: control characters (C0 except tab, DEL, C1,
/// and the bidirectional overrides that reorder what follows) are shown as visible escapes such
/// as `\x1B`, so a stored title cannot clear the screen, ring the bell, change the window title
/// or move the cursor.
enum TerminalText {
    /// `text` with every control character replaced by its visible escape.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { append(scalar, to: &out) }
        return String(out)
    }

    /// Appends `scalar`, escaped when it is a control character.
    static func append(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        guard isControl(scalar) else {
            out.append(scalar)
            return
        }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let escape = scalar.value <= 0xFF ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex : "\\u{" + hex + "}"
        out.append(contentsOf: escape.unicodeScalars)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069: true // embeddings, overrides, isolates
        default: false
        }
    }
}
