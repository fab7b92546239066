import DibaoEvents
import Testing

@Suite("Canonical JSON and the strict parser")
struct CanonicalJSONTests {
    @Test("Key order and whitespace of the input do not change the canonical bytes")
    func keyOrderIsIrrelevant() throws {
        let first = try StrictJSONParser.parse(#"{"b": 1, "a": {"y": [1, 2], "x": "低保"}}"#)
        let second = try StrictJSONParser.parse(#"{"a":{"x":"低保","y":[1,2]},"b":1}"#)
        #expect(CanonicalJSON.string(first) == #"{"a":{"x":"低保","y":[1,2]},"b":1}"#)
        #expect(CanonicalJSON.bytes(first) == CanonicalJSON.bytes(second))
    }

    @Test("Control characters are escaped as \\u00xx; quotes and backslashes are escaped")
    func escaping() {
        #expect(CanonicalJSON.string(.string("a\n\"\\\u{01}")) == #""a\u000a\"\\\u0001""#)
    }

    @Test("Refused: duplicate keys, fractions, exponents, -0, leading zeros, NUL, lone surrogates, trailing text", arguments: [
        (#"{"a":1,"a":2}"#, "$.a"), (#"{"amountFen":1.5}"#, "$.amountFen"), (#"{"n":1e3}"#, "$.n"), (#"{"n":-0}"#, "$.n"),
        (#"{"n":012}"#, "$.n"), (#"{"s":"\u0000"}"#, "$.s"), (#"{"s":"\ud800"}"#, "$.s"), (#"{"a":1} x"#, "$"),
        (#"{"a":"#, "$.a"), (#"[1,]"#, "$[1]"),
    ])
    func refusals(text: String, path: String) {
        #expect(throws: JSONParseError.self) { try StrictJSONParser.parse(text) }
        do { _ = try StrictJSONParser.parse(text) } catch { #expect(error.path == path, "\(text) → \(error)") }
    }

    @Test("Nesting deeper than the bound is refused")
    func depthBound() {
        let deep = String(repeating: "[", count: StrictJSONParser.depthMax + 2) + String(repeating: "]", count: StrictJSONParser.depthMax + 2)
        #expect(throws: JSONParseError.self) { try StrictJSONParser.parse(deep) }
    }

    @Test("Surrogate pairs decode to one scalar")
    func surrogatePair() throws {
        #expect(try StrictJSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test("The NUL scan of canonical bytes agrees with the value's own check", arguments: [
        JSONValue.string("a\u{0}b"), ["k\u{0}": 1], ["k": ["x", "\u{0}"]], .string(#"\u0000"#), .string("\\\u{0}"),
        .string(#"\\u0000"#), .string("\u{1}\u{10}\u{1F}"), ["text": "乡镇\\u00"], .string("\\"), .string("ends with \\u"), .null,
    ])
    func nulScan(value: JSONValue) {
        #expect(CanonicalJSON.containsNUL(canonical: CanonicalJSON.bytes(value)) == value.containsNULCharacter, "\(CanonicalJSON.string(value))")
    }
}
