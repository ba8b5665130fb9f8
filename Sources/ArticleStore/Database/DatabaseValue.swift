/// A value stored in or read from an SQLite column.
///
/// See https://sqlite.org/datatype3.html for SQLite's five storage classes.
public enum DatabaseValue: Equatable, Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// A Swift type that can be bound to a statement parameter.
package protocol DatabaseBindable {
    var databaseValue: DatabaseValue { get }
}

extension Int64: DatabaseBindable { package var databaseValue: DatabaseValue { .integer(self) } }
extension Int: DatabaseBindable { package var databaseValue: DatabaseValue { .integer(Int64(self)) } }
extension Int32: DatabaseBindable { package var databaseValue: DatabaseValue { .integer(Int64(self)) } }
extension Bool: DatabaseBindable { package var databaseValue: DatabaseValue { .integer(self ? 1 : 0) } }
extension Double: DatabaseBindable { package var databaseValue: DatabaseValue { .real(self) } }
extension String: DatabaseBindable { package var databaseValue: DatabaseValue { .text(self) } }
extension Substring: DatabaseBindable { package var databaseValue: DatabaseValue { .text(String(self)) } }
extension DatabaseValue: DatabaseBindable { package var databaseValue: DatabaseValue { self } }

extension Optional: DatabaseBindable where Wrapped: DatabaseBindable {
    package var databaseValue: DatabaseValue { self?.databaseValue ?? .null }
}

extension DatabaseValue {
    /// The value as an integer, when it is one.
    public var int64: Int64? { if case let .integer(value) = self { value } else { nil } }
    /// The value as text, when it is text.
    public var string: String? { if case let .text(value) = self { value } else { nil } }
    /// The value as a double (integers convert).
    public var double: Double? {
        switch self {
        case let .real(value): value
        case let .integer(value): Double(value)
        default: nil
        }
    }
    /// The bytes of a blob.
    public var bytes: [UInt8]? { if case let .blob(value) = self { value } else { nil } }
    /// True for SQL NULL.
    public var isNull: Bool { self == .null }
}

extension DatabaseValue: Codable {
    /// JSON null, a number, a string, or for a blob an array of its bytes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .integer(value): try container.encode(value)
        case let .real(value): try container.encode(value)
        case let .text(value): try container.encode(value)
        case let .blob(bytes): try container.encode(bytes.map(Int.init))
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .real(value)
        } else if let value = try? container.decode(String.self) {
            self = .text(value)
        } else {
            self = .blob(try container.decode([UInt8].self))
        }
    }
}
