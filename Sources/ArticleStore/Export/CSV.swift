/// CSV records (RFC 4180) as spreadsheets read them safely.
package enum CSV {
    /// Characters that make a spreadsheet read a cell as a formula (`=HYPERLINK(...)`), or that
    /// it strips before doing so (tab, carriage return): the OWASP "CSV injection" list.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// One field: quoted when it holds a comma, quote or line break; with `guardFormulas`, a
    /// cell that starts like a formula gets a leading `'` so spreadsheets show it as text.
    package static func field(_ text: String, guardFormulas: Bool) -> String {
        var text = text
        if guardFormulas, let first = text.first, formulaStarts.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// One record, CRLF-terminated.
    package static func line(guardFormulas: Bool, _ fields: [String]) -> String {
        fields.map { field($0, guardFormulas: guardFormulas) }.joined(separator: ",") + "\r\n"
    }
}
