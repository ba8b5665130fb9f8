/// One result row: its values in column order, addressable by column name.
package struct Row: Sendable, Equatable {
    /// Column names, in order.
    package let columns: [String]
    /// Values, in column order.
    package let values: [DatabaseValue]

    /// A row of `values` under `columns` (same order).
    package init(columns: [String], values: [DatabaseValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value at a column index.
    package subscript(index: Int) -> DatabaseValue { values[index] }

    /// The value of a named column, or `.null` when there is no such column.
    package subscript(name: String) -> DatabaseValue {
        guard let index = columns.firstIndex(of: name) else { return .null }
        return values[index]
    }
}
