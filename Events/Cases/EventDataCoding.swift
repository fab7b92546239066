#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Bridges `Codable` event types and `JSONValue`. Foundation's JSON coder is used only as a
/// structural mapper; the bytes that count are always `CanonicalJSON`'s.
enum EventDataCoding {
    static func encode<Value: Encodable>(_ value: Value) -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            let data = try encoder.encode(value)
            return try StrictJSONParser.parse(Array(data))
        } catch {
            preconditionFailure("an event type encoded to JSON the ledger refuses: \(error)")
        }
    }

    static func decode<Value: LedgerEventData>(_ type: Value.Type, from json: JSONValue) throws(EventValidationError) -> Value {
        guard case .object = json else { throw .invalid(field: "data", reason: "must be a JSON object") }
        let value: Value
        do {
            value = try JSONDecoder().decode(Value.self, from: Data(CanonicalJSON.bytes(json)))
        } catch let error as DecodingError {
            throw translate(error)
        } catch let error as EventValidationError {
            throw error
        } catch {
            throw .invalid(field: "data", reason: "\(error)")
        }
        if let path = firstDifference(json, encode(value), path: "data") {
            throw .invalid(field: path, reason: "unknown member, explicit null or non-canonical value")
        }
        try value.check()
        return value
    }

    static func fieldPath(_ codingPath: [any CodingKey]) -> String {
        codingPath.reduce("data") { path, key in
            if let index = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == String(index) { return "\(path)[\(index)]" }
            return "\(path).\(key.stringValue)"
        }
    }

    private static func translate(_ error: DecodingError) -> EventValidationError {
        switch error {
        case .keyNotFound(let key, let context):
            return .invalid(field: fieldPath(context.codingPath + [key]), reason: "required")
        case .typeMismatch(let type, let context):
            return .invalid(field: fieldPath(context.codingPath), reason: "must be \(type)")
        case .valueNotFound(let type, let context):
            return .invalid(field: fieldPath(context.codingPath), reason: "must be a \(type), not null")
        case .dataCorrupted(let context):
            return .invalid(field: fieldPath(context.codingPath), reason: context.debugDescription)
        @unknown default:
            return .invalid(field: "data", reason: "\(error)")
        }
    }

    /// The path of the first place where `sent` and `reencoded` differ, or nil.
    private static func firstDifference(_ sent: JSONValue, _ reencoded: JSONValue, path: String) -> String? {
        switch (sent, reencoded) {
        case (.object(let left), .object(let right)):
            for key in left.keys.sorted() {
                guard let other = right[key] else { return "\(path).\(key)" }
                if let found = firstDifference(left[key]!, other, path: "\(path).\(key)") { return found }
            }
            return left.count == right.count ? nil : path
        case (.array(let left), .array(let right)):
            for (index, element) in left.enumerated() where index < right.count {
                if let found = firstDifference(element, right[index], path: "\(path)[\(index)]") { return found }
            }
            return left.count == right.count ? nil : path
        default:
            return sent == reencoded ? nil : path
        }
    }
}

/// Throws a decoding error that names the current field, from inside `init(from:)`.
func invalidValue(_ decoder: any Decoder, _ reason: String) -> DecodingError {
    DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: reason))
}
