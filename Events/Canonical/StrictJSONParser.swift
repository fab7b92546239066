/// Why a JSON text was refused. `path` names the place (`$.members[2].idNumber`) so the
/// error a client sees names the field.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where in the document the problem is, as a JSONPath-like string.
    public let path: String
    /// What is wrong there.
    public let reason: String

    public var description: String { "\(path): \(reason)" }
}

/// A strict JSON parser for event payloads. Beyond RFC 8259 it refuses what the log cannot
/// keep byte-for-byte: duplicate keys (jsonb keeps the last silently), numbers with a fraction
/// or exponent, integers outside Int64, `-0`, the NUL character (jsonb rejects it) and lone
/// surrogates. Nesting is bounded so a hostile document cannot exhaust the stack.
public struct StrictJSONParser {
    /// Deepest nesting accepted.
    public static let depthMax = 32

    private let bytes: [UInt8]
    private var offset = 0

    /// Parses `text`, which must hold exactly one JSON value.
    public static func parse(_ text: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        var parser = StrictJSONParser(bytes: Array(text))
        parser.skipWhitespace()
        let value = try parser.parseValue(path: "$", depth: 0)
        parser.skipWhitespace()
        guard parser.offset == parser.bytes.count else {
            throw JSONParseError(path: "$", reason: "unexpected text after the JSON value at byte \(parser.offset)")
        }
        return value
    }

    /// Parses a UTF-8 string.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func skipWhitespace() {
        while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
    }

    private func fail(_ path: String, _ reason: String) -> JSONParseError {
        JSONParseError(path: path, reason: reason)
    }

    private mutating func parseValue(path: String, depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= Self.depthMax else { throw fail(path, "nested deeper than \(Self.depthMax) levels") }
        guard offset < bytes.count else { throw fail(path, "unexpected end of JSON") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try parseObject(path: path, depth: depth)
        case UInt8(ascii: "["): return try parseArray(path: path, depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString(path: path))
        case UInt8(ascii: "t"): try expectLiteral("true", path: path); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false", path: path); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null", path: path); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .integer(try parseInteger(path: path))
        default: throw fail(path, "unexpected character at byte \(offset)")
        }
    }

    private mutating func expectLiteral(_ literal: String, path: String) throws(JSONParseError) {
        let expected = Array(literal.utf8)
        guard offset + expected.count <= bytes.count, Array(bytes[offset..<offset + expected.count]) == expected else {
            throw fail(path, "invalid literal at byte \(offset)")
        }
        offset += expected.count
    }

    private mutating func parseObject(path: String, depth: Int) throws(JSONParseError) -> JSONValue {
        offset += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw fail(path, "expected a member name") }
            let key = try parseString(path: path)
            let memberPath = path + "." + key
            guard members[key] == nil else { throw fail(memberPath, "duplicate key") }
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { throw fail(memberPath, "expected ':'") }
            offset += 1
            skipWhitespace()
            members[key] = try parseValue(path: memberPath, depth: depth + 1)
            skipWhitespace()
            guard offset < bytes.count else { throw fail(path, "unterminated object") }
            if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
            if bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(members) }
            throw fail(path, "expected ',' or '}' at byte \(offset)")
        }
    }

    private mutating func parseArray(path: String, depth: Int) throws(JSONParseError) -> JSONValue {
        offset += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try parseValue(path: "\(path)[\(elements.count)]", depth: depth + 1))
            skipWhitespace()
            guard offset < bytes.count else { throw fail(path, "unterminated array") }
            if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
            if bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(elements) }
            throw fail(path, "expected ',' or ']' at byte \(offset)")
        }
    }

    private mutating func parseInteger(path: String) throws(JSONParseError) -> Int64 {
        let start = offset
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let digitsStart = offset
        while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
        let digits = bytes[digitsStart..<offset]
        if offset < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[offset]) {
            throw fail(path, "only integers are allowed (amounts are integer fen)")
        }
        guard !digits.isEmpty else { throw fail(path, "invalid number") }
        guard digits.count == 1 || digits.first != UInt8(ascii: "0") else { throw fail(path, "leading zeros are not allowed") }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard text != "-0" else { throw fail(path, "-0 is not allowed") }
        guard let number = Int64(text) else { throw fail(path, "integer out of range") }
        return number
    }

    private mutating func parseString(path: String) throws(JSONParseError) -> String {
        offset += 1
        var text = ""
        var runStart = offset
        while true {
            guard offset < bytes.count else { throw fail(path, "unterminated string") }
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                guard let run = String(validating: bytes[runStart..<offset], as: UTF8.self) else {
                    throw fail(path, "string is not valid UTF-8")
                }
                text += run
                offset += 1
                if byte == UInt8(ascii: "\"") { return text }
                text.unicodeScalars.append(try parseEscape(path: path))
                runStart = offset
                continue
            }
            if byte < 0x20 { throw fail(path, "unescaped control character in string") }
            offset += 1
        }
    }

    private mutating func parseEscape(path: String) throws(JSONParseError) -> Unicode.Scalar {
        guard offset < bytes.count else { throw fail(path, "unterminated escape") }
        let escape = bytes[offset]
        offset += 1
        switch escape {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"): return try parseUnicodeEscape(path: path)
        default: throw fail(path, "invalid escape")
        }
    }

    private mutating func readHex4(path: String) throws(JSONParseError) -> UInt32 {
        guard offset + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16) else {
            throw fail(path, "invalid \\u escape")
        }
        offset += 4
        return value
    }

    private mutating func parseUnicodeEscape(path: String) throws(JSONParseError) -> Unicode.Scalar {
        let high = try readHex4(path: path)
        if high == 0 { throw fail(path, "the NUL character is not allowed") }
        if (0xDC00...0xDFFF).contains(high) { throw fail(path, "lone low surrogate") }
        if (0xD800...0xDBFF).contains(high) {
            guard offset + 2 <= bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                throw fail(path, "lone high surrogate")
            }
            offset += 2
            let low = try readHex4(path: path)
            guard (0xDC00...0xDFFF).contains(low) else { throw fail(path, "invalid surrogate pair") }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
        }
        return Unicode.Scalar(high)!
    }
}
