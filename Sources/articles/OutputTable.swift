import ArticleStore

/// Rows to print in any ``OutputFormat``: a header and values that are JSON-typed, so the JSON
/// outputs keep numbers as numbers.
struct OutputTable {
    var columns: [String]
    var rows: [[JSONValue]] = []
    /// CSV: prefix cells that a spreadsheet would run as a formula with `'` (see ``ArticleStore/csvCell``).
    var guardFormulas = true

    /// Writes the table to stdout in `format`.
    func print(_ format: OutputFormat) {
        StandardOutput.write(render(format))
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
            let cells = rows.map { $0.map { TerminalText.visible(plain($0)) } }
            var widths = columns.map(Self.displayWidth)
            for row in cells { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], Self.displayWidth(cell)) } }
            func line(_ values: [String]) -> String {
                values.enumerated().map { index, value in
                    index == values.count - 1 ? value : value + String(repeating: " ", count: widths[index] - Self.displayWidth(value))
                }.joined(separator: "  ") + "\n"
            }
            return line(columns) + line(widths.map { String(repeating: "-", count: $0) }) + cells.map(line).joined()
        }
    }

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

    /// Terminal columns a string takes: combining marks (harakat) and format controls take none.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: width
            default: width + (scalar.properties.isEmojiPresentation ? 2 : 1)
            }
        }
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ")
    }
}
