/// Encodes `Encodable` values into a ``JSONValue`` with keys in the order the value encodes
/// them (Foundation's `JSONEncoder` orders keys by hash on Linux, so its output changes from
/// run to run). The command line prints the library's models through it; apps can use
/// `JSONEncoder` on the same `Codable` models.
package struct JSONValueEncoder {
    package init() {}

    /// The JSON of `value`.
    package func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let node = Node()
        try value.encode(to: NodeEncoder(node: node, codingPath: []))
        return node.resolved()
    }

    /// `value` serialized as compact JSON text.
    package func string<T: Encodable>(_ value: T) throws -> String {
        try encode(value).serialized()
    }
}

/// A value being built: filled in by one container.
private final class Node {
    enum Content {
        case empty
        case value(JSONValue)
        case object([(String, Node)])
        case array([Node])
    }

    var content = Content.empty

    func resolved() -> JSONValue {
        switch content {
        case .empty: .object([])
        case let .value(value): value
        case let .object(pairs): .object(pairs.map { ($0.0, $0.1.resolved()) })
        case let .array(nodes): .array(nodes.map { $0.resolved() })
        }
    }

    func set(_ key: String, _ node: Node) {
        var pairs: [(String, Node)] = []
        if case let .object(existing) = content { pairs = existing }
        if let index = pairs.firstIndex(where: { $0.0 == key }) { pairs[index].1 = node } else { pairs.append((key, node)) }
        content = .object(pairs)
    }

    func append(_ node: Node) {
        var nodes: [Node] = []
        if case let .array(existing) = content { nodes = existing }
        nodes.append(node)
        content = .array(nodes)
    }

    var count: Int {
        if case let .array(nodes) = content { return nodes.count }
        return 0
    }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    let stringValue: String
    init(_ index: Int) { intValue = index; stringValue = String(index) }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.init(intValue) }
}

private struct NodeEncoder: Encoder {
    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .object([]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(node: node, codingPath: codingPath)
    }
}

/// Encodes one value into `node`: primitives directly, anything else through its own `encode(to:)`.
private func encodeValue<T: Encodable>(_ value: T, into node: Node, codingPath: [any CodingKey]) throws {
    switch value {
    case let value as String: node.content = .value(.string(value))
    case let value as Bool: node.content = .value(.bool(value))
    case let value as Int: node.content = .value(.int(Int64(value)))
    case let value as Int64: node.content = .value(.int(value))
    case let value as Int32: node.content = .value(.int(Int64(value)))
    case let value as Double: node.content = .value(.double(value))
    case let value as Float: node.content = .value(.double(Double(value)))
    case let value as JSONValue: node.content = .value(value)
    default: try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        let child = Node()
        child.content = .value(.null)
        node.set(key.stringValue, child)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let child = Node()
        try encodeValue(value, into: child, codingPath: codingPath + [key])
        node.set(key.stringValue, child)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = Node()
        node.set(key.stringValue, child)
        return NodeEncoder(node: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = Node()
        node.set(key.stringValue, child)
        return NodeEncoder(node: child, codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = Node()
        node.set("super", child)
        return NodeEncoder(node: child, codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = Node()
        node.set(key.stringValue, child)
        return NodeEncoder(node: child, codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    var count: Int { node.count }

    mutating func encodeNil() throws {
        let child = Node()
        child.content = .value(.null)
        node.append(child)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let child = Node()
        try encodeValue(value, into: child, codingPath: codingPath + [IndexKey(count)])
        node.append(child)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = Node()
        let path = codingPath + [IndexKey(count)]
        node.append(child)
        return NodeEncoder(node: child, codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = Node()
        let path = codingPath + [IndexKey(count)]
        node.append(child)
        return NodeEncoder(node: child, codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = Node()
        let path = codingPath + [IndexKey(count)]
        node.append(child)
        return NodeEncoder(node: child, codingPath: path)
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .value(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeValue(value, into: node, codingPath: codingPath)
    }
}
