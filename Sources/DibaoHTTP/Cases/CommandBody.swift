import DibaoEvents
import Foundation
import Hummingbird

/// A request's JSON object, read strictly: the ledger's parser (no fractions, no duplicate
/// members), every member read by name, and unknown members refused. Errors are 400s naming
/// the field.
struct CommandBody {
    /// Largest body accepted, bytes.
    static let bytesMax = 256 * 1024

    private(set) var members: [String: JSONValue]
    private var read: Set<String> = []

    init(_ value: JSONValue) throws {
        guard let members = value.objectValue else { throw APIError.invalid(field: "body", reason: "must be a JSON object", code: "malformed_json") }
        self.members = members
    }

    static func read(_ request: Request) async throws -> CommandBody {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: bytesMax) } catch {
            throw APIError.invalid(field: "body", reason: "larger than \(bytesMax) bytes", code: "malformed_json")
        }
        return try CommandBody(StrictJSONParser.parse(buffer.readableBytesView))
    }

    /// The whole object, after refusing the named members (set from the token, not the body).
    mutating func object(refusing serverSet: [String]) throws -> JSONValue {
        for name in serverSet where members[name] != nil {
            throw APIError.invalid(field: name, reason: "is set from the bearer token, not the request body")
        }
        read = Set(members.keys)
        return .object(members)
    }

    mutating func string(_ name: String) throws -> String {
        guard let text = try optionalString(name) else { throw missing(name) }
        return text
    }

    mutating func optionalString(_ name: String) throws -> String? {
        guard let value = take(name) else { return nil }
        guard let text = value.stringValue, !text.isEmpty else { throw APIError.invalid(field: name, reason: "must be a non-empty string") }
        return text
    }

    /// A UUID in any letter case (event ids are shown lower-case).
    mutating func uuid(_ name: String) throws -> UUID {
        guard let id = UUID(uuidString: try string(name)) else { throw APIError.invalid(field: name, reason: "must be a UUID") }
        return id
    }

    /// Free text kept in the log for good (a reason, an explanation): refused when it holds an ID
    /// or account number, which every reader of the case would see (R-D04, `FreeText`).
    mutating func freeText(_ name: String) throws -> String {
        let text = try string(name)
        guard !FreeText.containsLongNumber(text) else {
            throw APIError.invalid(field: name, reason: "must not contain an ID or account number (\(FreeText.numberDigitsMin) or more digits); name the person by relation")
        }
        return text
    }

    mutating func date(_ name: String) throws -> BusinessDate {
        guard let date = try optionalDate(name) else { throw missing(name) }
        return date
    }

    mutating func optionalDate(_ name: String) throws -> BusinessDate? {
        try optionalString(name).map { text in try BusinessDate(text, field: name) }
    }

    mutating func month(_ name: String) throws -> CalendarMonth {
        let text = try string(name)
        do { return try CalendarMonth(text) } catch { throw APIError.invalid(field: name, reason: "must be a month YYYY-MM") }
    }

    mutating func regionCode(_ name: String) throws -> RegionCode {
        try RegionCode(try string(name), field: name)
    }

    /// A non-negative amount of fen (fractions never parse).
    mutating func fen(_ name: String) throws -> Int64 {
        guard let amount = try optionalFen(name) else { throw missing(name) }
        return amount
    }

    mutating func optionalFen(_ name: String) throws -> Int64? {
        guard let value = try optionalInteger(name) else { return nil }
        guard value >= 0 else { throw APIError.invalid(field: name, reason: "must not be negative (an integer amount of fen)") }
        return value
    }

    mutating func optionalInteger(_ name: String) throws -> Int64? {
        guard let value = take(name) else { return nil }
        guard let number = value.integerValue else { throw APIError.invalid(field: name, reason: "must be an integer") }
        return number
    }

    mutating func enumeration<Value: RawRepresentable>(_ name: String, _ type: Value.Type) throws -> Value? where Value.RawValue == String {
        guard let text = try optionalString(name) else { return nil }
        guard let value = Value(rawValue: text) else { throw APIError.invalid(field: name, reason: "unknown value '\(text)'") }
        return value
    }

    /// A member decoded with its `Codable` form (records such as incomes), errors naming the field.
    mutating func decoded<Value: Decodable>(_ name: String, as type: Value.Type) throws -> Value? {
        guard let value = take(name) else { return nil }
        do { return try JSONDecoder().decode(Value.self, from: Data(CanonicalJSON.bytes(value))) } catch let error as DecodingError {
            throw APIError.invalid(field: Self.path(name, error), reason: "not a valid value")
        }
    }

    /// Refuses members nobody read.
    func finish() throws {
        if let unknown = Set(members.keys).subtracting(read).sorted().first {
            throw APIError.invalid(field: unknown, reason: "unknown member")
        }
    }

    private mutating func take(_ name: String) -> JSONValue? {
        read.insert(name)
        guard let value = members[name], value != .null else { return nil }
        return value
    }

    private func missing(_ name: String) -> APIError { APIError.invalid(field: name, reason: "required") }

    private static func path(_ name: String, _ error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .keyNotFound(let key, let found): return path(name, found.codingPath + [key])
        case .typeMismatch(_, let found), .valueNotFound(_, let found), .dataCorrupted(let found): context = found
        @unknown default: return name
        }
        return path(name, context.codingPath)
    }

    private static func path(_ name: String, _ keys: [any CodingKey]) -> String {
        keys.reduce(name) { path, key in key.intValue.map { "\(path)[\($0)]" } ?? "\(path).\(key.stringValue)" }
    }
}
