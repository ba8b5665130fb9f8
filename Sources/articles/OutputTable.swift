import ArticleStore

/// Rows to print in any ``OutputFormat``: a header and values that are JSON-typed, so the JSON
/// outputs keep numbers as numbers.
struct OutputTable {
    var columns: [String]
    var rows: [[JSONValue]] = []
    /// CSV: prefix cells that a spreadsheet would run as a formula with `'` (see ``ArticleStore/csvCell``).
    var guardFormulas = true

    /// Writes the table to stdout in `format`.
    func print(_ format: OutputFormat, bom: Bool = false) {
        StandardOutput.write((bom && format == .csv ? "\u{FEFF}" : "") + render(format))
    }

    func render(_ format: OutputFormat) -> String {
        switch format {
        case .json:
            return JSONValue.array(rows.map(object)).serialized() + "\n"
        case .ndjson:
            return rows.map { object($0).serialized() + "\n" }.joined()
        case .csv:
            return ([columns.map { csvField($0) }] + rows.map { $0.map { csvField(plain($0), guardFormulas: guardFormulas) } })
                .map { $0.joined(separator: ",") + "\r\n" }.joined()
        case .table:
            var cells = rows.map { $0.map { TerminalText.visible(plain($0)) } }
            var widths = columns.map(Self.displayWidth)
            for row in cells { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], Self.displayWidth(cell)) } }
            // Fit the terminal: the widest column gives way, its cells cut with an ellipsis.
            if let available = maximumWidth {
                let total = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
                if total > available, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) {
                    let target = max(8, widths[widest] - (total - available))
                    widths[widest] = target
                    for row in cells.indices { cells[row][widest] = Self.truncated(cells[row][widest], to: target) }
                }
            }
            func line(_ values: [String]) -> String {
                values.enumerated().map { index, value in
                    // Each cell isolated (FSI ... PDI) so right-to-left text cannot reorder its neighbours.
                    let isolated = "\u{2068}" + value + "\u{2069}"
                    return index == values.count - 1 ? isolated : isolated + String(repeating: " ", count: max(0, widths[index] - Self.displayWidth(value)))
                }.joined(separator: "  ") + "\n"
            }
            return line(columns) + line(widths.map { String(repeating: "-", count: $0) }) + cells.map(line).joined()
        }
    }

    /// The widest a table may be (the terminal's width when stdout is one); nil: no limit.
    var maximumWidth: Int? = StandardOutput.terminalWidth

    /// `text` cut to `width` display columns, ending in an ellipsis when cut.
    static func truncated(_ text: String, to width: Int) -> String {
        guard displayWidth(text) > width else { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = displayWidth(String(character))
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// Terminal columns a string takes: combining marks (harakat) and format controls take
    /// none; East Asian wide and fullwidth characters and emoji take two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format, .control: width
            default: width + (isWide(scalar) ? 2 : 1)
            }
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, and emoji presentation.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isEmojiPresentation { return true }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

extension OutputTable {
    private func object(_ row: [JSONValue]) -> JSONValue {
        .object(Array(zip(columns, row)))
    }

    private func plain(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case let .string(text): text.replacingNewlines()
        case let .array(values): values.map(plain).joined(separator: ", ")
        default: value.serialized()
        }
    }

    private func csvField(_ text: String, guardFormulas: Bool = false) -> String {
        CSV.field(text, guardFormulas: guardFormulas)
    }

}

extension String {
    fileprivate func replacingNewlines() -> String {
        split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ")
    }
}
