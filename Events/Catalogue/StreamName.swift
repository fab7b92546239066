/// A stream's name, `category-id` (`case-5301020010012024000123`, `policy-530000`).
/// The category — everything before the first `-` — is what projections subscribe to.
public struct StreamName: Sendable, Hashable, CustomStringConvertible {
    /// Longest accepted name, in bytes.
    public static let lengthMax = 200

    /// The whole name.
    public let rawValue: String

    /// The part before the first `-`.
    public var category: String { String(rawValue.prefix { $0 != "-" }) }

    /// The part after the first `-`.
    public var id: String { String(rawValue.drop { $0 != "-" }.dropFirst()) }

    /// Validates `rawValue`: a lower-case category of letters, digits and `_`, a `-`, and a
    /// non-empty id of ASCII letters, digits, `_`, `.`, `:` and `-`.
    public init(_ rawValue: String) throws(EventValidationError) {
        let bytes = Array(rawValue.utf8)
        guard !bytes.isEmpty, bytes.count <= Self.lengthMax, let dash = bytes.firstIndex(of: UInt8(ascii: "-")), dash > 0, dash < bytes.count - 1
        else { throw .invalid(field: "stream_id", reason: "must be 'category-id', at most \(Self.lengthMax) bytes") }
        let categoryOK = bytes[..<dash].allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "_") }
        let idOK = bytes[(dash + 1)...].allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || [UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "-")].contains(byte)
        }
        guard categoryOK, idOK, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[0]) else {
            throw .invalid(field: "stream_id", reason: "category must be lower-case [a-z0-9_], id [A-Za-z0-9_.:-]")
        }
        self.rawValue = rawValue
    }

    /// `category-id`.
    public init(category: String, id: String) throws(EventValidationError) {
        try self.init(category + "-" + id)
    }

    public var description: String { rawValue }
}
