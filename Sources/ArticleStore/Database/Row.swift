/// One result row: its values in column order, addressable by column name.
public struct Row: Sendable, Equatable {
    /// Column names, in order.
    public let columns: [String]
    /// Values, in column order.
    public let values: [DatabaseValue]

    /// A row of `values` under `columns` (same order).
    public init(columns: [String], values: [DatabaseValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value at a column index.
    public subscript(index: Int) -> DatabaseValue { values[index] }

    /// The value of a named column, or `.null` when there is no such column.
    public subscript(name: String) -> DatabaseValue {
        guard let index = columns.firstIndex(of: name) else { return .null }
        return values[index]
    }
}
