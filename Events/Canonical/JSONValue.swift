/// A JSON value restricted to what the log stores: objects, arrays, strings, integers,
/// booleans and null. There are no floating-point numbers in the ledger — money is integer
/// fen — and refusing them is what makes an event's canonical bytes recomputable from the
/// `jsonb` PostgreSQL keeps (jsonb rewrites number forms such as `1.0` or `1e2`).
public enum JSONValue: Sendable, Hashable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case null

    /// The members of an object, or nil.
    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The string, or nil.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The integer, or nil.
    public var integerValue: Int64? {
        if case .integer(let number) = self { return number }
        return nil
    }

    /// The elements of an array, or nil.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The member named `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

extension JSONValue {
    /// Whether any string (or member name) holds U+0000, which PostgreSQL's jsonb cannot store.
    /// The strict parser already refuses it in text; values built in Swift are checked here.
    public var containsNULCharacter: Bool {
        switch self {
        case .string(let text): return text.utf8.contains(0)
        case .array(let elements): return elements.contains { $0.containsNULCharacter }
        case .object(let members): return members.contains { $0.key.utf8.contains(0) || $0.value.containsNULCharacter }
        case .integer, .bool, .null: return false
        }
    }
}
